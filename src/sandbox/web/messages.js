// Messages and modals to HTML: author, time, blocks (or text), files, reactions, thread summary, the
// "Only visible to you" mark of ephemeral messages; a modal with its title, fields, errors, submit and close.
(function (root, factory) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- one file, two loaders: CommonJS for the unit tests, a global in the browser
  if (typeof module === 'object' && module.exports) module.exports = factory(require('./mrkdwn.js'), require('./blocks.js'));
  else root.SandboxMessages = factory(root.SandboxMrkdwn, root.SandboxBlocks);
})(typeof self !== 'undefined' ? self : this, function (md, blocks) {
  'use strict';

  const { escapeHtml, renderMrkdwn, renderPlain, emojify } = md;

  /** Who wrote a message: the bot for bot messages and ephemerals, else the user. */
  function author(m, ctx) {
    if (m.ephemeral || m.bot_id) return { name: ctx.botName || 'incident-bot', bot: true };
    const user = ctx.users && ctx.users[m.user];
    return { name: user ? user.realName || user.name : m.user || 'unknown', bot: false };
  }

  function time(ts, ctx) {
    const d = new Date(Number(ts) * 1000);
    return d.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit', timeZone: ctx.timeZone || undefined });
  }

  function body(m, ctx) {
    if (m.subtype === 'tombstone') return '<div class="deleted">This message was deleted.</div>';
    // People's messages show their text: the workspace gives them only a bare rich_text copy of it.
    const fromApp = m.ephemeral || m.bot_id;
    const main = fromApp && Array.isArray(m.blocks) && m.blocks.length > 0 ? blocks.renderBlocks(m.blocks, ctx) : `<div class="text">${renderMrkdwn(m.text, ctx)}</div>`;
    const attachments = (m.attachments || []).map((a) => {
      const color = /^#?[0-9a-f]{6}$/i.test(a.color || '') ? ` style="border-color:#${a.color.replace('#', '')}"` : '';
      const inner = Array.isArray(a.blocks) ? blocks.renderBlocks(a.blocks, ctx) : renderMrkdwn(a.text || a.fallback || '', ctx);
      return `<div class="attachment"${color}>${inner}</div>`;
    });
    return main + attachments.join('');
  }

  function files(m) {
    if (!Array.isArray(m.files) || m.files.length === 0) return '';
    const items = m.files.map((f) =>
      `<a class="file" href="/sandbox/files/${encodeURIComponent(f.id)}" target="_blank" rel="noopener">` +
      `<span class="file-icon">📄</span><span class="file-name">${escapeHtml(f.title || f.name)}</span>` +
      `<span class="file-meta">${escapeHtml(f.name)} · ${Number(f.size) || 0} bytes</span></a>`);
    return `<div class="files">${items.join('')}</div>`;
  }

  function extras(m, inThread) {
    const reactions = (m.reactions || []).map((r) => `<span class="reaction">${emojify(`:${escapeHtml(r.name)}:`)} ${Number(r.count) || 0}</span>`).join('');
    const thread = !inThread && Number(m.reply_count) > 0
      ? `<button type="button" class="thread-link" data-thread="${escapeHtml(m.ts)}">${Number(m.reply_count)} ${Number(m.reply_count) === 1 ? 'reply' : 'replies'}</button>`
      : '';
    return (reactions ? `<div class="reactions">${reactions}</div>` : '') + thread;
  }

  /** One message; opts.inThread leaves out the thread summary and the reply button. */
  function renderMessage(m, ctx, opts) {
    const o = opts || {};
    const who = author(m, ctx);
    const mark = m.ephemeral ? '<div class="ephemeral-note">👁 Only visible to you</div>' : '';
    const pinned = Array.isArray(m.pinned_to) && m.pinned_to.length ? '<div class="pinned">📌 Pinned</div>' : '';
    const reply = o.inThread || m.ephemeral ? '' : `<button type="button" class="reply-btn" data-thread="${escapeHtml(m.ts)}" title="Reply in thread">💬</button>`;
    return `<article class="msg${m.ephemeral ? ' ephemeral' : ''}" data-ts="${escapeHtml(m.ts)}">${mark}${pinned}` +
      `<div class="avatar${who.bot ? ' bot' : ''}">${escapeHtml(who.name.slice(0, 1).toUpperCase())}</div><div class="msg-main">` +
      `<div class="msg-head"><span class="author">${escapeHtml(who.name)}</span>${who.bot ? '<span class="app-tag">APP</span>' : ''}` +
      `<span class="time">${escapeHtml(time(m.ts, ctx))}</span>${m.edited ? '<span class="edited">(edited)</span>' : ''}${reply}</div>` +
      `${body(m, ctx)}${files(m)}${extras(m, o.inThread)}</div></article>`;
  }

  /** The top modal of the user's stack with the errors of its last submission. */
  function renderModal(modal, ctx) {
    const view = modal.view;
    const title = renderPlain(view.title && view.title.text);
    const close = renderPlain((view.close && view.close.text) || 'Cancel');
    const submit = view.submit ? `<button type="submit" class="btn primary" data-modal-submit>${renderPlain(view.submit.text)}</button>` : '';
    const content = blocks.renderBlocks(view.blocks, ctx, { state: view.state && view.state.values, errors: modal.errors });
    return `<form class="modal" role="dialog" aria-modal="true" aria-label="${escapeHtml((view.title && view.title.text) || '')}" data-view-id="${escapeHtml(view.id)}" novalidate>` +
      `<header class="modal-head"><h2>${title}</h2><button type="button" class="modal-x" data-modal-close aria-label="Close">×</button></header>` +
      `<div class="modal-body">${content}</div>` +
      `<footer class="modal-foot"><button type="button" class="btn" data-modal-close>${close}</button>${submit}</footer></form>`;
  }

  return { renderMessage, renderModal };
});
