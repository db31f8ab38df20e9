// Block Kit blocks to HTML (section, header, context, divider, actions, image, rich_text, markdown, input),
// everything escaped. Interactive elements carry data-action-id / data-block-id for the page's handlers.
(function (root, factory) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- one file, two loaders: CommonJS for the unit tests, a global in the browser
  if (typeof module === 'object' && module.exports) module.exports = factory(require('./mrkdwn.js'), require('./elements.js'));
  else root.SandboxBlocks = factory(root.SandboxMrkdwn, root.SandboxElements);
})(typeof self !== 'undefined' ? self : this, function (md, el) {
  'use strict';

  const { escapeHtml, renderPlain, renderMrkdwn } = md;

  /** A text object: mrkdwn or plain_text. */
  function renderText(text, ctx) {
    if (!text) return '';
    if (typeof text === 'string') return renderMrkdwn(text, ctx);
    return text.type === 'mrkdwn' ? renderMrkdwn(text.text, ctx) : renderPlain(text.text);
  }

  /**
   * Renders a list of blocks. opts: { state: view state values, errors: {block_id: message} } for modals.
   */
  function renderBlocks(blocks, ctx, opts) {
    return (Array.isArray(blocks) ? blocks : []).map((b) => renderBlock(b || {}, ctx || {}, opts || {})).join('');
  }

  function renderBlock(b, ctx, opts) {
    const blockId = b.block_id || '';
    const entries = (opts.state && opts.state[blockId]) || {};
    const element = (e) => el.renderElement(e, blockId, ctx, entries[e && e.action_id]);
    switch (b.type) {
      case 'section':
        return `<div class="blk section"><div class="section-body">${b.text ? `<div class="text">${renderText(b.text, ctx)}</div>` : ''}${
          Array.isArray(b.fields) ? `<div class="fields">${b.fields.map((f) => `<div class="field">${renderText(f, ctx)}</div>`).join('')}</div>` : ''
        }</div>${b.accessory ? `<div class="accessory">${element(b.accessory)}</div>` : ''}</div>`;
      case 'header':
        return `<h3 class="blk header">${renderText(b.text, ctx)}</h3>`;
      case 'context':
        return `<div class="blk context">${(b.elements || []).map((e) => (e.type === 'image' ? el.renderImage(e, 'context-img') : `<span>${renderText(e, ctx)}</span>`)).join('')}</div>`;
      case 'divider':
        return '<hr class="blk divider">';
      case 'actions':
        return `<div class="blk actions">${(b.elements || []).map(element).join('')}</div>`;
      case 'image':
        return `<figure class="blk image">${b.title ? `<figcaption>${renderText(b.title, ctx)}</figcaption>` : ''}${el.renderImage(b, 'block-img')}</figure>`;
      case 'rich_text':
        return `<div class="blk rich-text">${(b.elements || []).map((e) => renderRichBlock(e, ctx)).join('')}</div>`;
      case 'markdown':
        return `<div class="blk markdown">${escapeHtml(b.text)}</div>`;
      case 'input':
        return renderInput(b, ctx, entries, opts.errors && opts.errors[blockId]);
      default:
        return `<div class="blk unsupported">[${escapeHtml(b.type)} block]</div>`;
    }
  }

  function renderInput(b, ctx, entries, error) {
    const e = b.element || {};
    const labelId = `label-${b.block_id || ''}`;
    const field = el.renderElement(e, b.block_id || '', ctx, entries[e.action_id], { field: true, dispatch: b.dispatch_action === true, labelledBy: labelId });
    return `<div class="blk input${error ? ' has-error' : ''}" data-input-block="${escapeHtml(b.block_id)}">` +
      `<label class="label" id="${escapeHtml(labelId)}">${renderText(b.label, ctx)}${b.optional ? ' <span class="optional">(optional)</span>' : ''}</label>${field}` +
      `${b.hint ? `<div class="hint">${renderText(b.hint, ctx)}</div>` : ''}${error ? `<div class="field-error" role="alert">${escapeHtml(error)}</div>` : ''}</div>`;
  }

  function renderRichBlock(e, ctx) {
    const inline = (list) => (list || []).map((x) => renderRichInline(x, ctx)).join('');
    switch (e.type) {
      case 'rich_text_section':
        return `<div>${inline(e.elements)}</div>`;
      case 'rich_text_preformatted':
        return `<pre class="code">${inline(e.elements)}</pre>`;
      case 'rich_text_quote':
        return `<blockquote>${inline(e.elements)}</blockquote>`;
      case 'rich_text_list': {
        const tag = e.style === 'ordered' ? 'ol' : 'ul';
        return `<${tag}>${(e.elements || []).map((item) => `<li>${inline(item.elements)}</li>`).join('')}</${tag}>`;
      }
      default:
        return '';
    }
  }

  function renderRichInline(x, ctx) {
    const styled = (html) => {
      const s = x.style || {};
      let out = html;
      if (s.code) out = `<code>${out}</code>`;
      if (s.bold) out = `<b>${out}</b>`;
      if (s.italic) out = `<i>${out}</i>`;
      if (s.strike) out = `<s>${out}</s>`;
      return out;
    };
    switch (x.type) {
      case 'text':
        return styled(escapeHtml(x.text).replace(/\n/g, '<br>'));
      case 'link':
        return /^(https?:|mailto:)/i.test(x.url || '')
          ? styled(`<a href="${escapeHtml(x.url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(x.text || x.url)}</a>`)
          : styled(escapeHtml(x.text || x.url));
      case 'user':
        return renderMrkdwn(`<@${x.user_id}>`, ctx);
      case 'channel':
        return renderMrkdwn(`<#${x.channel_id}>`, ctx);
      case 'usergroup':
        return renderMrkdwn(`<!subteam^${x.usergroup_id}>`, ctx);
      case 'broadcast':
        return renderMrkdwn(`<!${x.range}>`, ctx);
      case 'emoji':
        return md.emojify(`:${escapeHtml(x.name)}:`);
      case 'date':
        return renderMrkdwn(`<!date^${x.timestamp}^${x.format}|${x.fallback || ''}>`, ctx);
      default:
        return '';
    }
  }

  return { renderBlocks, renderText };
});
