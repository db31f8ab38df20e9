import { LogLevel, WebClient } from '@slack/web-api';
import { SANDBOX_BOT_TOKEN } from '../../src/config/env';
import type { SandboxState } from '../../src/sandbox/sandbox-state';
import type { SlackView } from '../../src/sandbox/workspace-types';
import { startTestSandbox, type TestSandbox } from '../e2e/sandbox-fixture';
import { eventually } from '../support/harness';
import { BACKEND } from '../support/test-database';

type StreamEvent = { event: string; data: { version: number; what?: string[] } };

/** Reads the server-sent events of /sandbox/stream into a list as they arrive. */
async function openStream(url: string) {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal });
  const events: StreamEvent[] = [];
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += value;
      const chunks = buffer.split('\n\n');
      buffer = chunks.pop() ?? '';
      for (const chunk of chunks) {
        const event = /^event: (.+)$/m.exec(chunk)?.[1];
        const data = /^data: (.+)$/m.exec(chunk)?.[1];
        if (event && data) events.push({ event, data: JSON.parse(data) });
      }
    }
  })();
  return { res, events, close: () => controller.abort() };
}

describe(`the sandbox page's endpoints (${BACKEND} backend)`, () => {
  let t: TestSandbox;
  const url = (path: string) => `${t.origin}${path}`;
  const post = async (path: string, body: unknown) => {
    const res = await fetch(url(`/sandbox/api/${path}`), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const state = async (query: Record<string, string> = {}) =>
    (await (await fetch(url(`/sandbox/api/state?${new URLSearchParams(query)}`))).json()) as SandboxState & { ok: boolean };
  const users = () => t.sandbox.users;
  const incidentChannel = () =>
    eventually(async () => {
      const channel = (await state()).channels.find((c) => c.name.includes('checkout-down'));
      expect(channel).toBeDefined();
      return channel!;
    });
  const openModal = (user: string, callbackId: string) =>
    eventually(async () => {
      const modal = (await state({ user })).modal;
      expect(modal?.view.callback_id).toBe(callbackId);
      return modal!;
    });

  beforeAll(async () => {
    t = await startTestSandbox();
  });
  afterAll(() => t.stop());

  it('serves the page and its scripts, sends / to /sandbox and nothing else', async () => {
    const page = await fetch(url('/sandbox'));
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<script src="/sandbox/static/app.js"></script>');
    const script = await fetch(url('/sandbox/static/mrkdwn.js'));
    expect([script.status, script.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect((await fetch(url('/sandbox/static/..%2Fstart-sandbox.ts'))).status).toBe(404);
    expect((await fetch(url('/sandbox/static/nothing.js'))).status).toBe(404);
    const root = await fetch(url('/'), { redirect: 'manual' });
    expect([root.status, root.headers.get('location')]).toEqual([302, '/sandbox']);
    expect((await fetch(url('/favicon.ico'))).status).toBe(404);
  });

  it('starts as "you" in a workspace with teammates, #incidents and #general, the bot in both', async () => {
    const s = await state();
    expect(s.me).toBe(users().you);
    expect(s.users.filter((u) => !u.isBot).map((u) => u.name)).toEqual(['you', 'ana', 'ben', 'cara']);
    expect(s.channels.map((c) => c.name)).toEqual(['general', 'incidents']);
    const ws = t.sandbox.emulator.workspace;
    expect([ws.isMember(t.sandbox.channels.incidents), ws.isMember(t.sandbox.channels.general)]).toEqual([true, true]);
  });

  it('runs a slash command through the bot, streams the change and shows the new incident channel', async () => {
    const stream = await openStream(url('/sandbox/stream'));
    expect(stream.res.headers.get('content-type')).toBe('text/event-stream');
    try {
      const answer = await post('command', { user: users().you, channel: t.sandbox.channels.incidents, text: '/incident declare sev2 Checkout down' });
      expect(answer).toEqual({ status: 200, body: { ok: true, problems: [] } });
      await eventually(() => expect(stream.events.map((e) => e.event)).toEqual(expect.arrayContaining(['hello', 'change'])));
      const channel = await incidentChannel();
      await eventually(async () => {
        const shown = await state({ channel: channel.id });
        expect(JSON.stringify(shown.messages)).toContain('Checkout down');
      });
      expect(stream.events.flatMap((e) => e.data.what ?? [])).toEqual(expect.arrayContaining(['sandbox:command', 'conversations.create']));
    } finally {
      stream.close();
    }
  });

  it('refuses a command the workspace does not have, saying what to try', async () => {
    const answer = await post('command', { user: users().you, channel: t.sandbox.channels.incidents, text: '/deploy now' });
    expect(answer).toEqual({ status: 400, body: { ok: false, error: '/deploy is not a command in this workspace. Try /incident help.' } });
  });

  it('posts a plain message with @mentions turned into user ids, as the Slack client sends them', async () => {
    const channel = await incidentChannel();
    const answer = await post('message', { user: users().ana, channel: channel.id, text: 'looking at it with @ben <now>' });
    expect(answer.body).toMatchObject({ ok: true, ts: expect.any(String) });
    const shown = await state({ user: users().ana, channel: channel.id });
    expect(shown.messages.at(-1)).toMatchObject({ user: users().ana, text: `looking at it with <@${users().ben}> &lt;now&gt;` });
  });

  it('clicks a button, shows the modal the bot opened, reports field errors and posts once the form is valid', async () => {
    const channel = await incidentChannel();
    const header = (await state({ channel: channel.id })).messages.find((m) => JSON.stringify(m.blocks ?? []).includes('incident_post_update'))!;
    expect((await post('action', { user: users().you, channel: channel.id, messageTs: header.ts, actionId: 'incident_post_update' })).body.ok).toBe(true);
    const modal = await openModal(users().you, 'status_update');
    expect(modal.view.title).toMatchObject({ text: 'Status update' });
    const empty = await post('view-submit', { user: users().you, viewId: modal.view.id, fields: {} });
    expect(empty.body.errors).toMatchObject({ impact: expect.stringContaining('Describe the impact'), current_actions: expect.any(String) });
    expect((await state()).modal?.errors).toEqual(empty.body.errors);
    const fields = { impact: { value: { value: 'EU checkout fails' } }, current_actions: { value: { value: 'Rolling back' } } };
    const filled = await post('view-submit', { user: users().you, viewId: modal.view.id, fields: { ...fields, status: { value: { value: 'Investigating' } }, next_update: { value: { value: '30' } }, audience: { value: { value: 'internal' } } } });
    expect(filled.body).toMatchObject({ ok: true, errors: null });
    expect((await state()).modal).toBeNull();
    await eventually(async () => expect(JSON.stringify((await state({ channel: channel.id })).messages)).toContain('EU checkout fails'));
  });

  it('closes a modal on view-close', async () => {
    const channel = await incidentChannel();
    await post('command', { user: users().ben, channel: channel.id, text: '/incident resolve' });
    const modal = await openModal(users().ben, 'resolve_incident');
    expect((modal.view as SlackView).blocks.length).toBeGreaterThan(0);
    expect((await post('view-close', { user: users().ben, viewId: modal.view.id })).body.ok).toBe(true);
    expect((await state({ user: users().ben })).modal).toBeNull();
  });

  it('serves files the bot uploaded as text, never as HTML', async () => {
    const client = new WebClient(SANDBOX_BOT_TOKEN, { slackApiUrl: t.sandbox.emulator.apiUrl, logLevel: LogLevel.ERROR });
    const channel = await incidentChannel();
    await client.filesUploadV2({ channel_id: channel.id, filename: 'notes.html', title: 'Notes', content: '<script>alert(1)</script>' });
    const file = (await state({ channel: channel.id })).messages.flatMap((m) => (m.ephemeral ? [] : m.files ?? [])).find((f) => f.title === 'Notes')!;
    const res = await fetch(url(`/sandbox/files/${String(file.id)}`));
    expect([res.headers.get('content-type'), await res.text()]).toEqual(['text/plain; charset=utf-8', '<script>alert(1)</script>']);
    expect((await fetch(url('/sandbox/files/F404'))).status).toBe(404);
  });

  it('rejects requests that are not JSON and users that do not exist', async () => {
    const form = await fetch(url('/sandbox/api/message'), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);
    const stranger = await post('message', { user: 'U404', channel: t.sandbox.channels.general, text: 'hi' });
    expect(stranger).toEqual({ status: 400, body: { ok: false, error: 'Unknown user U404: add it with addUser first' } });
    expect((await fetch(url('/sandbox/api/state?user=U404'))).status).toBe(400);
  });
});
