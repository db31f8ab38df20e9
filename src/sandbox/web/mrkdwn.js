// Slack mrkdwn to HTML, everything escaped: *bold*, _italic_, ~strike~, `code`, ```pre```, > quotes,
// <links|label>, <@U…>, <#C…>, <!here>, <!subteam^…>, <!date^…>, :emoji:. A browser global and a CommonJS module.
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else root.SandboxMrkdwn = factory();
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  const EMOJI = {
    pushpin: '📌', rotating_light: '🚨', memo: '📝', white_check_mark: '✅', speech_balloon: '💬',
    leftwards_arrow_with_hook: '↩️', hourglass_flowing_sand: '⏳', hourglass: '⌛', warning: '⚠️',
    small_blue_diamond: '🔹', paperclip: '📎', page_facing_up: '📄', mega: '📣', lock: '🔒',
    busts_in_silhouette: '👥', bust_in_silhouette: '👤', ballot_box_with_check: '☑️',
    arrows_counterclockwise: '🔄', arrow_up_down: '↕️', fire: '🔥', red_circle: '🔴', large_orange_circle: '🟠',
    large_yellow_circle: '🟡', large_green_circle: '🟢', x: '❌', heavy_check_mark: '✔️', eyes: '👀',
    thumbsup: '👍', '+1': '👍', wrench: '🔧', mag: '🔍', bell: '🔔', clock1: '🕐', link: '🔗', key: '🔑',
    information_source: 'ℹ️', file_folder: '📁', writing_hand: '✍️', tada: '🎉', no_entry: '⛔', stopwatch: '⏱️', calendar: '📅', bar_chart: '📊', computer: '💻',
  };
  const SLOT = /\uE000(\d+)\uE001/g;

  /** Escapes text for HTML element content and attribute values. */
  function escapeHtml(text) {
    return String(text == null ? '' : text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
  }

  /** Slack sends `&`, `<`, `>` as entities in text; this gives back the characters. */
  function decodeEntities(text) {
    return String(text).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  }

  /** `:name:` to the emoji, for the names the bot uses and a few common ones; others stay as typed. */
  function emojify(html) {
    return html.replace(/:([a-z0-9_+-]+):/g, (whole, name) => EMOJI[name] || whole);
  }

  /** plain_text: entities decoded, then escaped; emoji and line breaks kept. */
  function renderPlain(text) {
    return emojify(escapeHtml(decodeEntities(text == null ? '' : text))).replace(/\n/g, '<br>');
  }

  /** Renders mrkdwn as safe HTML; ctx: { users: {id: {name}}, channels: {id: name}, timeZone?, now? }. */
  function renderMrkdwn(text, ctx) {
    const slots = [];
    const hold = (html) => `\uE000${slots.push(html) - 1}\uE001`;
    let s = String(text == null ? '' : text).replace(/[\uE000\uE001]/g, '');
    s = s.replace(/```\n?([\s\S]*?)```/g, (_, code) => hold(`<pre class="code">${escapeHtml(decodeEntities(code.replace(/<([^<>|\n]+)(\|([^<>\n]*))?>/g, (w, t, _l, label) => label || t)))}</pre>`));
    s = s.replace(/`([^`\n]+)`/g, (_, code) => hold(`<code>${escapeHtml(decodeEntities(code))}</code>`));
    s = s.replace(/<([^<>\n]+)>/g, (_, token) => hold(renderToken(token, ctx || {})));
    const html = joinLines(s.split('\n').map(renderLine));
    return html.replace(SLOT, (_, i) => slots[Number(i)]).replace(SLOT, (_, i) => slots[Number(i)]);
  }

  function renderLine(line) {
    const quote = /^>\s?/.exec(line);
    const body = quote ? line.slice(quote[0].length) : line;
    return { quote: Boolean(quote), html: emojify(format(escapeHtml(decodeEntities(body)))) };
  }

  function format(html) {
    const wrap = (mark, tag) => (text) =>
      text.replace(new RegExp(`(^|[^\\w${mark}])\\${mark}(?=[^\\s${mark}])([^${mark}]*?[^\\s${mark}])\\${mark}(?![\\w${mark}])`, 'g'), `$1<${tag}>$2</${tag}>`);
    return wrap('~', 's')(wrap('_', 'i')(wrap('*', 'b')(html)));
  }

  function joinLines(lines) {
    let out = '';
    for (let i = 0; i < lines.length; i += 1) {
      const line = lines[i];
      if (line.quote) {
        const group = [];
        while (i < lines.length && lines[i].quote) group.push(lines[i++].html);
        i -= 1;
        out += `<blockquote>${group.join('<br>')}</blockquote>`;
      } else {
        out += (i > 0 && !lines[i - 1].quote ? '<br>' : '') + line.html;
      }
    }
    return out;
  }

  function renderToken(token, ctx) {
    const bar = token.indexOf('|');
    const target = bar < 0 ? token : token.slice(0, bar);
    const label = bar < 0 ? undefined : token.slice(bar + 1);
    if (target[0] === '@') {
      const user = ctx.users && ctx.users[target.slice(1)];
      return `<span class="mention">@${escapeHtml(user ? user.name : label || target.slice(1))}</span>`;
    }
    if (target[0] === '#') {
      const id = target.slice(1);
      const name = (ctx.channels && ctx.channels[id]) || label || id;
      return `<a href="#" class="channel-link" data-channel="${escapeHtml(id)}">#${escapeHtml(name)}</a>`;
    }
    if (target[0] === '!') return renderSpecial(target.slice(1), label, ctx);
    if (/^(https?:|mailto:)/i.test(target)) {
      return `<a href="${escapeHtml(decodeEntities(target))}" target="_blank" rel="noopener noreferrer">${escapeHtml(decodeEntities(label || target))}</a>`;
    }
    return escapeHtml(decodeEntities(`<${token}>`));
  }

  function renderSpecial(target, label, ctx) {
    const parts = target.split('^');
    if (['here', 'channel', 'everyone'].includes(parts[0])) return `<span class="mention broadcast">@${parts[0]}</span>`;
    if (parts[0] === 'subteam') return `<span class="mention">${escapeHtml(label || `@${parts[1]}`)}</span>`;
    if (parts[0] === 'date' && /^\d+$/.test(parts[1] || '')) {
      const text = escapeHtml(formatDate(Number(parts[1]), parts[2] || '{date}', ctx));
      return parts[3] && /^https?:/i.test(parts[3])
        ? `<a href="${escapeHtml(parts[3])}" target="_blank" rel="noopener noreferrer"><time>${text}</time></a>`
        : `<time>${text}</time>`;
    }
    return escapeHtml(decodeEntities(label || target));
  }

  /** Fills a `<!date>` format: {date_num} {date} {date_short} {date_long} (and _pretty), {time} {time_secs} {ago}. */
  function formatDate(seconds, template, ctx) {
    const tz = (ctx && ctx.timeZone) || undefined;
    const now = (ctx && ctx.now) || Date.now();
    const at = new Date(seconds * 1000);
    const get = (date, opts) => date.toLocaleString('en-US', Object.assign({ timeZone: tz }, opts));
    const dayNum = (date) => `${get(date, { year: 'numeric' })}-${get(date, { month: '2-digit' })}-${get(date, { day: '2-digit' })}`;
    const day = Number(get(at, { day: 'numeric' }));
    const year = get(at, { year: 'numeric' });
    const date = `${get(at, { month: 'long' })} ${ordinal(day)}, ${year}`;
    const values = {
      date_num: dayNum(at),
      date,
      date_short: `${get(at, { month: 'short' })} ${day}, ${year}`,
      date_long: `${get(at, { weekday: 'long' })}, ${date}`,
      time: get(at, { hour: 'numeric', minute: '2-digit' }),
      time_secs: get(at, { hour: 'numeric', minute: '2-digit', second: '2-digit' }),
      ago: ago(now - at.getTime()),
    };
    const relative = { [dayNum(new Date(now))]: 'today', [dayNum(new Date(now - 86400000))]: 'yesterday', [dayNum(new Date(now + 86400000))]: 'tomorrow' };
    const pretty = relative[values.date_num];
    for (const key of ['date', 'date_short', 'date_long']) values[`${key}_pretty`] = pretty ? pretty[0].toUpperCase() + pretty.slice(1) : values[key];
    return template.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? values[key] : whole));
  }

  function ordinal(n) {
    const suffix = n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th';
    return `${n}${suffix}`;
  }

  function ago(ms) {
    const minutes = Math.round(Math.abs(ms) / 60000);
    const [n, unit] = minutes < 60 ? [minutes, 'minute'] : minutes < 1440 ? [Math.round(minutes / 60), 'hour'] : [Math.round(minutes / 1440), 'day'];
    const phrase = `${n} ${unit}${n === 1 ? '' : 's'}`;
    return ms >= 0 ? `${phrase} ago` : `in ${phrase}`;
  }

  return { escapeHtml, decodeEntities, renderPlain, renderMrkdwn, formatDate, emojify };
});
