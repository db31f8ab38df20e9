import { UserActivity } from '../../../src/sandbox/user-activity';
import { Workspace } from '../../../src/sandbox/workspace';
import type { SlackMessage } from '../../../src/sandbox/workspace-types';

function setup() {
  const workspace = new Workspace({ id: 'T1', name: 'Team', domain: 'team' }, { userId: 'UBOT', botId: 'BBOT', appId: 'AAPP', name: 'incident-bot' });
  const ana = workspace.addUser({ name: 'ana' }).id;
  const ben = workspace.addUser({ name: 'ben' }).id;
  const ops = workspace.addChannel({ name: 'ops', members: [ana, ben, 'UBOT'] });
  const quiet = workspace.addChannel({ name: 'quiet', members: [ana, ben] });
  const sent: Record<string, unknown>[] = [];
  const activity = new UserActivity({ workspace, send: async (event) => (sent.push(event), { status: 200, body: '', elapsedMs: 1 }) });
  const post = (channel: string, user: string, text: string, threadTs?: string): SlackMessage => {
    const message: SlackMessage = { type: 'message', ts: workspace.clock.next(), text, user };
    if (threadTs) workspace.store.addReply(channel, threadTs, { ...message, thread_ts: threadTs });
    else workspace.store.addTopLevel(channel, message);
    return message;
  };
  return { workspace, ana, ben, ops: ops.id, quiet: quiet.id, sent, activity, post };
}

describe('UserActivity: edits and deletions', () => {
  it('edits the message in place and sends message_changed with the new and the previous message', async () => {
    const { workspace, ana, ops, sent, activity, post } = setup();
    const { ts } = post(ops, ana, 'db-1 is primary');
    await activity.editMessage({ user: ana, channel: ops, ts, text: 'db-2 is primary' });
    const stored = workspace.messages(ops)[0];
    expect(stored).toMatchObject({ text: 'db-2 is primary', edited: { user: ana } });
    expect(sent[0]).toMatchObject({
      type: 'message', subtype: 'message_changed', hidden: true, channel: ops, channel_type: 'channel',
      message: { ts, text: 'db-2 is primary', edited: { user: ana, ts: stored.edited?.ts } },
      previous_message: { ts, text: 'db-1 is primary' },
    });
    expect(sent[0].ts).toBe(stored.edited?.ts);
  });

  it("refuses to edit or delete someone else's message, as Slack does", async () => {
    const { ana, ben, ops, activity, post } = setup();
    const { ts } = post(ops, ana, 'mine');
    await expect(activity.editMessage({ user: ben, channel: ops, ts, text: 'x' })).rejects.toThrow('cant_update_message');
    await expect(activity.deleteMessage({ user: ben, channel: ops, ts })).rejects.toThrow('cant_delete_message');
    await expect(activity.deleteMessage({ user: ana, channel: ops, ts: '1700000000.000100' })).rejects.toThrow('message_not_found');
  });

  it('deletes a message and sends message_deleted naming it', async () => {
    const { workspace, ana, ops, sent, activity, post } = setup();
    const { ts } = post(ops, ana, 'oops');
    await activity.deleteMessage({ user: ana, channel: ops, ts });
    expect(workspace.messages(ops)).toHaveLength(0);
    expect(sent[0]).toMatchObject({ subtype: 'message_deleted', hidden: true, channel: ops, deleted_ts: ts, previous_message: { text: 'oops' } });
  });

  it('turns a thread parent with replies into a tombstone and says so with message_changed', async () => {
    const { workspace, ana, ben, ops, sent, activity, post } = setup();
    const parent = post(ops, ana, 'root cause?');
    post(ops, ben, 'the cron job', parent.ts);
    await activity.deleteMessage({ user: ana, channel: ops, ts: parent.ts });
    expect(workspace.messages(ops)[0]).toMatchObject({ subtype: 'tombstone' });
    expect(sent[0]).toMatchObject({ subtype: 'message_changed', message: { subtype: 'tombstone', ts: parent.ts }, previous_message: { text: 'root cause?' } });
  });

  it('sends nothing to a bot that is not in the channel, but still changes the workspace', async () => {
    const { workspace, ana, quiet, sent, activity, post } = setup();
    const { ts } = post(quiet, ana, 'hello');
    const response = await activity.editMessage({ user: ana, channel: quiet, ts, text: 'hello all' });
    expect(response.status).toBe(0);
    expect(sent).toHaveLength(0);
    expect(workspace.messages(quiet)[0].text).toBe('hello all');
  });
});

