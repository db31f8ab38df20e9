// The sandbox page: fetches what the current user sees, redraws it on every change the server streams, and
// sends what the user does (commands, messages, clicks, form submissions) to the workspace's JSON endpoints.
(function () {
  'use strict';

  const { renderMessage, renderModal } = self.SandboxMessages;
  const { escapeHtml, renderMrkdwn } = self.SandboxMrkdwn;
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  const view = { user: params.get('as') || localStorage.getItem('sandbox.user') || '', channel: params.get('channel') || '', thread: '' };
  const seen = {};
  let state = null;
  let ctx = {};
  let modalKey = '';
  let loading = null;
  let reloadAfter = false;
  const drawn = new WeakMap();

  /** POSTs to an endpoint as the current user; errors and the app's problems (late answers…) become toasts. */
  async function api(path, body) {
    const res = await fetch(`/sandbox/api/${path}`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(Object.assign({ user: view.user }, body)),
    });
    const json = await res.json().catch(() => ({ ok: false, error: `HTTP ${res.status}` }));
    if (!json.ok) toast(json.error || 'Something went wrong.', 'error');
    for (const problem of json.problems || []) toast(describeProblem(problem), 'warn');
    void load();
    return json;
  }

  function describeProblem(problem) {
    if (problem.startsWith('operation_timeout')) return `The app did not answer within 3 seconds; Slack would show "operation_timeout". (${problem})`;
    if (problem.startsWith('http_error')) return `The app answered with an error; Slack would show a failure. (${problem})`;
    return `Slack would reject the app's answer: ${problem}`;
  }

  function toast(text, kind) {
    const node = document.createElement('div');
    node.className = `toast ${kind}`;
    node.textContent = text;
    node.addEventListener('click', () => node.remove());
    $('toasts').append(node);
    setTimeout(() => node.remove(), kind === 'error' ? 10000 : 6000);
  }

  /** Fetches the current user's view of the workspace; calls made while one is running coalesce into one more. */
  function load() {
    if (loading) {
      reloadAfter = true;
      return loading;
    }
    const q = new URLSearchParams();
    if (view.user) q.set('user', view.user);
    if (view.channel) q.set('channel', view.channel);
    if (view.thread) q.set('thread', view.thread);
    loading = fetch(`/sandbox/api/state?${q}`)
      .then((res) => res.json())
      .then((s) => (s.ok ? show(s) : retryAs('')))
      .catch((err) => toast(`The sandbox is not answering: ${err.message}`, 'error'))
      .finally(() => {
        loading = null;
        if (reloadAfter) {
          reloadAfter = false;
          void load();
        }
      });
    return loading;
  }

  function retryAs(user) {
    view.user = user;
    reloadAfter = true;
  }

  function show(s) {
    state = s;
    view.user = s.me;
    localStorage.setItem('sandbox.user', s.me);
    if (!s.channel) {
      const fallback = s.channels.find((c) => c.name === 'incidents') || s.channels[0];
      if (fallback && fallback.id !== view.channel) {
        view.channel = fallback.id;
        reloadAfter = true;
      }
    }
    ctx = context(s);
    history.replaceState(null, '', `?as=${encodeURIComponent(s.me)}&channel=${encodeURIComponent(view.channel)}`);
    renderTop(s);
    renderSidebar(s);
    renderChannel(s);
    renderThread(s);
    renderModalLayer(s);
  }

  function context(s) {
    const users = Object.fromEntries(s.users.map((u) => [u.id, u]));
    const channels = Object.fromEntries(s.channels.map((c) => [c.id, c.name]));
    const userList = s.users.filter((u) => !u.isBot).map((u) => ({ id: u.id, label: `${u.realName} (@${u.name})` }));
    const channelList = s.channels.filter((c) => !c.isIm).map((c) => ({ id: c.id, label: `#${c.name}` }));
    return { users, channels, userList, channelList, botName: s.bot.name, me: s.me };
  }

  /** Replaces an element's content only when it changed, so a redraw keeps hover, focus and half-made choices. */
  function setHtml(node, html) {
    if (drawn.get(node) === html) return;
    drawn.set(node, html);
    node.innerHTML = html;
  }

  function renderTop(s) {
    $('workspace').textContent = s.team.name;
    setHtml($('user-switcher'), ctx.userList
      .map((u) => `<option value="${escapeHtml(u.id)}"${u.id === s.me ? ' selected' : ''}>${escapeHtml(u.label)}</option>`)
      .join(''));
  }

  function renderSidebar(s) {
    if (s.channel) seen[`${s.me}/${s.channel.id}`] = s.channel.latest;
    const item = (c) => {
      const unread = c.latest && c.latest !== seen[`${s.me}/${c.id}`] && c.id !== view.channel;
      const icon = c.isIm ? '●' : c.isPrivate ? '🔒' : '#';
      return `<li><a href="#" data-channel="${escapeHtml(c.id)}" class="${c.id === view.channel ? 'active' : ''}${unread ? ' unread' : ''}">` +
        `<span class="icon">${icon}</span>${escapeHtml(c.name)}</a></li>`;
    };
    setHtml($('channel-list'), s.channels.filter((c) => !c.isIm).map(item).join(''));
    setHtml($('dm-list'), s.channels.filter((c) => c.isIm).map(item).join('') || '<li class="empty">None yet</li>');
  }

  function renderChannel(s) {
    const box = $('messages');
    const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 60 || box.dataset.shownChannel !== view.channel;
    $('channel-name').textContent = s.channel ? `${s.channel.isIm ? '' : '#'}${s.channel.name}` : '';
    setHtml($('channel-topic'), s.channel ? renderMrkdwn(s.channel.topic, ctx) : '');
    $('composer-text').placeholder = s.channel ? `Message ${s.channel.isIm ? '' : '#'}${s.channel.name}, or a command such as /incident declare sev2 Checkout down` : '';
    setHtml(box, s.messages.map((m) => renderMessage(m, ctx)).join('') || '<div class="empty">No messages yet.</div>');
    box.dataset.shownChannel = view.channel;
    if (atBottom) box.scrollTop = box.scrollHeight;
  }

  function renderThread(s) {
    const pane = $('thread');
    pane.hidden = !s.thread;
    if (!s.thread) return;
    const parent = s.thread.parent ? renderMessage(s.thread.parent, ctx, { inThread: true }) : '';
    const replies = s.thread.messages.map((m) => renderMessage(m, ctx, { inThread: true })).join('');
    const count = `${s.thread.messages.length} ${s.thread.messages.length === 1 ? 'reply' : 'replies'}`;
    setHtml($('thread-messages'), `${parent}<div class="thread-count">${count}</div>${replies}`);
  }

  function renderModalLayer(s) {
    const root = $('modal-root');
    const key = s.modal ? `${s.modal.view.id}|${s.modal.view.hash}|${JSON.stringify(s.modal.errors)}` : '';
    if (key === modalKey) return;
    const old = root.querySelector('form.modal');
    const sameView = old && s.modal && old.dataset.viewId === s.modal.view.id;
    const kept = sameView ? self.SandboxForms.captureForm(old) : null;
    modalKey = key;
    root.hidden = !s.modal;
    root.innerHTML = s.modal ? renderModal(s.modal, ctx) : '';
    const form = root.querySelector('form.modal');
    if (!form) return;
    if (kept) self.SandboxForms.restoreForm(form, kept);
    const target = form.querySelector('.has-error [data-field], .has-error input') || (sameView ? null : form.querySelector('[data-field]'));
    if (target && target.focus) target.focus();
  }

  self.SandboxApp = { api, load, view, toast, get state() { return state; } };

  const stream = new EventSource('/sandbox/stream');
  stream.addEventListener('change', () => void load());
  stream.addEventListener('hello', () => void load());
  void load();
})();
