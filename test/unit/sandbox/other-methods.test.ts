import { apiHarness } from './api-harness';

function setup() {
  const h = apiHarness();
  const alice = h.workspace.addUser({ name: 'alice', realName: 'Alice Doe', tz: 'Europe/Paris', email: 'alice@corp.test' });
  const channel = h.workspace.addChannel({ name: 'inc', members: [alice.id, 'UBOT'] });
  return { ...h, alice, channel };
}

describe('pins and reactions', () => {
  it('lists, then removes pins, answering not_pinned afterwards', async () => {
    const { call, channel, workspace } = setup();
    const { ts } = await call('chat.postMessage', { channel: channel.id, text: 'status' });
    await call('pins.add', { channel: channel.id, timestamp: ts });
    expect(await call('pins.list', { channel: channel.id })).toMatchObject({ items: [{ type: 'message', message: { ts } }] });
    await call('pins.remove', { channel: channel.id, timestamp: ts });
    expect(workspace.pins(channel.id)).toEqual([]);
    expect(await call('pins.remove', { channel: channel.id, timestamp: ts })).toMatchObject({ error: 'not_pinned' });
  });

  it('answers no_item_specified, bad_timestamp and message_not_found for bad targets', async () => {
    const { call, channel } = setup();
    expect(await call('pins.add', { channel: channel.id })).toMatchObject({ error: 'no_item_specified' });
    expect(await call('reactions.add', { channel: channel.id, name: 'eyes', timestamp: 'now' })).toMatchObject({ error: 'bad_timestamp' });
    expect(await call('reactions.add', { channel: channel.id, name: 'eyes', timestamp: '1700000000.000100' })).toMatchObject({ error: 'message_not_found' });
  });

  it('removes a reaction once and then answers no_reaction', async () => {
    const { call, channel, workspace } = setup();
    const { ts } = await call('chat.postMessage', { channel: channel.id, text: 'x' });
    await call('reactions.add', { channel: channel.id, timestamp: ts, name: ':white_check_mark:' });
    expect(workspace.reactions(channel.id)).toEqual([expect.objectContaining({ name: 'white_check_mark' })]);
    await call('reactions.remove', { channel: channel.id, timestamp: ts, name: 'white_check_mark' });
    expect(workspace.reactions(channel.id)).toEqual([]);
    expect(await call('reactions.remove', { channel: channel.id, timestamp: ts, name: 'white_check_mark' })).toMatchObject({ error: 'no_reaction' });
  });
});

describe('bookmarks', () => {
  it('adds link bookmarks, lists and removes them', async () => {
    const { call, channel, workspace } = setup();
    const added = await call('bookmarks.add', { channel_id: channel.id, title: 'Runbook', type: 'link', link: 'https://runbooks.test/db' });
    expect(added.bookmark).toMatchObject({ title: 'Runbook', link: 'https://runbooks.test/db', channel_id: channel.id });
    expect(await call('bookmarks.list', { channel_id: channel.id })).toMatchObject({ bookmarks: [{ title: 'Runbook' }] });
    await call('bookmarks.remove', { channel_id: channel.id, bookmark_id: (added.bookmark as { id: string }).id });
    expect(workspace.bookmarks(channel.id)).toEqual([]);
  });

  it('requires a title and a valid link', async () => {
    const { call, channel } = setup();
    expect(await call('bookmarks.add', { channel_id: channel.id, type: 'link', link: 'https://x.test' })).toMatchObject({ error: 'invalid_arguments' });
    expect(await call('bookmarks.add', { channel_id: channel.id, title: 'T', type: 'link', link: 'ftp://x' })).toMatchObject({ error: 'invalid_link' });
  });
});

describe('users and user groups', () => {
  it('describes users with profile, time zone and offset', async () => {
    const { call, alice } = setup();
    const { user } = await call('users.info', { user: alice.id });
    expect(user).toMatchObject({ id: alice.id, real_name: 'Alice Doe', tz: 'Europe/Paris', profile: { email: 'alice@corp.test' } });
    expect([3600, 7200]).toContain((user as { tz_offset: number }).tz_offset);
    expect(await call('users.info', { user: 'U404' })).toMatchObject({ error: 'user_not_found' });
  });

  it('finds users by email and pages the user list', async () => {
    const { call, alice } = setup();
    expect(await call('users.lookupByEmail', { email: 'ALICE@corp.test' })).toMatchObject({ user: { id: alice.id } });
    expect(await call('users.lookupByEmail', { email: 'bob@corp.test' })).toMatchObject({ error: 'users_not_found' });
    const page = await call('users.list', { limit: 1 });
    expect((page.members as unknown[]).length).toBe(1);
    expect((page.response_metadata as { next_cursor: string }).next_cursor).not.toBe('');
  });

  it('lists user groups, with members only when asked', async () => {
    const { call, alice, workspace } = setup();
    const group = workspace.addUsergroup({ handle: 'oncall', name: 'On call', users: [alice.id] });
    const plain = await call('usergroups.list');
    expect(plain.usergroups).toEqual([expect.not.objectContaining({ users: expect.anything() })]);
    expect(await call('usergroups.list', { include_users: true })).toMatchObject({ usergroups: [{ handle: 'oncall', users: [alice.id], user_count: 1 }] });
    expect(await call('usergroups.users.list', { usergroup: group.id })).toMatchObject({ users: [alice.id] });
    expect(await call('usergroups.users.list', { usergroup: 'S404' })).toMatchObject({ error: 'no_such_subteam' });
  });
});

describe('auth.test, team.info and files', () => {
  it('describes the team', async () => {
    const { call } = setup();
    expect(await call('team.info')).toMatchObject({ team: { id: 'T1', domain: 'team' } });
    expect(await call('auth.test')).toMatchObject({ user_id: 'UBOT', bot_id: 'BBOT', url: 'https://team.slack.com/' });
  });

  it('refuses to complete an upload of an unknown file or into an unknown channel', async () => {
    const { call } = setup();
    expect(await call('files.completeUploadExternal', { files: JSON.stringify([{ id: 'F404' }]) })).toMatchObject({ error: 'file_not_found' });
    const { file_id } = await call('files.getUploadURLExternal', { filename: 'a.txt', length: 1 });
    expect(await call('files.completeUploadExternal', { files: [{ id: file_id }], channel_id: 'C404' })).toMatchObject({ error: 'channel_not_found' });
    expect(await call('files.getUploadURLExternal', { filename: 'a.txt' })).toMatchObject({ error: 'invalid_arguments' });
  });
});
