import type { Incident } from '../../../src/domain/incident';
import type { Reminder } from '../../../src/domain/jobs';
import { validateMessageBlocks } from '../../../src/sandbox';
import { incidentListEntry } from '../../../src/slack/blocks/incident-list';
import { reminderMessage, snoozedReminderMessage } from '../../../src/slack/blocks/reminder';

const incident = { id: 42, title: 'Checkout <!channel>', severity: 'SEV-1', channelId: 'C0INC', roles: {} } as unknown as Incident;
const statusDue = (o: Partial<Extract<Reminder, { kind: 'status_due' }>> = {}): Reminder => ({
  kind: 'status_due', jobId: 7, severity: 'SEV-1', lastUpdateMinutesAgo: 16, openMinutes: 40, overdueMinutes: null, mention: [], ...o,
});
const elements = (m: ReturnType<typeof reminderMessage>) =>
  (m.blocks as { type: string; elements?: { action_id?: string; value?: string }[] }[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);

describe('reminder messages', () => {
  it('says an update is due, with Post update (the incident) and two snoozes (the job and minutes)', () => {
    const m = reminderMessage(incident, statusDue());
    expect(m.text).toBe('Status update due for INC-42 (SEV-1): last update 16 min ago');
    expect(elements(m).map((e) => [e.action_id, e.value])).toEqual([
      ['incident_post_update', '42'],
      ['reminder_snooze_short', '{"jobId":7,"minutes":15}'],
      ['reminder_snooze_long', '{"jobId":7,"minutes":30}'],
    ]);
    expect(validateMessageBlocks(m.blocks)).toEqual([]);
  });

  it('puts the mentions first and says by how much an update is overdue; without any update, how long the incident is open', () => {
    expect(reminderMessage(incident, statusDue({ mention: ['U0ANA', 'U0BEN'], overdueMinutes: 65 })).text).toBe(
      '<@U0ANA> <@U0BEN> Status update due for INC-42 (SEV-1): last update 16 min ago · 1 h 5 min overdue',
    );
    expect(reminderMessage(incident, statusDue({ lastUpdateMinutesAgo: null })).text).toBe('Status update due for INC-42 (SEV-1): no update yet, open 40 min');
  });

  it('escalates naming the step and mentioning its users and user groups; escaped, with Post update for a missing update', () => {
    const notify = { users: ['U0MGR'], usergroups: ['S0LEADS'] };
    const m = reminderMessage(incident, { kind: 'escalation', severity: 'SEV-1', label: 'L2 <tech> lead', reason: 'no_update', afterMinutes: 10, notify });
    expect(m.text).toBe('<@U0MGR> <!subteam^S0LEADS> :rotating_light: INC-42 (SEV-1) escalated to *L2 &lt;tech&gt; lead*: no status update 10 min after one was due');
    expect(elements(m).map((e) => e.action_id)).toEqual(['incident_post_update']);
    const plain = reminderMessage(incident, { kind: 'escalation', severity: 'SEV-1', label: 'L3', reason: 'unresolved', afterMinutes: 60, notify: { users: [], usergroups: [] } });
    expect(elements(plain)).toEqual([]);
    expect(JSON.stringify(plain.blocks)).toContain('Nobody is listed for this step in incident.config.yml');
    expect(validateMessageBlocks(m.blocks)).toEqual([]);
  });

  it('nudges for a commander and reminds about the postmortem review with the resolution day', () => {
    expect(reminderMessage(incident, { kind: 'commander_missing', openMinutes: 10 }).text).toContain('INC-42 has had no incident commander for 10 min');
    const review = reminderMessage(incident, { kind: 'postmortem_review', severity: 'SEV-1', resolvedAt: new Date('2026-11-20T16:00:00Z'), businessDays: 2, mention: ['U0ANA'] });
    expect(review.text).toBe('<@U0ANA> :memo: Postmortem review due for INC-42 (SEV-1): resolved Fri, 20 Nov 16:00 UTC, 2 business days ago');
    expect(validateMessageBlocks(review.blocks)).toEqual([]);
  });

  it('shows who snoozed until when in place of the buttons', () => {
    const m = snoozedReminderMessage('Status update due for INC-42 (SEV-1): last update 16 min ago', 'U0CARA', new Date('2026-11-20T16:15:00Z'));
    expect(JSON.stringify(m.blocks)).toContain(':zzz: Snoozed by <@U0CARA> until 16:15 UTC');
    expect(elements(m)).toEqual([]);
    expect(validateMessageBlocks(m.blocks)).toEqual([]);
  });

  it('shows the escalation step an incident reached in /incident list, escaped', () => {
    const open = { ...incident, declaredAt: new Date('2026-11-20T15:00:00Z'), isPrivate: false, roles: { commander: 'U0ANA' } } as Incident;
    const entry = incidentListEntry({ incident: open, lastUpdateAt: null, escalation: 'L2 <tech> lead' }, new Date('2026-11-20T16:00:00Z'));
    expect(entry.split('\n').at(-1)).toBe(':rotating_light: escalated: L2 &lt;tech&gt; lead');
    expect(incidentListEntry({ incident: open, lastUpdateAt: null, escalation: null }, new Date('2026-11-20T16:00:00Z'))).not.toContain('escalated');
  });
});
