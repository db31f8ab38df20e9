import { apiHarness } from './api-harness';

describe('conversations.* channel management', () => {
  it('creates a private channel with the bot as its only member', async () => {
    const { call, workspace } = apiHarness();
    const result = await call('conversations.create', { name: 'inc-7', is_private: 'true' });
    const id = (result.channel as { id: string }).id;
    expect(result.channel).toMatchObject({ name: 'inc-7', is_private: true, is_member: true, creator: 'UBOT' });
    expect(workspace.channels.get(id)?.members).toEqual(['UBOT']);
  });

  it('rejects names made only of punctuation and names taken by archived channels', async () => {
    const { call, workspace } = apiHarness();
    expect(await call('conversations.create', { name: '--' })).toMatchObject({ error: 'invalid_name_punctuation' });
    workspace.addChannel({ name: 'old' }).is_archived = true;
    expect(await call('conversations.create', { name: 'old' })).toMatchObject({ error: 'name_taken' });
  });

  it('renames with the same rules and remembers previous names', async () => {
    const { call, workspace } = apiHarness();
    const channel = workspace.addChannel({ name: 'inc-1' });
    workspace.addChannel({ name: 'taken' });
    expect(await call('conversations.rename', { channel: channel.id, name: 'taken' })).toMatchObject({ error: 'name_taken' });
    expect(await call('conversations.rename', { channel: channel.id, name: 'Inc 1' })).toMatchObject({ error: 'invalid_name_specials' });
    await call('conversations.rename', { channel: channel.id, name: 'inc-1-resolved' });
    expect(workspace.channels.get(channel.id)).toMatchObject({ name: 'inc-1-resolved', previous_names: ['inc-1'] });
  });

  it('hides private channels the bot is not in from info and list', async () => {
    const { call, workspace } = apiHarness();
    const secret = workspace.addChannel({ name: 'secret', isPrivate: true, botIsMember: false });
    expect(await call('conversations.info', { channel: secret.id })).toMatchObject({ error: 'channel_not_found' });
    const listed = await call('conversations.list', { types: 'public_channel,private_channel' });
    expect((listed.channels as { id: string }[]).map((c) => c.id)).not.toContain(secret.id);
  });

  it('pages conversations.list with a cursor', async () => {
    const { call, workspace } = apiHarness();
    for (const name of ['a', 'b', 'c']) workspace.addChannel({ name });
    const first = await call('conversations.list', { limit: 2 });
    expect((first.channels as unknown[]).length).toBe(2);
    const cursor = (first.response_metadata as { next_cursor: string }).next_cursor;
    const second = await call('conversations.list', { limit: 2, cursor });
    expect((second.channels as { name: string }[]).map((c) => c.name)).toEqual(['c']);
    expect(second.response_metadata).toEqual({ next_cursor: '' });
    expect(await call('conversations.list', { cursor: 'bm9wZQ==' })).toMatchObject({ error: 'invalid_cursor' });
  });

  it('joins public channels only, warning when already in', async () => {
    const { call, workspace } = apiHarness();
    const open = workspace.addChannel({ name: 'open', botIsMember: false });
    const closed = workspace.addChannel({ name: 'closed', isPrivate: true, botIsMember: false });
    expect(await call('conversations.join', { channel: open.id })).toMatchObject({ ok: true });
    expect(await call('conversations.join', { channel: open.id })).toMatchObject({ ok: true, warning: 'already_in_channel' });
    expect(await call('conversations.join', { channel: closed.id })).toMatchObject({ error: 'method_not_supported_for_channel_type' });
  });

  it('sets topic and purpose, refusing channels the bot is not in and texts over 250 characters', async () => {
    const { call, workspace } = apiHarness();
    const channel = workspace.addChannel({ name: 'inc' });
    const outside = workspace.addChannel({ name: 'outside', botIsMember: false });
    await call('conversations.setTopic', { channel: channel.id, topic: 'SEV1: db down' });
    await call('conversations.setPurpose', { channel: channel.id, purpose: 'Incident room' });
    expect(workspace.channels.get(channel.id)?.topic).toMatchObject({ value: 'SEV1: db down', creator: 'UBOT' });
    expect(workspace.channels.get(channel.id)?.purpose.value).toBe('Incident room');
    expect(await call('conversations.setTopic', { channel: outside.id, topic: 'x' })).toMatchObject({ error: 'not_in_channel' });
    expect(await call('conversations.setTopic', { channel: channel.id, topic: 'x'.repeat(251) })).toMatchObject({ error: 'too_long' });
  });

  it('archives once, never the general channel, and then refuses posts', async () => {
    const { call, workspace } = apiHarness();
    const channel = workspace.addChannel({ name: 'inc' });
    const general = workspace.addChannel({ name: 'general', isGeneral: true });
    expect(await call('conversations.archive', { channel: general.id })).toMatchObject({ error: 'cant_archive_general' });
    expect(await call('conversations.archive', { channel: channel.id })).toEqual({ ok: true });
    expect(await call('conversations.archive', { channel: channel.id })).toMatchObject({ error: 'already_archived' });
    expect(await call('chat.postMessage', { channel: channel.id, text: 'x' })).toMatchObject({ error: 'is_archived' });
  });

  it('lists members with a cursor and refuses invites of the bot itself or with no users', async () => {
    const { call, workspace } = apiHarness();
    const users = ['u1', 'u2', 'u3'].map((name) => workspace.addUser({ name }).id);
    const channel = workspace.addChannel({ name: 'inc', members: [...users, 'UBOT'] });
    const first = await call('conversations.members', { channel: channel.id, limit: 3 });
    const cursor = (first.response_metadata as { next_cursor: string }).next_cursor;
    expect(await call('conversations.members', { channel: channel.id, limit: 3, cursor })).toMatchObject({ members: ['UBOT'] });
    expect(await call('conversations.invite', { channel: channel.id, users: 'UBOT' })).toMatchObject({ error: 'cant_invite_self' });
    expect(await call('conversations.invite', { channel: channel.id })).toMatchObject({ error: 'no_user' });
  });
});

