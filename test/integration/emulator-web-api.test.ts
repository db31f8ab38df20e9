import { ErrorCode, LogLevel, WebClient, type Logger, type WebAPIPlatformError } from '@slack/web-api';
import { SlackEmulator } from '../../src/sandbox';

const TOKEN = 'xoxb-web-api-test';
const noop = () => undefined;
const logger: Logger = { debug: noop, info: noop, warn: noop, error: noop, setLevel: noop, setName: noop, getLevel: () => LogLevel.ERROR };

async function platformError(call: Promise<unknown>): Promise<WebAPIPlatformError['data']> {
  try {
    await call;
  } catch (error) {
    const e = error as WebAPIPlatformError;
    if (e.code === ErrorCode.PlatformError) return e.data;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('a real WebClient pointed at the emulator', () => {
  const emulator = new SlackEmulator({ botToken: TOKEN });
  let client: WebClient;
  let channel: string;

  beforeAll(async () => {
    await emulator.start(0);
    client = new WebClient(TOKEN, { slackApiUrl: emulator.apiUrl, logger, retryConfig: { retries: 0 } });
    channel = emulator.addChannel({ name: 'incidents' }).id;
  });

  afterAll(() => emulator.stop());

  it('answers auth.test with the bot identity', async () => {
    const result = await client.auth.test();
    expect(result).toMatchObject({ ok: true, user_id: emulator.botUserId, team_id: 'T0SANDBOX', bot_id: 'B0SANDBOT' });
  });

  it('rejects a wrong token with invalid_auth and an unknown method with unknown_method', async () => {
    const stranger = new WebClient('xoxb-wrong', { slackApiUrl: emulator.apiUrl, logger, retryConfig: { retries: 0 } });
    expect((await platformError(stranger.auth.test())).error).toBe('invalid_auth');
    expect((await platformError(client.apiCall('incidents.declare'))).error).toBe('unknown_method');
  });

  it('posts, updates and threads messages, with increasing ts values', async () => {
    const parent = await client.chat.postMessage({ channel, text: 'Incident #1 declared' });
    const reply = await client.chat.postMessage({ channel, text: 'Rolling back', thread_ts: parent.ts });
    expect(Number(reply.ts)).toBeGreaterThan(Number(parent.ts));
    await client.chat.update({ channel, ts: parent.ts as string, text: 'Incident #1 resolved' });

    const stored = emulator.workspace.messages(channel).find((m) => m.ts === parent.ts);
    expect(stored).toMatchObject({ text: 'Incident #1 resolved', reply_count: 1, latest_reply: reply.ts });
    const replies = await client.conversations.replies({ channel, ts: parent.ts as string });
    expect(replies.messages?.map((m) => m.text)).toEqual(['Incident #1 resolved', 'Rolling back']);
  });

  it('pages through conversations.history newest first using next_cursor', async () => {
    const room = emulator.addChannel({ name: 'history-room' }).id;
    for (let i = 1; i <= 5; i += 1) await client.chat.postMessage({ channel: room, text: `update ${i}` });
    const first = await client.conversations.history({ channel: room, limit: 2 });
    expect(first.messages?.map((m) => m.text)).toEqual(['update 5', 'update 4']);
    expect(first.has_more).toBe(true);
    const texts: string[] = [];
    for await (const page of client.paginate('conversations.history', { channel: room, limit: 2 })) {
      texts.push(...((page as { messages?: { text: string }[] }).messages ?? []).map((m) => m.text));
    }
    expect(texts).toEqual(['update 5', 'update 4', 'update 3', 'update 2', 'update 1']);
  });

  it('applies oldest, latest and inclusive to conversations.history', async () => {
    const room = emulator.addChannel({ name: 'range-room' }).id;
    const ts: string[] = [];
    for (let i = 1; i <= 4; i += 1) ts.push((await client.chat.postMessage({ channel: room, text: `m${i}` })).ts as string);
    const exclusive = await client.conversations.history({ channel: room, oldest: ts[0], latest: ts[3] });
    expect(exclusive.messages?.map((m) => m.text)).toEqual(['m3', 'm2']);
    const inclusive = await client.conversations.history({ channel: room, oldest: ts[0], latest: ts[3], inclusive: true });
    expect(inclusive.messages?.map((m) => m.text)).toEqual(['m4', 'm3', 'm2', 'm1']);
  });

  it('enforces channel name rules on conversations.create', async () => {
    const create = (name: string) => platformError(client.conversations.create({ name }));
    expect((await create('')).error).toBe('invalid_name_required');
    expect((await create('Incident Room')).error).toBe('invalid_name_specials');
    expect((await create('a'.repeat(81))).error).toBe('invalid_name_maxlength');
    expect((await create('incidents')).error).toBe('name_taken');
    const created = await client.conversations.create({ name: 'inc-42-db_down' });
    expect(created.channel).toMatchObject({ name: 'inc-42-db_down', is_member: true, is_private: false });
  });

  it('rejects posts without content, over-long text, invalid blocks and private channels the bot is not in', async () => {
    const secret = emulator.addChannel({ name: 'secret', isPrivate: true, botIsMember: false }).id;
    expect((await platformError(client.chat.postMessage({ channel } as never))).error).toBe('no_text');
    expect((await platformError(client.chat.postMessage({ channel, text: 'x'.repeat(40_001) }))).error).toBe('msg_too_long');
    expect((await platformError(client.chat.postMessage({ channel: 'C404', text: 'hi' }))).error).toBe('channel_not_found');
    expect((await platformError(client.chat.postMessage({ channel: secret, text: 'hi' }))).error).toBe('not_in_channel');
    const invalid = await platformError(
      // A header with mrkdwn text is exactly what the typings forbid and Slack rejects.
      client.chat.postMessage({ channel, text: 'x', blocks: [{ type: 'header', text: { type: 'mrkdwn', text: 'Big' } }] as never }),
    );
    expect(invalid.error).toBe('invalid_blocks');
    expect(invalid.response_metadata?.messages).toEqual(['[ERROR] must be plain_text [json-pointer:/blocks/0/text/type]']);
  });

  it('retries a rate-limited call after the Retry-After delay', async () => {
    const patient = new WebClient(TOKEN, {
      slackApiUrl: emulator.apiUrl,
      logger,
      retryConfig: { retries: 1, factor: 1, minTimeout: 0, maxTimeout: 0 },
    });
    emulator.rateLimit('chat.postMessage', { times: 1, retryAfterSeconds: 1 });
    const started = Date.now();
    const result = await patient.chat.postMessage({ channel, text: 'after the rate limit' });
    expect(result.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    const calls = emulator.workspace.callsTo('chat.postMessage').slice(-2);
    expect(calls.map((c) => c.error ?? 'ok')).toEqual(['ratelimited', 'ok']);
  });

  it('reports the retry delay to a client that rejects rate-limited calls', async () => {
    const hasty = new WebClient(TOKEN, { slackApiUrl: emulator.apiUrl, logger, rejectRateLimitedCalls: true });
    emulator.rateLimit('conversations.info', { times: 1, retryAfterSeconds: 7 });
    await expect(hasty.conversations.info({ channel })).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
      retryAfter: 7,
    });
  });

  it('fails the next calls on demand with an HTTP status or a Slack error', async () => {
    emulator.failNext('conversations.info', { times: 1, status: 503 });
    await expect(client.conversations.info({ channel })).rejects.toMatchObject({ code: ErrorCode.HTTPError, statusCode: 503 });
    emulator.failNext('conversations.info', { times: 1, error: 'fatal_error' });
    expect((await platformError(client.conversations.info({ channel }))).error).toBe('fatal_error');
    expect((await client.conversations.info({ channel })).ok).toBe(true);
  });

  it('round-trips a file through filesUploadV2 and shares it in the channel', async () => {
    const result = await client.filesUploadV2({
      channel_id: channel,
      filename: 'timeline.txt',
      title: 'Incident timeline',
      content: '10:00 alert fired\n10:05 rollback',
      initial_comment: 'Timeline attached',
    });
    expect(result.ok).toBe(true);
    const file = [...emulator.workspace.files.values()].find((f) => f.name === 'timeline.txt');
    expect(file).toMatchObject({ title: 'Incident timeline', channels: [channel], completed: true });
    expect(file?.content.toString('utf8')).toBe('10:00 alert fired\n10:05 rollback');
    const shared = emulator.workspace.messages(channel).at(-1);
    expect(shared).toMatchObject({ text: 'Timeline attached', files: [expect.objectContaining({ id: file?.id })] });
  });

  it('rejects a second identical pin or reaction with Slack errors', async () => {
    const ts = (await client.chat.postMessage({ channel, text: 'Pin me' })).ts as string;
    await client.pins.add({ channel, timestamp: ts });
    expect((await platformError(client.pins.add({ channel, timestamp: ts }))).error).toBe('already_pinned');
    await client.reactions.add({ channel, timestamp: ts, name: 'eyes' });
    expect((await platformError(client.reactions.add({ channel, timestamp: ts, name: 'eyes' }))).error).toBe('already_reacted');
    expect(emulator.workspace.pins(channel).map((p) => p.ts)).toContain(ts);
    expect(emulator.workspace.reactions(channel, ts)).toEqual([{ channel, ts, name: 'eyes', users: [emulator.botUserId] }]);
  });

  it('invites known users once and refuses unknown ones', async () => {
    const bob = emulator.addUser({ name: 'bob' }).id;
    await client.conversations.invite({ channel, users: bob });
    expect(emulator.workspace.channels.get(channel)?.members).toContain(bob);
    expect((await platformError(client.conversations.invite({ channel, users: bob }))).error).toBe('already_in_channel');
    expect((await platformError(client.conversations.invite({ channel, users: 'U404' }))).error).toBe('user_not_found');
  });

  it('refuses views.open with a trigger id it never issued', async () => {
    const view = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'Hi' }, blocks: [] };
    expect((await platformError(client.views.open({ trigger_id: '123.456.abc', view }))).error).toBe('invalid_trigger_id');
  });
});
