import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { SlackEmulator } from '../../src/sandbox';

const SECRET = 'bolt-test-signing-secret';
const TOKEN = 'xoxb-bolt-test';

const reportModal = {
  type: 'modal' as const,
  callback_id: 'declare',
  title: { type: 'plain_text' as const, text: 'Declare incident' },
  submit: { type: 'plain_text' as const, text: 'Declare' },
  notify_on_close: true,
  blocks: [
    {
      type: 'input',
      block_id: 'title_block',
      label: { type: 'plain_text', text: 'Title' },
      element: { type: 'plain_text_input', action_id: 'title' },
    },
  ],
};

interface Seen {
  retryNum?: number;
  closed: string[];
  mentions: string[];
  actionBodies: Record<string, unknown>[];
}

async function waitFor(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function buildApp(emulator: SlackEmulator, seen: Seen): App {
  const receiver = new HTTPReceiver({ signingSecret: SECRET, logLevel: LogLevel.ERROR });
  const app = new App({ token: TOKEN, receiver, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: emulator.apiUrl } });
  app.command('/incident', async ({ command, ack, client }) => {
    if (command.text === 'help') return ack('Usage: /incident declare | post');
    if (command.text === 'blocks') {
      return ack({ blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Help* text' } }] } as never);
    }
    await ack();
    if (command.text === 'declare') await client.views.open({ trigger_id: command.trigger_id, view: reportModal });
    if (command.text === 'post') {
      await client.chat.postMessage({
        channel: command.channel_id,
        text: 'Incident declared',
        blocks: [
          { type: 'section', block_id: 'summary', text: { type: 'mrkdwn', text: 'Incident declared' } },
          {
            type: 'actions',
            block_id: 'controls',
            elements: [
              { type: 'button', action_id: 'acknowledge', text: { type: 'plain_text', text: 'Ack' }, value: 'inc-1' },
              {
                type: 'static_select',
                action_id: 'severity',
                placeholder: { type: 'plain_text', text: 'Severity' },
                options: ['sev1', 'sev2'].map((v) => ({ text: { type: 'plain_text', text: v }, value: v })),
              },
            ],
          },
        ],
      });
    }
  });
  app.action('acknowledge', async ({ ack, respond, body }) => {
    await ack();
    seen.actionBodies.push(body as unknown as Record<string, unknown>);
    await respond({ replace_original: true, text: `Acknowledged by <@${body.user.id}>` });
  });
  app.action('severity', async ({ ack, respond, action }) => {
    await ack();
    const picked = (action as { selected_option: { value: string } }).selected_option.value;
    await respond({ text: `Severity set to ${picked}` });
  });
  app.view('declare', async ({ ack, view }) => {
    const title = (view.state.values.title_block.title as { value?: string }).value ?? '';
    if (title.length < 3) return ack({ response_action: 'errors', errors: { title_block: 'Too short' } });
    await ack();
  });
  app.view({ callback_id: 'declare', type: 'view_closed' }, async ({ ack, view }) => {
    await ack();
    seen.closed.push(view.id);
  });
  app.message('hello', async ({ message, say, context }) => {
    seen.retryNum = context.retryNum;
    await say({ text: 'hi there', thread_ts: (message as { ts: string }).ts });
  });
  app.event('app_mention', async ({ event }) => {
    seen.mentions.push(event.text);
  });
  return app;
}

describe('the emulator talking to a real Bolt app', () => {
  const emulator = new SlackEmulator({ botToken: TOKEN, signingSecret: SECRET });
  const seen: Seen = { closed: [], mentions: [], actionBodies: [] };
  let app: App;
  let alice: string;
  let channel: string;

  beforeAll(async () => {
    await emulator.start(0);
    app = buildApp(emulator, seen);
    const server = await app.start({ port: 0, host: '127.0.0.1' });
    const { port } = server.address() as AddressInfo;
    emulator.connectBot({ requestUrl: `http://127.0.0.1:${port}/slack/events`, signingSecret: SECRET, botToken: TOKEN });
    alice = emulator.addUser({ name: 'alice', realName: 'Alice Doe' }).id;
    channel = emulator.addChannel({ name: 'ops', members: [alice, emulator.botUserId] }).id;
  });

  afterAll(async () => {
    await app.stop();
    await emulator.stop();
  });

  it('delivers a signed slash command and shows a text ack to the user as an ephemeral message', async () => {
    const response = await emulator.slashCommand({ user: alice, channel, text: 'help' });
    expect(response.status).toBe(200);
    expect(response.body).toBe('Usage: /incident declare | post');
    expect(emulator.workspace.ephemerals(channel, alice).map((e) => e.text)).toContain('Usage: /incident declare | post');
  });

  it('shows an ack with blocks as an ephemeral message carrying those blocks', async () => {
    const response = await emulator.slashCommand({ user: alice, channel, text: 'blocks' });
    expect(response.json).toEqual({ blocks: [expect.objectContaining({ type: 'section' })] });
    const last = emulator.workspace.ephemerals(channel, alice).at(-1);
    expect(last?.source).toBe('command_response');
    expect(last?.blocks).toHaveLength(1);
  });

  it('lets the bot open a modal with the trigger id and applies response_action errors, then closes it on success', async () => {
    await emulator.slashCommand({ user: alice, channel, text: 'declare' });
    await waitFor(() => emulator.workspace.openViews(alice).length === 1);
    const view = emulator.workspace.openViews(alice)[0];
    expect(view.callback_id).toBe('declare');

    const rejected = await emulator.submitView({
      user: alice,
      viewId: view.id,
      values: { title_block: { title: { type: 'plain_text_input', value: 'db' } } },
    });
    expect(rejected.json).toEqual({ response_action: 'errors', errors: { title_block: 'Too short' } });
    expect(emulator.workspace.viewErrors(view.id)).toEqual({ title_block: 'Too short' });
    expect(emulator.workspace.openViews(alice)).toHaveLength(1);

    const accepted = await emulator.submitView({
      user: alice,
      viewId: view.id,
      values: { title_block: { title: { type: 'plain_text_input', value: 'Database down' } } },
    });
    expect(accepted.status).toBe(200);
    expect(emulator.workspace.openViews(alice)).toHaveLength(0);
  });

  it('sends view_closed when a modal that asked for it is closed', async () => {
    await emulator.slashCommand({ user: alice, channel, text: 'declare' });
    await waitFor(() => emulator.workspace.openViews(alice).length === 1);
    const view = emulator.workspace.openViews(alice)[0];
    const response = await emulator.closeView({ user: alice, viewId: view.id });
    expect(response.status).toBe(200);
    await waitFor(() => seen.closed.includes(view.id));
    expect(emulator.workspace.openViews(alice)).toHaveLength(0);
  });

  it('delivers block actions built from the stored message and applies replace_original from the response_url', async () => {
    await emulator.slashCommand({ user: alice, channel, text: 'post' });
    await waitFor(() => emulator.workspace.messages(channel).some((m) => m.text === 'Incident declared'));
    const posted = emulator.workspace.messages(channel).find((m) => m.text === 'Incident declared');
    const ts = posted?.ts ?? '';

    const selected = await emulator.selectOption({ user: alice, channel, messageTs: ts, actionId: 'severity', value: 'sev2' });
    expect(selected.status).toBe(200);
    await waitFor(() => emulator.workspace.ephemerals(channel, alice).some((e) => e.text === 'Severity set to sev2'));

    const clicked = await emulator.clickButton({ user: alice, channel, messageTs: ts, actionId: 'acknowledge' });
    expect(clicked.status).toBe(200);
    await waitFor(() => emulator.workspace.messages(channel).find((m) => m.ts === ts)?.text === `Acknowledged by <@${alice}>`);
    expect(emulator.workspace.messages(channel).find((m) => m.ts === ts)?.blocks).toBeUndefined();
    expect(seen.actionBodies[0]).toMatchObject({
      type: 'block_actions',
      container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: false },
      channel: { id: channel, name: 'ops' },
      message: { ts, text: 'Incident declared' },
      state: { values: { controls: { severity: { type: 'static_select', selected_option: { value: 'sev2' } } } } },
      actions: [{ type: 'button', action_id: 'acknowledge', block_id: 'controls', value: 'inc-1' }],
    });
  });

  it('delivers a user message as a message event and stores the bot reply in the thread', async () => {
    const { ts, response } = await emulator.postMessage({ user: alice, channel, text: 'hello bot' });
    expect(response.status).toBe(200);
    await waitFor(() => emulator.workspace.replies(channel, ts).length === 1);
    expect(emulator.workspace.replies(channel, ts)[0]).toMatchObject({ text: 'hi there', thread_ts: ts });
    expect(emulator.workspace.messages(channel).find((m) => m.ts === ts)?.reply_count).toBe(1);
  });

  it('delivers an app_mention event when the bot is mentioned', async () => {
    const text = `<@${emulator.botUserId}> status please`;
    const { mentionResponse } = await emulator.postMessage({ user: alice, channel, text });
    expect(mentionResponse?.status).toBe(200);
    await waitFor(() => seen.mentions.includes(text));
  });

  it('passes retry headers so Bolt sees the retry number', async () => {
    seen.retryNum = undefined;
    const response = await emulator.sendEvent(
      { type: 'message', channel, user: alice, text: 'hello again', ts: '1700000000.000100', event_ts: '1700000000.000100', channel_type: 'channel' },
      { retryNum: 2, retryReason: 'http_timeout' },
    );
    expect(response.status).toBe(200);
    await waitFor(() => seen.retryNum === 2);
  });

  it('is rejected with 401 when the signature is wrong', async () => {
    const response = await emulator.postToBot({
      body: JSON.stringify({ type: 'event_callback', event: { type: 'app_mention' } }),
      contentType: 'application/json',
      signature: 'v0=0000000000000000000000000000000000000000000000000000000000000000',
    });
    expect(response.status).toBe(401);
  });

  it('is rejected with 401 when the timestamp is more than five minutes old', async () => {
    const response = await emulator.postToBot({
      body: JSON.stringify({ type: 'event_callback', event: { type: 'app_mention' } }),
      contentType: 'application/json',
      timestamp: Math.floor(Date.now() / 1000) - 600,
    });
    expect(response.status).toBe(401);
  });
});
