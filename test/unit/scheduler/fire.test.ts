import { join } from 'node:path';
import { loadIncidentConfig } from '../../../src/config/load';
import type { Incident, StatusUpdate } from '../../../src/domain/incident';
import type { Job, JobKind } from '../../../src/domain/jobs';
import { decideJob } from '../../../src/domain/jobs-fire';

const config = loadIncidentConfig(join(__dirname, '..', '..', '..', 'incident.config.yml'));
const declaredAt = new Date('2026-11-22T16:00:00Z');
const at = (minutes: number) => new Date(declaredAt.getTime() + minutes * 60_000);

function incident(o: Partial<Incident> = {}): Incident {
  return {
    id: 42, title: 'Checkout API 5xx', description: null, severity: 'SEV-1', status: 'Investigating', isPrivate: false, symptom: null,
    channelId: 'C0INC', channelName: 'inc-checkout', headerTs: null, announcementChannelId: null, announcementTs: null,
    declaredBy: 'U1', declaredAt, detectedAt: null, mitigatedAt: null, resolvedAt: null, resolution: null,
    roles: { commander: 'U0ANA', comms: 'U0BEN' }, ...o,
  };
}

function job(kind: JobKind, payload: Record<string, unknown>, o: Partial<Job> = {}): Job {
  return { id: 9, kind, incidentId: 42, dedupeKey: 'k', dueAt: at(15), payload, state: 'running', attempts: 1, claimedBy: 'w', messageTs: null, lastError: null, ...o };
}

const cadence = { severity: 'SEV-1', window: 'update:3', windowDueAt: at(15).toISOString(), lastUpdateId: 3 };
const update = (id: number, minute: number): StatusUpdate => ({
  id, incidentId: 42, status: 'Identified', impact: 'x', currentActions: 'y', nextUpdateMinutes: 20, audience: 'internal', postedBy: 'U0ANA', postedAt: at(minute),
});
const keys = (jobs: { kind: string; dedupeKey: string; dueAt: Date }[]) => jobs.map((j) => [j.kind, j.dedupeKey, j.dueAt.toISOString()]);

describe('decideJob for a status reminder', () => {
  it('posts on time without mentions, and plans the next reminder, the grace mention and the no-update escalation', () => {
    const d = decideJob(config, job('status_due', cadence), { incident: incident(), latestUpdate: update(3, 0), now: at(16) });
    expect(d.skip).toBeNull();
    expect(d.reminder).toEqual({ kind: 'status_due', jobId: 9, severity: 'SEV-1', lastUpdateMinutesAgo: 16, openMinutes: 16, overdueMinutes: null, mention: [] });
    expect(keys(d.followUps)).toEqual([
      ['status_due', 'update:3:after:9', at(31).toISOString()],
      ['status_overdue', 'update:3:grace', at(20).toISOString()],
      ['escalation_no_update', 'update:3:step0', at(25).toISOString()],
    ]);
    expect(d.record.data('1.2')).toEqual({ kind: 'status_due', messageTs: '1.2' });
  });

  it('mentions the commander and comms lead once past the grace period, and then plans no separate mention', () => {
    const d = decideJob(config, job('status_due', cadence), { incident: incident(), latestUpdate: update(3, 0), now: at(40) });
    expect(d.reminder).toMatchObject({ overdueMinutes: 25, mention: ['U0ANA', 'U0BEN'] });
    expect(d.followUps.map((j) => j.kind)).toEqual(['status_due', 'escalation_no_update']);
  });

  it('skips when an update came in since, planning what follows that update (a no-op when the update already did)', () => {
    const d = decideJob(config, job('status_due', cadence), { incident: incident(), latestUpdate: update(5, 10), now: at(16) });
    expect(d.skip).toBe('an update was posted since');
    expect(keys(d.followUps)).toEqual([['status_due', 'update:5', at(30).toISOString()]]);
  });

  it.each([
    ['the incident is resolved', incident({ resolvedAt: at(14) })],
    ['the severity changed', incident({ severity: 'SEV-2' })],
    ['the severity changed', incident({ severity: 'SEV-3' })],
  ])('skips when %s', (reason, inc) => {
    expect(decideJob(config, job('status_due', cadence), { incident: inc, latestUpdate: update(3, 0), now: at(16) })).toMatchObject({ skip: reason, followUps: [] });
  });

  it('lets the overdue mention give way to a regular reminder due at the same time (after a pause)', () => {
    const facts = { incident: incident(), latestUpdate: update(3, 0), now: at(31) };
    expect(decideJob(config, job('status_overdue', cadence), facts).skip).toBeNull();
    expect(decideJob(config, job('status_overdue', cadence), { ...facts, statusReminderDue: true }).skip).toBe('the regular reminder is due too');
  });
});

