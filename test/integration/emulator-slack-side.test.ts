import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebClient } from '@slack/web-api';
import { SlackEmulator, signSlackRequest } from '../../src/sandbox';

const SECRET = 'plain-bot-secret';
const TOKEN = 'xoxb-plain-bot';

interface Received {
  headers: IncomingMessage['headers'];
  raw: string;
  /** The decoded body: form fields, the interaction payload, or the event envelope. */
  body: Record<string, unknown>;
  signatureValid: boolean;
}

type Responder = (r: Received) => { status?: number; body?: unknown };

/** A bare HTTP bot that records what Slack sends and answers what the test says. */
async function startPlainBot(): Promise<{ server: Server; url: string; received: Received[]; respond: { next: Responder } }> {
  const received: Received[] = [];
  const respond = { next: (() => ({})) as Responder };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const ts = Number(req.headers['x-slack-request-timestamp']);
      const form = Object.fromEntries(new URLSearchParams(raw));
      const body = req.headers['content-type'] === 'application/json' ? JSON.parse(raw) : form.payload ? JSON.parse(form.payload) : form;
      const r = { headers: req.headers, raw, body, signatureValid: signSlackRequest(SECRET, ts, raw) === req.headers['x-slack-signature'] };
      received.push(r);
      const answer = respond.next(r);
      const text = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      res.writeHead(answer.status ?? 200, typeof answer.body === 'object' ? { 'content-type': 'application/json' } : {});
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/slack/events`, received, respond };
}

const modal = (title: string, extra: Record<string, unknown> = {}) => ({
  type: 'modal' as const,
  title: { type: 'plain_text' as const, text: title },
  submit: { type: 'plain_text' as const, text: 'Next' },
  blocks: [
    { type: 'input', block_id: 'who', label: { type: 'plain_text', text: 'Commander' }, element: { type: 'users_select', action_id: 'user' } },
    {
      type: 'actions', block_id: 'tools',
      elements: [{ type: 'button', action_id: 'refresh', text: { type: 'plain_text', text: 'Refresh' }, value: 'r' }],
    },
  ],
  ...extra,
});

describe('the Slack side as seen by a bare HTTP bot', () => {
  const emulator = new SlackEmulator({ botToken: TOKEN, signingSecret: SECRET, echoBotMessages: true });
  let bot: Awaited<ReturnType<typeof startPlainBot>>;
  let client: WebClient;
  let alice: string;
  let channel: string;

  beforeAll(async () => {
    await emulator.start(0);
    bot = await startPlainBot();
    emulator.connectBot({ requestUrl: bot.url, signingSecret: SECRET, botToken: TOKEN });
    client = new WebClient(TOKEN, { slackApiUrl: emulator.apiUrl, retryConfig: { retries: 0 } });
    alice = emulator.addUser({ name: 'alice' }).id;
    channel = emulator.addChannel({ name: 'ops', members: [alice, emulator.botUserId] }).id;
  });

  beforeEach(() => {
    bot.received.length = 0;
    bot.respond.next = () => ({});
  });

  afterAll(async () => {
    await emulator.stop();
    await new Promise((resolve) => bot.server.close(resolve));
  });

  async function openModal(view = modal('Declare')): Promise<string> {
    await emulator.slashCommand({ user: alice, channel, text: 'declare' });
    const triggerId = bot.received.at(-1)?.body.trigger_id as string;
    const opened = await client.views.open({ trigger_id: triggerId, view });
    return opened.view?.id as string;
  }

  it('signs slash commands and sends them form-encoded with exactly the header Bolt expects', async () => {
    await emulator.slashCommand({ user: alice, channel, command: '/incident', text: 'status' });
    const [request] = bot.received;
    expect(request.signatureValid).toBe(true);
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.body).toMatchObject({ command: '/incident', text: 'status', user_id: alice, channel_id: channel, channel_name: 'ops' });
    expect(request.body.response_url).toMatch(new RegExp(`^${emulator.baseUrl}/response/`));
  });

  it('serves the response_url it handed out', async () => {
    await emulator.slashCommand({ user: alice, channel, text: 'status' });
    const responseUrl = bot.received[0].body.response_url as string;
    const answer = await fetch(responseUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'All quiet' }) });
    expect(answer.status).toBe(200);
    expect(emulator.workspace.ephemerals(channel, alice).at(-1)).toMatchObject({ text: 'All quiet', source: 'response_url' });
  });

  it("posts an in_channel command answer to the channel and echoes it to the bot when echoBotMessages is on", async () => {
    bot.respond.next = (r) => (r.body.command ? { body: { response_type: 'in_channel', text: 'Incident #9 declared' } } : {});
    await emulator.slashCommand({ user: alice, channel, text: 'declare' });
    await emulator.settle();
    expect(emulator.workspace.messages(channel).at(-1)).toMatchObject({ text: 'Incident #9 declared', bot_id: 'B0SANDBOT' });
    const echoed = bot.received.find((r) => r.body.type === 'event_callback');
    expect(echoed?.body.event).toMatchObject({ type: 'message', text: 'Incident #9 declared', bot_id: 'B0SANDBOT', channel });
  });

  it('reports an ack body with invalid blocks as a problem instead of showing it', async () => {
    bot.respond.next = () => ({ body: { blocks: [{ type: 'header', text: { type: 'mrkdwn', text: 'x' } }] } });
    const before = emulator.workspace.ephemerals(channel, alice).length;
    const response = await emulator.slashCommand({ user: alice, channel, text: 'bad' });
    expect(response.problems?.[0]).toMatch(/^invalid_blocks: \[ERROR\] must be plain_text/);
    expect(emulator.workspace.ephemerals(channel, alice)).toHaveLength(before);
  });

  it('applies response_action push, update and clear to the modal stack', async () => {
    const root = await openModal();
    const values = { who: { user: { type: 'users_select', selected_user: alice } } };

    bot.respond.next = () => ({ body: { response_action: 'push', view: modal('Confirm') } });
    await emulator.submitView({ user: alice, viewId: root, values });
    const stack = emulator.workspace.openViews(alice);
    expect(stack.map((v) => (v.title as { text: string }).text)).toEqual(['Declare', 'Confirm']);
    expect(stack[1]).toMatchObject({ previous_view_id: root, root_view_id: root });
    expect(bot.received.at(-1)?.body).toMatchObject({ type: 'view_submission', view: { id: root, state: { values } } });

    bot.respond.next = () => ({ body: { response_action: 'update', view: modal('Confirmed') } });
    await emulator.submitView({ user: alice, viewId: stack[1].id, values });
    expect(emulator.workspace.openViews(alice).map((v) => (v.title as { text: string }).text)).toEqual(['Declare', 'Confirmed']);

    bot.respond.next = () => ({ body: { response_action: 'clear' } });
    await emulator.submitView({ user: alice, viewId: stack[1].id, values });
    expect(emulator.workspace.openViews(alice)).toEqual([]);
  });

  it('reports errors keyed by a block that is not an input', async () => {
    const viewId = await openModal();
    bot.respond.next = () => ({ body: { response_action: 'errors', errors: { tools: 'nope' } } });
    const response = await emulator.submitView({ user: alice, viewId, values: {} });
    expect(response.problems).toEqual(['invalid_errors: tools is not the block_id of an input block']);
    await emulator.closeView({ user: alice, viewId });
  });

  it('sends block actions from a modal with the view and its state', async () => {
    const viewId = await openModal();
    await emulator.selectOption({ user: alice, viewId, actionId: 'user', value: alice });
    await emulator.clickButton({ user: alice, viewId, actionId: 'refresh' });
    expect(bot.received.at(-1)?.body).toMatchObject({
      type: 'block_actions',
      container: { type: 'view', view_id: viewId },
      view: { id: viewId, state: { values: { who: { user: { type: 'users_select', selected_user: alice } } } } },
      actions: [{ type: 'button', action_id: 'refresh', block_id: 'tools', value: 'r' }],
    });
    await emulator.closeView({ user: alice, viewId });
  });

  it('does not tell the bot about a closed modal unless it asked with notify_on_close', async () => {
    const viewId = await openModal();
    bot.received.length = 0;
    const response = await emulator.closeView({ user: alice, viewId });
    expect(response.status).toBe(0);
    expect(bot.received).toEqual([]);
    expect(emulator.workspace.openViews(alice)).toEqual([]);
  });

  it('marks clicks in ephemeral messages as such and leaves the message out', async () => {
    const { message_ts } = await client.chat.postEphemeral({
      channel, user: alice, text: 'Confirm?',
      blocks: [{ type: 'actions', block_id: 'b', elements: [{ type: 'button', action_id: 'yes', text: { type: 'plain_text', text: 'Yes' } }] }],
    });
    await emulator.clickButton({ user: alice, channel, messageTs: message_ts as string, actionId: 'yes' });
    const body = bot.received.at(-1)?.body ?? {};
    expect(body.container).toMatchObject({ type: 'message', message_ts, is_ephemeral: true });
    expect(body.message).toBeUndefined();
  });

  it('delivers thread replies with thread_ts and parent_user_id, and nothing for channels the bot is not in', async () => {
    const { ts } = await emulator.postMessage({ user: alice, channel, text: 'db is down' });
    await emulator.postMessage({ user: alice, channel, text: 'rolling back', threadTs: ts });
    expect(bot.received.at(-1)?.body.event).toMatchObject({ thread_ts: ts, parent_user_id: alice, text: 'rolling back', channel_type: 'channel' });
    expect(emulator.workspace.messages(channel).find((m) => m.ts === ts)).toMatchObject({ reply_count: 1, reply_users: [alice] });

    const elsewhere = emulator.addChannel({ name: 'random', botIsMember: false }).id;
    bot.received.length = 0;
    const quiet = await emulator.postMessage({ user: alice, channel: elsewhere, text: 'hello?' });
    expect(quiet.response.status).toBe(0);
    expect(bot.received).toEqual([]);
  });
});
