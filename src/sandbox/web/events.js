// What the person does on the page: composer, channel and thread links, buttons and menus in messages and
// modals, modal submit and close, the user switcher. Each becomes a call to the workspace's endpoints.
(function () {
  'use strict';

  const app = self.SandboxApp;
  const forms = self.SandboxForms;
  const $ = (id) => document.getElementById(id);

  function openChannel(id) {
    app.view.channel = id;
    app.view.thread = '';
    void app.load();
  }

  /** Where an element sits: an open view, or a message (channel + ts) — the target of its block_actions. */
  function targetOf(node) {
    const modal = node.closest('[data-view-id]');
    if (modal) return { viewId: modal.dataset.viewId };
    const message = node.closest('[data-ts]');
    return message ? { channel: app.view.channel, messageTs: message.dataset.ts } : null;
  }

  function sendAction(node, choice) {
    const target = targetOf(node);
    if (!target) return;
    const blockId = node.dataset.blockId || undefined;
    void app.api('action', Object.assign({ actionId: node.dataset.actionId, blockId }, target, choice));
  }

  async function send(text, threadTs) {
    const trimmed = text.trim();
    if (!trimmed || !app.view.channel) return true;
    if (trimmed.startsWith('/')) {
      if (threadTs) app.toast('Slash commands run from the channel box, not from a thread.', 'warn');
      return (await app.api('command', { channel: app.view.channel, text: trimmed })).ok;
    }
    return (await app.api('message', { channel: app.view.channel, text: trimmed, threadTs })).ok;
  }

  function bindComposer(formId, textId, thread) {
    const box = $(textId);
    $(formId).addEventListener('submit', async (event) => {
      event.preventDefault();
      const text = box.value;
      box.value = '';
      if (!(await send(text, thread ? app.view.thread : undefined))) box.value = text;
    });
    box.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        $(formId).requestSubmit();
      }
    });
  }

  document.addEventListener('click', (event) => {
    const node = event.target.closest('[data-channel], [data-thread], [data-modal-close], button[data-action-id], #thread-close');
    if (!node) return;
    if (node.dataset.channel) {
      event.preventDefault();
      openChannel(node.dataset.channel);
    } else if (node.dataset.thread) {
      app.view.thread = node.dataset.thread;
      void app.load();
    } else if (node.id === 'thread-close') {
      app.view.thread = '';
      void app.load();
    } else if ('modalClose' in node.dataset) {
      void app.api('view-close', { viewId: node.closest('[data-view-id]').dataset.viewId });
    } else if (!node.dataset.confirm || window.confirm(node.dataset.confirm)) {
      if (node.dataset.url) window.open(node.dataset.url, '_blank', 'noopener');
      sendAction(node, node.dataset.value !== undefined ? { value: node.dataset.value } : {});
    }
  });

  document.addEventListener('change', (event) => {
    const node = event.target.closest('[data-action-id]');
    if (!node || node.dataset.type === 'button') return;
    if ('field' in node.dataset && !('dispatch' in node.dataset)) return;
    sendAction(node, forms.readElement(node));
  });

  document.addEventListener('submit', (event) => {
    const form = event.target.closest('form.modal');
    if (!form) return;
    event.preventDefault();
    void app.api('view-submit', { viewId: form.dataset.viewId, fields: forms.readForm(form) });
  });

  document.addEventListener('keydown', (event) => {
    const close = document.querySelector('#modal-root [data-modal-close]');
    if (event.key === 'Escape' && close) close.click();
  });

  $('user-switcher').addEventListener('change', (event) => {
    app.view.user = event.target.value;
    app.view.thread = '';
    void app.load();
  });

  bindComposer('composer', 'composer-text', false);
  bindComposer('thread-composer', 'thread-text', true);
})();
