// Block Kit interactive elements to HTML: buttons, selects (static, users, conversations), radio buttons, checkboxes,
// date/time pickers, text and number inputs, images. Values come from the view's state, else the element's initial_*.
(function (root, factory) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- one file, two loaders: CommonJS for the unit tests, a global in the browser
  if (typeof module === 'object' && module.exports) module.exports = factory(require('./mrkdwn.js'));
  else root.SandboxElements = factory(root.SandboxMrkdwn);
})(typeof self !== 'undefined' ? self : this, function (md) {
  'use strict';

  const { escapeHtml, decodeEntities, renderPlain, renderMrkdwn } = md;
  const STATE_KEYS = ['value', 'selected_option', 'selected_options', 'selected_user', 'selected_users', 'selected_conversation',
    'selected_conversations', 'selected_channel', 'selected_channels', 'selected_date', 'selected_time', 'selected_date_time'];
  const INITIAL_KEYS = ['initial_value', 'initial_option', 'initial_options', 'initial_user', 'initial_users', 'initial_conversation',
    'initial_conversations', 'initial_channel', 'initial_channels', 'initial_date', 'initial_time', 'initial_date_time'];

  /** The values an element shows: from its state entry when the user already chose, else its initial_* field. */
  function chosenValues(e, entry) {
    const from = (obj, keys) => {
      const key = keys.find((k) => obj && k in obj);
      if (key === undefined) return undefined;
      const raw = obj[key];
      const list = raw == null ? [] : Array.isArray(raw) ? raw : [raw];
      return list.map((v) => (typeof v === 'object' && v !== null ? String(v.value) : String(v)));
    };
    return from(entry, STATE_KEYS) || from(e, INITIAL_KEYS) || [];
  }

  const text = (t) => escapeHtml(decodeEntities((t && t.text) || ''));
  const label = (t, ctx) => (t && t.type === 'mrkdwn' ? renderMrkdwn(t.text, ctx) : renderPlain(t && t.text));

  function attrs(e, blockId, opts) {
    return `data-action-id="${escapeHtml(e.action_id)}" data-block-id="${escapeHtml(blockId)}" data-type="${escapeHtml(e.type)}"` +
      `${opts.field ? ' data-field' : ''}${opts.dispatch ? ' data-dispatch' : ''}${opts.labelledBy ? ` aria-labelledby="${escapeHtml(opts.labelledBy)}"` : ''}`;
  }

  /** Renders one element; opts.field marks an input block's element (read on submit rather than sent on change). */
  function renderElement(e, blockId, ctx, entry, opts) {
    if (!e || typeof e !== 'object') return '';
    const o = opts || {};
    const a = attrs(e, blockId, o);
    const chosen = chosenValues(e, entry);
    switch (e.type) {
      case 'button':
        return renderButton(e, a);
      case 'static_select': case 'external_select': case 'overflow': case 'multi_static_select': case 'multi_external_select':
        return select(a, e, chosen, optionTags(e.options, e.option_groups, chosen));
      case 'users_select': case 'multi_users_select':
        return select(a, e, chosen, choices((ctx && ctx.userList) || [], chosen));
      case 'conversations_select': case 'channels_select': case 'multi_conversations_select': case 'multi_channels_select':
        return select(a, e, chosen, choices((ctx && ctx.channelList) || [], chosen));
      case 'radio_buttons': case 'checkboxes':
        return renderChoices(e, a, blockId, chosen, ctx);
      case 'datepicker':
        return `<input type="date" ${a} value="${escapeHtml(chosen[0] || '')}">`;
      case 'timepicker':
        return `<input type="time" ${a} value="${escapeHtml(chosen[0] || '')}">`;
      case 'datetimepicker':
        return `<input type="datetime-local" ${a} value="${chosen[0] ? escapeHtml(localDateTime(Number(chosen[0]))) : ''}">`;
      case 'plain_text_input': case 'email_text_input': case 'url_text_input': case 'number_input':
        return renderTextInput(e, a, chosen[0]);
      case 'image':
        return renderImage(e, 'accessory-img');
      default:
        return `<span class="unsupported">[${escapeHtml(e.type)}]</span>`;
    }
  }

  function renderButton(e, a) {
    const style = e.style === 'primary' || e.style === 'danger' ? ` ${e.style}` : '';
    const confirm = e.confirm ? ` data-confirm="${escapeHtml([e.confirm.title, e.confirm.text].map((t) => decodeEntities((t && t.text) || '')).filter(Boolean).join('\n\n'))}"` : '';
    const value = e.value !== undefined ? ` data-value="${escapeHtml(e.value)}"` : '';
    const url = /^https?:/i.test(e.url || '') ? ` data-url="${escapeHtml(e.url)}"` : '';
    return `<button type="button" class="btn${style}" ${a}${value}${confirm}${url}>${renderPlain(e.text && e.text.text)}</button>`;
  }

  function select(a, e, chosen, optionsHtml) {
    const multiple = /^multi_/.test(e.type) ? ' multiple' : '';
    const placeholder = e.type === 'overflow' ? '⋯' : text(e.placeholder) || 'Select an option';
    const empty = multiple ? '' : `<option value=""${chosen.length ? '' : ' selected'}>${placeholder}</option>`;
    return `<select ${a}${multiple}>${empty}${optionsHtml}</select>`;
  }

  function optionTags(options, groups, chosen) {
    const tag = (opt) => `<option value="${escapeHtml(opt.value)}"${chosen.includes(String(opt.value)) ? ' selected' : ''}>${text(opt.text)}</option>`;
    const plain = (options || []).map(tag).join('');
    return plain + (groups || []).map((g) => `<optgroup label="${text(g.label)}">${(g.options || []).map(tag).join('')}</optgroup>`).join('');
  }

  function choices(list, chosen) {
    return list.map((c) => `<option value="${escapeHtml(c.id)}"${chosen.includes(c.id) ? ' selected' : ''}>${escapeHtml(c.label)}</option>`).join('');
  }

  function renderChoices(e, a, blockId, chosen, ctx) {
    const kind = e.type === 'radio_buttons' ? 'radio' : 'checkbox';
    const name = escapeHtml(`${blockId}/${e.action_id}`);
    const items = (e.options || []).map((opt) =>
      `<label class="choice"><input type="${kind}" name="${name}" value="${escapeHtml(opt.value)}"${chosen.includes(String(opt.value)) ? ' checked' : ''}>` +
      `<span>${label(opt.text, ctx)}${opt.description ? `<small>${label(opt.description, ctx)}</small>` : ''}</span></label>`,
    );
    return `<div class="choices" role="${kind === 'radio' ? 'radiogroup' : 'group'}" ${a}>${items.join('')}</div>`;
  }

  function renderTextInput(e, a, value) {
    const placeholder = e.placeholder ? ` placeholder="${text(e.placeholder)}"` : '';
    const limits = `${e.max_length ? ` maxlength="${Number(e.max_length)}"` : ''}${e.min_length ? ` minlength="${Number(e.min_length)}"` : ''}`;
    if (e.multiline) return `<textarea ${a}${placeholder}${limits} rows="3">${escapeHtml(value || '')}</textarea>`;
    const type = { number_input: 'number', email_text_input: 'email', url_text_input: 'url' }[e.type] || 'text';
    const numeric = e.type === 'number_input'
      ? ` step="${e.is_decimal_allowed ? 'any' : '1'}"${e.min_value !== undefined ? ` min="${escapeHtml(e.min_value)}"` : ''}${e.max_value !== undefined ? ` max="${escapeHtml(e.max_value)}"` : ''}`
      : '';
    return `<input type="${type}" ${a}${placeholder}${limits}${numeric} value="${escapeHtml(value || '')}">`;
  }

  /** An image block or element; only http(s) and data:image URLs are loaded. */
  function renderImage(e, cls) {
    const src = e.image_url || e.url || '';
    if (!/^(https?:|data:image\/)/i.test(src)) return `<span class="${cls} missing">${escapeHtml(e.alt_text || 'image')}</span>`;
    return `<img class="${cls}" src="${escapeHtml(src)}" alt="${escapeHtml(e.alt_text || '')}" loading="lazy">`;
  }

  /** Unix seconds as the value of a datetime-local input, in the browser's time zone. */
  function localDateTime(seconds) {
    const d = new Date(seconds * 1000);
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  }

  return { renderElement, renderImage, chosenValues, localDateTime };
});
