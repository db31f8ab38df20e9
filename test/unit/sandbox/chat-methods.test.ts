import { apiHarness } from './api-harness';

function setup() {
  const h = apiHarness();
  const alice = h.workspace.addUser({ name: 'alice' });
  const general = h.workspace.addChannel({ name: 'general', members: [alice.id, 'UBOT'] });
  return { ...h, alice, general };
}

describe('chat.postMessage', () => {
  it('stores the message as the bot and answers with channel, ts and message', async () => {
    const { call, general, workspace } = setup();
    const result = await call('chat.postMessage', { channel: general.id, text: 'hello' });
    expect(result).toMatchObject({ ok: true, channel: general.id, message: { text: 'hello', bot_id: 'BBOT', user: 'UBOT' } });
    expect(workspace.messages(general.id).map((m) => m.ts)).toEqual([result.ts]);
  });

  it('accepts a channel name and a user id (opening a direct message)', async () => {
    const { call, alice, workspace } = setup();
    expect(await call('chat.postMessage', { channel: '#general', text: 'by name' })).toMatchObject({ ok: true });
    const dm = await call('chat.postMessage', { channel: alice.id, text: 'psst' });
    expect(workspace.channels.get(dm.channel as string)).toMatchObject({ is_im: true, user: alice.id });
  });

  it('decodes blocks sent as a JSON string and gives them block ids', async () => {
    const { call, general, workspace } = setup();
    await call('chat.postMessage', { channel: general.id, blocks: JSON.stringify([{ type: 'divider' }]) });
    expect(workspace.messages(general.id)[0].blocks).toEqual([{ type: 'divider', block_id: expect.any(String) }]);
  });

  it('answers invalid_blocks_format for blocks that are not JSON, and is_archived for archived channels', async () => {
    const { call, general } = setup();
    expect(await call('chat.postMessage', { channel: general.id, blocks: '[{' })).toMatchObject({ error: 'invalid_blocks_format' });
    general.is_archived = true;
    expect(await call('chat.postMessage', { channel: general.id, text: 'x' })).toMatchObject({ error: 'is_archived' });
  });

  it('answers invalid_thread_ts for a malformed thread_ts', async () => {
    const { call, general } = setup();
    expect(await call('chat.postMessage', { channel: general.id, text: 'x', thread_ts: 'abc' })).toMatchObject({ error: 'invalid_thread_ts' });
  });

  it('shows a broadcast reply in the channel as well as in the thread', async () => {
    const { call, general, workspace } = setup();
    const parent = await call('chat.postMessage', { channel: general.id, text: 'parent' });
    await call('chat.postMessage', { channel: general.id, text: 'also in channel', thread_ts: parent.ts, reply_broadcast: 'true' });
    expect(workspace.messages(general.id).map((m) => m.text)).toEqual(['parent', 'also in channel']);
    expect(workspace.replies(general.id, parent.ts as string)[0]).toMatchObject({ subtype: 'thread_broadcast' });
  });

  it('tells the emulator about each post so it can echo it as an event', async () => {
    const { call, general, botMessages } = setup();
    await call('chat.postMessage', { channel: general.id, text: 'echo me' });
    expect(botMessages).toEqual([{ channel: general.id, message: expect.objectContaining({ text: 'echo me' }) }]);
  });
});

describe('chat.postEphemeral', () => {
  it('stores an ephemeral message for a member of the channel', async () => {
    const { call, general, alice, workspace } = setup();
    const result = await call('chat.postEphemeral', { channel: general.id, user: alice.id, text: 'only you' });
    expect(workspace.ephemerals(general.id, alice.id)).toEqual([
      expect.objectContaining({ ts: result.message_ts, text: 'only you', source: 'chat.postEphemeral' }),
    ]);
  });

  it('refuses users who are unknown or not in the channel', async () => {
    const { call, general, workspace } = setup();
    const outsider = workspace.addUser({ name: 'outsider' });
    expect(await call('chat.postEphemeral', { channel: general.id, user: 'U404', text: 'x' })).toMatchObject({ error: 'user_not_found' });
    expect(await call('chat.postEphemeral', { channel: general.id, user: outsider.id, text: 'x' })).toMatchObject({ error: 'user_not_in_channel' });
  });
});

describe('chat.update and chat.delete', () => {
  it('answers message_not_found for an unknown ts', async () => {
    const { call, general } = setup();
    expect(await call('chat.update', { channel: general.id, ts: '1700000000.000100', text: 'x' })).toMatchObject({ error: 'message_not_found' });
    expect(await call('chat.delete', { channel: general.id, ts: '1700000000.000100' })).toMatchObject({ error: 'message_not_found' });
  });

  it("refuses to edit or delete someone else's message", async () => {
    const { general, alice, workspace, call } = setup();
    const ts = workspace.clock.next();
    workspace.store.addTopLevel(general.id, { type: 'message', ts, text: 'mine', user: alice.id });
    expect(await call('chat.update', { channel: general.id, ts, text: 'x' })).toMatchObject({ error: 'cant_update_message' });
    expect(await call('chat.delete', { channel: general.id, ts })).toMatchObject({ error: 'cant_delete_message' });
  });

  it('keeps blocks when only text changes, and marks the message edited', async () => {
    const { call, general, workspace } = setup();
    const { ts } = await call('chat.postMessage', { channel: general.id, text: 'v1', blocks: [{ type: 'divider' }] });
    await call('chat.update', { channel: general.id, ts, text: 'v2' });
    expect(workspace.messages(general.id)[0]).toMatchObject({ text: 'v2', blocks: [{ type: 'divider' }], edited: { user: 'UBOT' } });
  });

  it('leaves a tombstone when a thread parent is deleted', async () => {
    const { call, general, workspace } = setup();
    const { ts } = await call('chat.postMessage', { channel: general.id, text: 'parent' });
    await call('chat.postMessage', { channel: general.id, text: 'reply', thread_ts: ts });
    await call('chat.delete', { channel: general.id, ts });
    expect(workspace.messages(general.id)[0]).toMatchObject({ subtype: 'tombstone', reply_count: 1 });
  });
});

describe('chat.getPermalink', () => {
  it('builds an archives link, with thread_ts for replies', async () => {
    const { call, general } = setup();
    const parent = await call('chat.postMessage', { channel: general.id, text: 'p' });
    const reply = await call('chat.postMessage', { channel: general.id, text: 'r', thread_ts: parent.ts });
    const link = await call('chat.getPermalink', { channel: general.id, message_ts: reply.ts });
    const digits = (reply.ts as string).replace('.', '');
    expect(link.permalink).toBe(`https://team.slack.com/archives/${general.id}/p${digits}?thread_ts=${parent.ts}&cid=${general.id}`);
  });
});