describe('decideJob for escalations, the commander check and the postmortem review', () => {
  const step = { severity: 'SEV-1', step: 0, label: 'Status update overdue', reason: 'no_update', afterMinutes: 10, notify: { users: [], usergroups: ['S0LEADS'] }, lastUpdateId: 3 };

  it('escalates while nothing changed, recording exactly the timeline contract', () => {
    const d = decideJob(config, job('escalation_no_update', step), { incident: incident(), latestUpdate: update(3, 0), now: at(25) });
    expect(d.skip).toBeNull();
    expect(d.record).toMatchObject({ kind: 'escalated', text: 'Escalated: Status update overdue (no status update 10 min after one was due)' });
    expect(d.record.data('1.2')).toEqual({ label: 'Status update overdue', reason: 'no_update', afterMinutes: 10, notified: { users: [], usergroups: ['S0LEADS'] } });
  });

  it('drops a no-update step once an update is posted, and any step after resolve or a severity change', () => {
    expect(decideJob(config, job('escalation_no_update', step), { incident: incident(), latestUpdate: update(4, 20), now: at(25) }).skip).toBe('an update was posted since');
    const unresolved = { ...step, reason: 'unresolved', label: 'L2 - technical lead', afterMinutes: 30 };
    expect(decideJob(config, job('escalation_unresolved', unresolved), { incident: incident(), latestUpdate: update(4, 20), now: at(30) }).skip).toBeNull();
    expect(decideJob(config, job('escalation_unresolved', unresolved), { incident: incident({ resolvedAt: at(29) }), latestUpdate: undefined, now: at(30) }).skip).toBe('the incident is resolved');
    expect(decideJob(config, job('escalation_unresolved', unresolved), { incident: incident({ severity: 'SEV-2' }), latestUpdate: undefined, now: at(30) }).skip).toBe('the severity changed');
  });

  it('nudges only while there is no commander', () => {
    const facts = { latestUpdate: undefined, now: at(10) };
    expect(decideJob(config, job('commander_missing', {}), { ...facts, incident: incident({ roles: {} }) })).toMatchObject({ skip: null, reminder: { kind: 'commander_missing', openMinutes: 10 } });
    expect(decideJob(config, job('commander_missing', {}), { ...facts, incident: incident() }).skip).toBe('a commander is assigned');
  });

  it('reminds about the postmortem review unless the incident was reopened', () => {
    const payload = { severity: 'SEV-1', resolvedAt: at(60).toISOString(), businessDays: 2 };
    const d = decideJob(config, job('postmortem_review', payload), { incident: incident({ resolvedAt: at(60) }), latestUpdate: undefined, now: at(3000) });
    expect(d).toMatchObject({ skip: null, reminder: { kind: 'postmortem_review', businessDays: 2, mention: ['U0ANA'] } });
    expect(d.record.data('1.2')).toEqual({ kind: 'postmortem_review', messageTs: '1.2' });
    expect(decideJob(config, job('postmortem_review', payload), { incident: incident(), latestUpdate: undefined, now: at(3000) }).skip).toBe('the incident was reopened');
  });
});
