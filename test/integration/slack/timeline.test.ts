import type { Incident } from '../../../src/domain/incident';
import { dateFromSlackTs, type TimelineEntry } from '../../../src/domain/timeline';
import { findIncidentByChannel } from '../../../src/store/incidents';
import { fullTimeline } from '../../../src/store/timeline';
import { BACKEND } from '../../support/test-database';
import { eventually, startHarness, type Harness } from '../../support/harness';

describe(`the incident timeline (${BACKEND} backend)`, () => {
  let h: Harness;
  let channel: string;
  let incident: Incident;

  const timeline = () => fullTimeline(h.bot.database, incident.id);
  const entryAt = async (ts: string) => (await timeline()).find((e) => e.slackTs === ts);
  const storedEntry = (ts: string) =>
    eventually(async () => {
      const entry = await entryAt(ts);
      expect(entry).toBeDefined();
      return entry as TimelineEntry;
    });
  /** Posts a message and waits until it is on the timeline, so everything delivered before it has been handled too. */
  const sentinel = async () => storedEntry((await h.emulator.postMessage({ user: h.users.cara, channel, text: 'sentinel' })).ts);
  const ephemeralsTo = (user: string, where = channel) => h.emulator.workspace.ephemerals(where, user);

  beforeAll(async () => {
    h = await startHarness();
    await h.emulator.slashCommand({ user: h.users.ana, channel: h.channels.general, text: 'declare sev2 Replica lag on db-2' });
    const declared = await eventually(() => {
      const reply = ephemeralsTo(h.users.ana, h.channels.general).find((e) => e.text.startsWith('Declared INC-'));
      expect(reply).toBeDefined();
      return reply!;
    });
    channel = /<#(\w+)>/.exec(declared.text)![1];
    incident = (await findIncidentByChannel(h.bot.database, channel))!;
  });
  afterAll(async () => {
    await h.stop();
  });

  it("records messages and thread replies in the incident channel with Slack's ts, author and text", async () => {
    const parent = await h.emulator.postMessage({ user: h.users.ana, channel, text: 'db-2 lag is 40 s and growing' });
    const reply = await h.emulator.postMessage({ user: h.users.ben, channel, text: 'vacuum is running on db-2', threadTs: parent.ts });
    expect(await storedEntry(parent.ts)).toMatchObject({
      kind: 'message', actorId: h.users.ana, text: 'db-2 lag is 40 s and growing', threadTs: null, occurredAt: dateFromSlackTs(parent.ts),
    });
    expect(await storedEntry(reply.ts)).toMatchObject({ kind: 'reply', actorId: h.users.ben, text: 'vacuum is running on db-2', threadTs: parent.ts });
    expect((await timeline())[0]).toMatchObject({ kind: 'declared', actorId: h.users.ana });
  });

  it('shows edits with the original kept, and marks deleted messages without losing their text', async () => {
    const edited = await h.emulator.postMessage({ user: h.users.ben, channel, text: 'failover to db-1' });
    const deleted = await h.emulator.postMessage({ user: h.users.ben, channel, text: 'wrong channel, sorry' });
    await storedEntry(deleted.ts);
    await h.emulator.editMessage({ user: h.users.ben, channel, ts: edited.ts, text: 'failover to db-3 (db-1 is behind too)' });
    await h.emulator.deleteMessage({ user: h.users.ben, channel, ts: deleted.ts });
    await eventually(async () => {
      expect(await entryAt(edited.ts)).toMatchObject({ text: 'failover to db-3 (db-1 is behind too)', originalText: 'failover to db-1', editedAt: expect.any(Date) });
      expect(await entryAt(deleted.ts)).toMatchObject({ text: 'wrong channel, sorry', deletedAt: expect.any(Date) });
    });
    expect(h.emulator.workspace.messages(channel).some((m) => m.ts === deleted.ts)).toBe(false);
  });

  it('marks a thread parent deleted when its deletion leaves a tombstone over the replies', async () => {
    const parent = await h.emulator.postMessage({ user: h.users.ana, channel, text: 'who owns the vacuum cron?' });
    const reply = await h.emulator.postMessage({ user: h.users.ben, channel, text: 'platform team', threadTs: parent.ts });
    await storedEntry(reply.ts);
    await h.emulator.deleteMessage({ user: h.users.ana, channel, ts: parent.ts });
    await eventually(async () => expect(await entryAt(parent.ts)).toMatchObject({ text: 'who owns the vacuum cron?', deletedAt: expect.any(Date) }));
    expect(await entryAt(reply.ts)).toMatchObject({ deletedAt: null });
  });

  it('highlights messages that get a :pushpin: or a pin, and takes the mark back when they are removed', async () => {
    const pushpinned = await h.emulator.postMessage({ user: h.users.ana, channel, text: 'customer impact started 14:02' });
    const pinned = await h.emulator.postMessage({ user: h.users.ana, channel, text: 'root cause: long-running vacuum' });
    await storedEntry(pinned.ts);
    await h.emulator.addReaction({ user: h.users.ben, channel, ts: pushpinned.ts, name: 'pushpin' });
    await h.emulator.addReaction({ user: h.users.ben, channel, ts: pinned.ts, name: 'eyes' });
    await h.emulator.pinMessage({ user: h.users.ana, channel, ts: pinned.ts });
    await eventually(async () => {
      expect(await entryAt(pushpinned.ts)).toMatchObject({ highlighted: true });
      expect(await entryAt(pinned.ts)).toMatchObject({ highlighted: true });
    });
    expect(h.emulator.workspace.pins(channel).map((p) => p.ts)).toContain(pinned.ts);
    await h.emulator.removeReaction({ user: h.users.ben, channel, ts: pushpinned.ts, name: 'pushpin' });
    await eventually(async () => expect(await entryAt(pushpinned.ts)).toMatchObject({ highlighted: false }));
  });

  it('shrugs off a reaction on a message it never stored', async () => {
    const ts = h.emulator.workspace.clock.next();
    const res = await h.emulator.sendEvent({ type: 'reaction_added', user: h.users.ben, item: { type: 'message', channel, ts }, reaction: 'pushpin', event_ts: ts });
    expect(res.status).toBe(200);
    await sentinel();
    expect(await entryAt(ts)).toBeUndefined();
  });

  it('stores a redelivered message once, whether Slack retries it or another event id carries it', async () => {
    const ts = h.emulator.workspace.clock.next();
    const event = { type: 'message', channel, user: h.users.ben, text: 'replica caught up', ts, event_ts: ts, channel_type: 'channel' };
    await h.emulator.sendEvent(event, { eventId: 'EvTIMELINE1' });
    await h.emulator.sendEvent(event, { eventId: 'EvTIMELINE1', retryNum: 1 });
    await h.emulator.sendEvent(event, { eventId: 'EvTIMELINE2' });
    await storedEntry(ts);
    await sentinel();
    expect((await timeline()).filter((e) => e.slackTs === ts)).toHaveLength(1);
  });

  it('ignores messages in channels that are not incident channels', async () => {
    const elsewhere = await h.emulator.postMessage({ user: h.users.ana, channel: h.channels.incidents, text: 'is anyone on db-2?' });
    await sentinel();
    const { rows } = await h.bot.database.query('SELECT count(*)::int AS n FROM timeline_entries WHERE slack_ts = $1', [elsewhere.ts]);
    expect(rows[0]).toEqual({ n: 0 });
  });

  it('adds a note with its author, shows it in the channel once, and keeps "action:" notes as action items', async () => {
    await h.emulator.slashCommand({ user: h.users.ben, channel, text: 'note paged the DBA <!here> & waiting' });
    await h.emulator.slashCommand({ user: h.users.ana, channel, text: 'note Action: alert on replica lag over 10 s' });
    const notes = await eventually(async () => {
      const found = (await timeline()).filter((e) => e.kind === 'note');
      expect(found).toHaveLength(2);
      return found;
    });
    expect(notes[0]).toMatchObject({ actorId: h.users.ben, text: 'paged the DBA <!here> & waiting', data: {} });
    expect(notes[1]).toMatchObject({ actorId: h.users.ana, text: 'Action: alert on replica lag over 10 s', data: { action: true } });
    const shown = h.emulator.workspace.messages(channel).find((m) => m.ts === notes[0].slackTs)!;
    expect(JSON.stringify(shown.blocks)).toContain(`:memo: Note from <@${h.users.ben}>: paged the DBA &lt;!here&gt; &amp; waiting`);
    // Slack echoes the bot's own post back as a message event; it must not become a second entry.
    await h.emulator.sendEvent({ ...shown, channel, event_ts: shown.ts, channel_type: 'channel' });
    await sentinel();
    expect((await timeline()).filter((e) => e.slackTs === shown.ts)).toEqual([expect.objectContaining({ kind: 'note' })]);
  });

  it('answers an empty note, or a note outside an incident channel, with what to do instead', async () => {
    const empty = await h.emulator.slashCommand({ user: h.users.ana, channel, text: 'note   ' });
    expect((empty.json as { text: string }).text).toContain('Write the note after the command');
    await h.emulator.slashCommand({ user: h.users.ana, channel: h.channels.general, text: 'note lost?' });
    await eventually(() => expect(ephemeralsTo(h.users.ana, h.channels.general).at(-1)?.text).toContain('works inside an incident channel'));
  });

  it('shows the latest 20 entries only to the person who asked, with highlights, edits and deletions marked', async () => {
    for (let i = 1; i <= 5; i++) await h.emulator.postMessage({ user: h.users.ben, channel, text: `lag now ${40 - i * 5} s` });
    await sentinel();
    const before = h.emulator.workspace.messages(channel).length;
    await h.emulator.slashCommand({ user: h.users.cara, channel, text: 'timeline' });
    const reply = await eventually(() => {
      const found = ephemeralsTo(h.users.cara).find((e) => e.text.startsWith('Timeline of'));
      expect(found).toBeDefined();
      return found!;
    });
    const text = JSON.stringify(reply.blocks);
    expect(text).toContain(`*Timeline of INC-${incident.id}* · Replica lag on db-2`);
    expect(text).toContain('Latest 20 entries');
    expect(text).toMatch(/`\d\d:\d\d` :pushpin: :speech_balloon: <@U\w+> root cause: long-running vacuum/);
    expect(text).toContain('failover to db-3 (db-1 is behind too) _(edited)_');
    expect(text).toContain(':ballot_box_with_check:');
    expect(text).toContain('~wrong channel, sorry~ _(deleted)_');
    expect(text).toContain('lag now 15 s');
    expect(text).not.toContain('declared as SEV-2');
    expect(h.emulator.workspace.messages(channel)).toHaveLength(before);
  });

  it('says where to go when asked for a timeline outside an incident channel', async () => {
    await h.emulator.slashCommand({ user: h.users.cara, channel: h.channels.general, text: 'timeline' });
    await eventually(() => {
      const text = ephemeralsTo(h.users.cara, h.channels.general).at(-1)?.text ?? '';
      expect(text).toContain('`/incident timeline` works inside an incident channel');
      expect(text).toContain(`INC-${incident.id} <#${channel}>`);
    });
  });
});
