import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { SlackChannel } from '../../../src/sandbox/workspace-types';
import { BACKEND } from '../../support/test-database';
import { eventually, startHarness, type Harness } from '../../support/harness';
import { blockText, declareBySlash } from '../../support/incident-steps';

/** The shipped config, with people to call on SEV-1's L2 (a user group) and L3 (a user) steps. */
function configWithLadder(): string {
  const doc = parseDocument(readFileSync('incident.config.yml', 'utf8'));
  doc.setIn(['severities', 0, 'escalation', 1, 'notify', 'usergroups'], ['S0L2LEADS']);
  doc.setIn(['severities', 0, 'escalation', 2, 'notify', 'users'], ['U0L3MGR01']);
  return doc.toString();
}

describe(`escalation and commander nudges (${BACKEND} backend)`, () => {
  let h: Harness;
  const ws = () => h.emulator.workspace;
  const tick = () => h.bot.scheduler.tick();
  const texts = (channel: SlackChannel, part: string) => ws().messages(channel.id).map((m) => m.text).filter((t) => t.includes(part));
  const timeline = async (incidentId: number, kind: string) =>
    (await h.bot.database.query('SELECT data FROM timeline_entries WHERE incident_id = $1 AND kind = $2 ORDER BY id', [incidentId, kind])).rows.map((r) => r.data);

  beforeAll(async () => {
    h = await startHarness({ configYaml: configWithLadder() });
  });
  afterAll(async () => {
    await h.stop();
  });

  it('escalates a SEV-1 along its ladder, each step once, mentioning whom the config names, on the timeline and in /incident list', async () => {
    const channel = await declareBySlash(h, 'sev1 Checkout API 5xx');
    for (const minutes of [15, 10, 5, 30]) {
      h.clock.advance(minutes);
      await tick();
      await tick();
    }
    expect(texts(channel, 'escalated to')).toEqual([
      ':rotating_light: INC-1 (SEV-1) escalated to *Status update overdue*: no status update 10 min after one was due',
      '<!subteam^S0L2LEADS> :rotating_light: INC-1 (SEV-1) escalated to *L2 - technical lead*: unresolved for 30 min',
      '<@U0L3MGR01> :rotating_light: INC-1 (SEV-1) escalated to *L3 - engineering manager*: unresolved for 1 h',
    ]);
    expect(blockText(ws().messages(channel.id).find((m) => m.text.includes('*Status update overdue*')))).toContain('incident_post_update');
    expect(await timeline(1, 'escalated')).toEqual([
      { label: 'Status update overdue', reason: 'no_update', afterMinutes: 10, notified: { users: [], usergroups: [] } },
      { label: 'L2 - technical lead', reason: 'unresolved', afterMinutes: 30, notified: { users: [], usergroups: ['S0L2LEADS'] } },
      { label: 'L3 - engineering manager', reason: 'unresolved', afterMinutes: 60, notified: { users: ['U0L3MGR01'], usergroups: [] } },
    ]);
    await h.emulator.slashCommand({ user: h.users.cara, channel: h.channels.general, text: 'list' });
    const reply = await eventually(() => {
      const found = ws().ephemerals(h.channels.general, h.users.cara).find((e) => e.source === 'response_url');
      expect(found).toBeDefined();
      return found!;
    });
    expect(JSON.stringify(reply.blocks)).toContain(':rotating_light: escalated: L3 - engineering manager');
  });

  it('re-plans the cadence and the ladder from the moment the severity changes', async () => {
    const channel = await declareBySlash(h, 'sev1 Search results empty');
    h.clock.advance(20);
    await h.emulator.slashCommand({ user: h.users.ana, channel: channel.id, text: 'sev 2 only search is affected' });
    await eventually(async () => {
      const { rows } = await h.bot.database.query("SELECT kind, payload->>'severity' AS severity FROM jobs WHERE incident_id = 2 AND state = 'pending' ORDER BY due_at, kind");
      expect(rows).toEqual([
        { kind: 'commander_missing', severity: null },
        { kind: 'escalation_unresolved', severity: 'SEV-2' },
        { kind: 'status_due', severity: 'SEV-2' },
      ]);
    });
    h.clock.advance(29);
    await tick();
    expect(texts(channel, 'Status update due')).toEqual([]);
    expect(texts(channel, 'escalated to')).toEqual([]);
    h.clock.advance(1);
    await tick();
    expect(texts(channel, 'Status update due')).toEqual(['Status update due for INC-2 (SEV-2): no update yet, open 50 min']);
    expect(texts(channel, 'escalated to')).toEqual([':rotating_light: INC-2 (SEV-2) escalated to *L2 - technical lead*: unresolved for 30 min']);
    h.clock.advance(15);
    await tick();
    expect(texts(channel, 'escalated to')).toHaveLength(2);
    expect(texts(channel, 'escalated to')[1]).toContain('*Status update overdue*: no status update 15 min after one was due');
  });

  it('nudges the channel when an open incident has had no commander for 10 minutes, and stays quiet when it has one', async () => {
    const channel = await declareBySlash(h, 'sev2 Webhooks backlog');
    const { rows } = await h.bot.database.query("SELECT id FROM incidents WHERE channel_id = $1", [channel.id]);
    await h.bot.database.query("DELETE FROM incident_roles WHERE incident_id = $1 AND role = 'commander'", [rows[0].id]);
    h.clock.advance(10);
    await tick();
    const nudge = ws().messages(channel.id).at(-1)!;
    expect(nudge.text).toBe(':bust_in_silhouette: INC-3 has had no incident commander for 10 min. Someone take it: `/incident role commander @you`');
    expect(await timeline(3, 'reminder')).toEqual([{ kind: 'commander_missing', messageTs: nudge.ts }]);
    const others = await h.bot.database.query("SELECT incident_id, state FROM jobs WHERE kind = 'commander_missing' ORDER BY incident_id");
    expect(others.rows).toEqual([
      { incident_id: '1', state: 'skipped' },
      { incident_id: '2', state: 'skipped' },
      { incident_id: '3', state: 'done' },
    ]);
  });
});
