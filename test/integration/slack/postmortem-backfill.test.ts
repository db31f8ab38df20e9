import type { Incident } from '../../../src/domain/incident';
import type { SlackChannel, SlackFile } from '../../../src/sandbox/workspace-types';
import { findIncidentByChannel } from '../../../src/store/incidents';
import { fullTimeline } from '../../../src/store/timeline';
import { eventually } from '../../support/harness';
import { BACKEND } from '../../support/test-database';
import { channelSteps, declareIn, section, startWorld, withoutLinks, type PostmortemWorld } from './postmortem-harness';

describe(`backfilling what the bot missed before the postmortem (${BACKEND} backend)`, () => {
  let w: PostmortemWorld;
  const ws = () => w.emulator.workspace;
  const db = () => w.bot.database;
  const filesIn = (channel: SlackChannel): SlackFile[] => [...ws().files.values()].filter((f) => f.channels.includes(channel.id) && f.completed);
  const timeline = (incident: Incident) => fullTimeline(db(), incident.id);
  const stored = (incident: Incident, ts: string) => eventually(async () => expect((await timeline(incident)).some((e) => e.slackTs === ts)).toBe(true));
  const callsFor = (method: string, channel: SlackChannel) => ws().callsTo(method).filter((c) => c.args.channel === channel.id).length;
  const duplicates = async (incident: Incident) =>
    (await db().query('SELECT slack_ts FROM timeline_entries WHERE incident_id = $1 AND slack_ts IS NOT NULL GROUP BY slack_ts HAVING count(*) > 1', [incident.id])).rows;

  beforeAll(async () => {
    w = await startWorld();
  }, 60_000);
  afterAll(async () => {
    await w.stop();
  });

  describe('a bot restart in the middle of an incident', () => {
    let channel: SlackChannel;
    let incident: Incident;
    let t0: Date;
    let markdown: string;
    const T = (minutes: number) => new Date(t0.getTime() + minutes * 60_000).toISOString().slice(11, 16);
    const say = (user: string, text: string, threadTs?: string) => w.emulator.postMessage({ user, channel: channel.id, text, threadTs });

    beforeAll(async () => {
      const { ana, ben, cara } = w.users;
      t0 = w.toNextMinute();
      channel = await declareIn(w, 'sev2 Search results empty');
      incident = (await findIncidentByChannel(db(), channel.id))!;
      w.clock.advance(1);
      const m1 = await say(ben, 'search index is empty in eu');
      const m2 = await say(ben, 'reindex started');
      await stored(incident, (await say(cara, 'on it', m2.ts)).ts);
      await stored(incident, m1.ts);

      await w.stopBot();
      w.clock.advance(2);
      const d1 = await say(cara, 'reindex stuck at 40%');
      await say(ben, 'restarted the indexer', m2.ts);
      const d2 = await say(ana, 'customers see empty results on /search');
      await w.emulator.pinMessage({ user: ana, channel: channel.id, ts: d2.ts });
      await w.emulator.addReaction({ user: cara, channel: channel.id, ts: d1.ts, name: 'ballot_box_with_check' });
      await w.emulator.editMessage({ user: ben, channel: channel.id, ts: m1.ts, text: 'search index is empty in eu and us' });
      w.clock.advance(2);
      await w.startBot();

      await channelSteps(w, channel, incident.id).resolve(ana, 'Reindexed from the snapshot');
      await eventually(() => expect(filesIn(channel)).toHaveLength(1), 15_000);
      markdown = filesIn(channel)[0].content.toString('utf8');
    }, 60_000);

    it('stores each missed message and reply once, with the edit, the pin and the action reaction made meanwhile', async () => {
      const entries = await timeline(incident);
      const byText = (text: string) => entries.find((e) => e.text === text);
      expect(byText('reindex stuck at 40%')).toMatchObject({ kind: 'message', actorId: w.users.cara, data: { backfilled: true, action: true } });
      expect(byText('restarted the indexer')).toMatchObject({ kind: 'reply', actorId: w.users.ben, threadTs: byText('reindex started')!.slackTs });
      expect(byText('customers see empty results on /search')).toMatchObject({ highlighted: true });
      expect(byText('search index is empty in eu and us')).toMatchObject({ originalText: 'search index is empty in eu', editedAt: expect.any(Date) });
      expect(await duplicates(incident)).toEqual([]);
      const backfilled = entries.filter((e) => e.kind === 'backfilled');
      expect(backfilled).toEqual([
        expect.objectContaining({ data: { from: byText('reindex stuck at 40%')!.occurredAt.toISOString(), to: byText('customers see empty results on /search')!.occurredAt.toISOString(), messages: 2, replies: 1, edits: 1 } }),
      ]);
    });

    it('says in the draft which span was read back, and shows the missed messages in the timeline', () => {
      const day = t0.toISOString().slice(0, 10);
      expect(section(markdown, 'Appendix')).toContain(
        `- ${day} ${T(5)} UTC: 2 messages and 1 reply posted between ${day} ${T(3)} UTC and ${day} ${T(3)} UTC, and 1 edit made meanwhile, were missed by the bot and read back from Slack.`,
      );
      expect(section(markdown, 'Timeline').slice(2).map(withoutLinks)).toEqual([
        `- \`${T(0)}\` **Ana Ortiz**: INC-${incident.id} declared as SEV-2: Search results empty`,
        `- \`${T(1)}\` **Ben Okafor**: search index is empty in eu and us (edited)`,
        `- \`${T(1)}\` **Ben Okafor**: reindex started`,
        `  - \`${T(1)}\` **Cara Lind**: on it`,
        `  - \`${T(3)}\` **Ben Okafor**: restarted the indexer`,
        `- \`${T(3)}\` **Cara Lind**: Action item: reindex stuck at 40%`,
        `- \`${T(3)}\` 📌 **Ana Ortiz**: customers see empty results on /search`,
        `- \`${T(5)}\` **Ana Ortiz**: Resolved: Reindexed from the snapshot`,
        `- \`${T(5)}\` **Ana Ortiz**: Resolved (internal update): Reindexed from the snapshot`,
        `- \`${T(5)}\` Bot: backfill of missed messages`,
      ]);
      expect(section(markdown, 'Action items')[0]).toMatch(/^- \[ \] reindex stuck at 40% \(raised by Cara Lind, /);
    });

    it('reads nothing twice when the draft is written again, and picks up action reactions added since', async () => {
      const before = (await timeline(incident)).length;
      const started = ws().messages(channel.id).find((m) => m.text === 'reindex started')!;
      await w.emulator.addReaction({ user: w.users.ana, channel: channel.id, ts: started.ts, name: 'ballot_box_with_check' });
      await w.emulator.slashCommand({ user: w.users.ana, channel: channel.id, text: 'postmortem' });
      await eventually(() => expect(filesIn(channel)).toHaveLength(2), 15_000);
      const after = await timeline(incident);
      expect(after.length).toBe(before + 1);
      expect(after.at(-1)).toMatchObject({ kind: 'postmortem', data: expect.objectContaining({ version: 2 }) });
      expect(await duplicates(incident)).toEqual([]);
      expect(section(filesIn(channel)[1].content.toString('utf8'), 'Action items').map(withoutLinks).slice(0, 2)).toEqual([
        expect.stringMatching(/^- \[ \] reindex started \(raised by Ben Okafor, /),
        expect.stringMatching(/^- \[ \] reindex stuck at 40% \(raised by Cara Lind, /),
      ]);
    });
  });

  describe('a long stretch missed', () => {
    it('pages through the history and a long thread, keeps every message once, and counts them in one line', async () => {
      const { ana, ben, cara } = w.users;
      const channel = await declareIn(w, 'sev3 Grafana down');
      const incident = (await findIncidentByChannel(db(), channel.id))!;
      await w.stopBot();
      const parent = await w.emulator.postMessage({ user: ana, channel: channel.id, text: 'dashboards blank' });
      for (let i = 0; i < 230; i++) await w.emulator.postMessage({ user: i % 2 ? ben : cara, channel: channel.id, text: `reply ${i}`, threadTs: parent.ts });
      for (let i = 0; i < 429; i++) await w.emulator.postMessage({ user: [ana, ben, cara][i % 3], channel: channel.id, text: `message ${i}` });
      await w.startBot();
      await w.emulator.slashCommand({ user: ana, channel: channel.id, text: 'postmortem' });
      await eventually(() => expect(filesIn(channel)).toHaveLength(1), 20_000);
      const entries = await timeline(incident);
      expect(entries.filter((e) => e.kind === 'message')).toHaveLength(430);
      expect(entries.filter((e) => e.kind === 'reply')).toHaveLength(230);
      expect(await duplicates(incident)).toEqual([]);
      expect(callsFor('conversations.history', channel)).toBe(3);
      expect(callsFor('conversations.replies', channel)).toBe(2);
      const lines = section(filesIn(channel)[0].content.toString('utf8'), 'Timeline');
      expect(lines.filter((l) => l.includes('430 messages and 230 replies from Ana Ortiz, Cara Lind and Ben Okafor'))).toHaveLength(1);

      await w.emulator.slashCommand({ user: ana, channel: channel.id, text: 'postmortem' });
      await eventually(() => expect(filesIn(channel)).toHaveLength(2), 20_000);
      expect(callsFor('conversations.replies', channel)).toBe(2);
      expect((await timeline(incident)).filter((e) => e.kind === 'backfilled')).toHaveLength(1);
    }, 60_000);
  });

  describe('when Slack refuses', () => {
    it('resolves anyway, says in the channel how to retry, and notes in the draft that the channel could not be read back', async () => {
      const { ana } = w.users;
      const channel = await declareIn(w, 'sev2 Webhooks delayed');
      const incident = (await findIncidentByChannel(db(), channel.id))!;
      w.emulator.failNext('conversations.history', { times: 1, error: 'not_in_channel' });
      w.emulator.failNext('files.completeUploadExternal', { times: 1, error: 'internal_error' });
      await channelSteps(w, channel, incident.id).resolve(ana, 'Consumers restarted');
      await eventually(() =>
        expect(ws().messages(channel.id).at(-1)?.text).toBe(
          `:warning: The postmortem draft for INC-${incident.id} could not be written or posted (an unexpected error, logged for the operators). \`/incident postmortem\` tries again.`,
        ),
      );
      expect((await findIncidentByChannel(db(), channel.id))!.resolvedAt).not.toBeNull();
      const [v1] = (await timeline(incident)).filter((e) => e.kind === 'postmortem');
      const stored = await (await fetch(v1.data.link as string)).text();
      expect(section(stored, 'Appendix')).toContainEqual(
        expect.stringMatching(/^- \d{4}-\d\d-\d\d \d\d:\d\d UTC: The channel could not be read back before this version \(not_in_channel\); messages the bot missed may be absent\.$/),
      );

      await w.emulator.slashCommand({ user: ana, channel: channel.id, text: 'postmortem' });
      await eventually(() => expect(filesIn(channel).map((f) => f.name)).toEqual([expect.stringMatching(/-inc-\d+-webhooks-delayed-v2\.md$/)]), 15_000);
      expect(section(filesIn(channel)[0].content.toString('utf8'), 'Appendix')).toContain('_The bot heard the whole channel; nothing had to be read back._');
    }, 60_000);
  });
});