describe('UserActivity: reactions and pins', () => {
  it('adds and removes a reaction with reaction_added / reaction_removed', async () => {
    const { workspace, ana, ben, ops, sent, activity, post } = setup();
    const { ts } = post(ops, ana, 'failover done');
    await activity.addReaction({ user: ben, channel: ops, ts, name: 'pushpin' });
    expect(workspace.reactions(ops, ts)).toEqual([{ channel: ops, ts, name: 'pushpin', users: [ben] }]);
    await expect(activity.addReaction({ user: ben, channel: ops, ts, name: 'pushpin' })).rejects.toThrow('already_reacted');
    await activity.removeReaction({ user: ben, channel: ops, ts, name: 'pushpin' });
    expect(workspace.reactions(ops, ts)).toEqual([]);
    expect(sent.map((e) => e.type)).toEqual(['reaction_added', 'reaction_removed']);
    expect(sent[0]).toMatchObject({ user: ben, reaction: 'pushpin', item: { type: 'message', channel: ops, ts }, item_user: ana });
  });

  it('reacts on a thread reply too', async () => {
    const { ana, ben, ops, sent, activity, post } = setup();
    const parent = post(ops, ana, 'thread');
    const reply = post(ops, ben, 'reply', parent.ts);
    await activity.addReaction({ user: ana, channel: ops, ts: reply.ts, name: 'pushpin' });
    expect(sent[0]).toMatchObject({ item: { ts: reply.ts }, item_user: ben });
  });

  it('pins and unpins with pin_added / pin_removed carrying the message and who pinned it', async () => {
    const { workspace, ana, ben, ops, sent, activity, post } = setup();
    const { ts } = post(ops, ana, 'customer impact ended 14:32');
    await activity.pinMessage({ user: ben, channel: ops, ts });
    expect(workspace.pins(ops)).toEqual([expect.objectContaining({ ts, created_by: ben })]);
    await expect(activity.pinMessage({ user: ben, channel: ops, ts })).rejects.toThrow('already_pinned');
    await activity.unpinMessage({ user: ben, channel: ops, ts });
    expect(workspace.pins(ops)).toEqual([]);
    expect(sent[0]).toMatchObject({
      type: 'pin_added', user: ben, channel_id: ops, item_user: ana, pin_count: 1,
      item: { type: 'message', channel: ops, created_by: ben, message: { ts, text: 'customer impact ended 14:32', pinned_to: [ops] } },
      pinned_info: { channel: ops, pinned_by: ben },
    });
    expect(sent[1]).toMatchObject({ type: 'pin_removed', pin_count: 0, has_pins: false });
  });

  it('only lets members pin, and unpinning what is not pinned fails', async () => {
    const { workspace, ana, ops, activity, post } = setup();
    const cara = workspace.addUser({ name: 'cara' }).id;
    const { ts } = post(ops, ana, 'x');
    await expect(activity.pinMessage({ user: cara, channel: ops, ts })).rejects.toThrow('not_in_channel');
    await expect(activity.unpinMessage({ user: ana, channel: ops, ts })).rejects.toThrow('not_pinned');
  });

  it('removes the pin of a message that is deleted', async () => {
    const { workspace, ana, ops, activity, post } = setup();
    const { ts } = post(ops, ana, 'pinned then gone');
    await activity.pinMessage({ user: ana, channel: ops, ts });
    await activity.deleteMessage({ user: ana, channel: ops, ts });
    expect(workspace.pins(ops)).toEqual([]);
  });
});