describe('conversations.history and conversations.replies', () => {
  it('refuses history of a channel the bot is not in', async () => {
    const { call, workspace } = apiHarness();
    const outside = workspace.addChannel({ name: 'outside', botIsMember: false });
    expect(await call('conversations.history', { channel: outside.id })).toMatchObject({ error: 'not_in_channel' });
  });

  it('leaves thread replies out of history but counts them on the parent', async () => {
    const { call, workspace } = apiHarness();
    const channel = workspace.addChannel({ name: 'inc' });
    const parent = await call('chat.postMessage', { channel: channel.id, text: 'parent' });
    await call('chat.postMessage', { channel: channel.id, text: 'reply', thread_ts: parent.ts });
    const history = await call('conversations.history', { channel: channel.id });
    expect(history.messages).toEqual([expect.objectContaining({ text: 'parent', reply_count: 1, thread_ts: parent.ts })]);
    expect(history).toMatchObject({ has_more: false, pin_count: 0 });
  });

  it('pages a thread oldest first, parent included, when asked by the ts of a reply too', async () => {
    const { call, workspace } = apiHarness();
    const channel = workspace.addChannel({ name: 'inc' });
    const parent = await call('chat.postMessage', { channel: channel.id, text: 'p' });
    const replies: string[] = [];
    for (const text of ['r1', 'r2', 'r3']) {
      replies.push((await call('chat.postMessage', { channel: channel.id, text, thread_ts: parent.ts })).ts as string);
    }
    const first = await call('conversations.replies', { channel: channel.id, ts: replies[1], limit: 2 });
    expect((first.messages as { text: string }[]).map((m) => m.text)).toEqual(['p', 'r1']);
    const cursor = (first.response_metadata as { next_cursor: string }).next_cursor;
    const second = await call('conversations.replies', { channel: channel.id, ts: parent.ts, limit: 2, cursor });
    expect((second.messages as { text: string }[]).map((m) => m.text)).toEqual(['r2', 'r3']);
    expect(second.has_more).toBe(false);
  });

  it('answers thread_not_found for an unknown thread and invalid_ts_oldest for a bad oldest', async () => {
    const { call, workspace } = apiHarness();
    const channel = workspace.addChannel({ name: 'inc' });
    expect(await call('conversations.replies', { channel: channel.id, ts: '1700000000.000100' })).toMatchObject({ error: 'thread_not_found' });
    expect(await call('conversations.history', { channel: channel.id, oldest: 'yesterday' })).toMatchObject({ error: 'invalid_ts_oldest' });
  });
});

describe('seeding channels', () => {
  it('puts exactly the listed members in a channel, the bot only when listed or forced', () => {
    const { workspace } = apiHarness();
    const ana = workspace.addUser({ name: 'ana' }).id;
    expect(workspace.addChannel({ name: 'only-bot' }).members).toEqual(['UBOT']);
    expect(workspace.addChannel({ name: 'people', members: [ana] }).members).toEqual([ana]);
    expect(workspace.addChannel({ name: 'with-bot', members: [ana, 'UBOT'] }).members).toEqual([ana, 'UBOT']);
    expect(workspace.addChannel({ name: 'forced', members: [ana], botIsMember: true }).members).toEqual([ana, 'UBOT']);
    expect(workspace.addChannel({ name: 'empty', botIsMember: false }).members).toEqual([]);
  });
});

describe('conversations.open', () => {
  it('opens one direct-message channel per user and reuses it', async () => {
    const { call, workspace } = apiHarness();
    const ana = workspace.addUser({ name: 'ana' }).id;
    const first = await call('conversations.open', { users: ana });
    const again = await call('conversations.open', { users: ana, return_im: true });
    expect(again.channel).toMatchObject({ id: (first.channel as { id: string }).id, is_im: true, user: ana });
    expect(await call('conversations.open', { users: 'U404' })).toMatchObject({ error: 'user_not_found' });
  });
});
