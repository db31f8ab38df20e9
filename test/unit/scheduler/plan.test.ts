import { join } from 'node:path';
import { loadIncidentConfig } from '../../../src/config/load';
import type { Incident } from '../../../src/domain/incident';
import { retryDelayMs } from '../../../src/domain/jobs';
import { addBusinessDays } from '../../../src/domain/jobs-plan';
import { timerPlan } from '../../../src/domain/jobs-replan';

const config = loadIncidentConfig(join(__dirname, '..', '..', '..', 'incident.config.yml'));
const now = new Date('2026-11-20T16:00:00Z'); // a Friday
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();

function incident(o: Partial<Incident> = {}): Incident {
  return {
    id: 7, title: 'Checkout API 5xx', description: null, severity: 'SEV-1', status: 'Investigating', isPrivate: false, symptom: null,
    channelId: 'C0INC', channelName: 'inc-checkout', headerTs: null, announcementChannelId: null, announcementTs: null,
    declaredBy: 'U1', declaredAt: now, detectedAt: null, mitigatedAt: null, resolvedAt: null, resolution: null, roles: { commander: 'U1' }, ...o,
  };
}

const summary = (plan: ReturnType<typeof timerPlan>) => plan.add.map((j) => [j.kind, j.dedupeKey, j.dueAt.toISOString()]);

describe('addBusinessDays', () => {
  it.each([
    ['a Friday afternoon, 2 days', '2026-11-20T16:00:00Z', 2, 'UTC', '2026-11-24T16:00:00.000Z'],
    ['a Saturday, 2 days', '2026-11-21T09:00:00Z', 2, 'UTC', '2026-11-24T09:00:00.000Z'],
    ['a Monday, 2 days', '2026-11-23T09:00:00Z', 2, 'UTC', '2026-11-25T09:00:00.000Z'],
    ['a Friday, 5 days', '2026-11-20T16:00:00Z', 5, 'UTC', '2026-11-27T16:00:00.000Z'],
    ['Friday evening in New York (Saturday in UTC), 2 days: Tuesday evening there', '2026-11-21T03:00:00Z', 2, 'America/New_York', '2026-11-25T03:00:00.000Z'],
    ['the same instant counted in UTC (a Saturday), 2 days', '2026-11-21T03:00:00Z', 2, 'UTC', '2026-11-24T03:00:00.000Z'],
    ['Friday evening in Tokyo (still Friday in UTC), 1 day', '2026-11-20T12:00:00Z', 1, 'Asia/Tokyo', '2026-11-23T12:00:00.000Z'],
  ])('counts from %s, skipping the weekend', (_, from, days, tz, due) => {
    expect(addBusinessDays(new Date(from), days, tz).toISOString()).toBe(due);
  });
});

describe('timerPlan', () => {
  it('plans the first reminder at the cadence, the unresolved ladder and the commander check on declare', () => {
    const plan = timerPlan(config, incident(), { event: 'declared' }, now, null);
    expect(plan.cancel).toEqual([]);
    expect(summary(plan)).toEqual([
      ['status_due', 'declared', at(15)],
      ['escalation_unresolved', 'declared:step1', at(30)],
      ['escalation_unresolved', 'declared:step2', at(60)],
      ['commander_missing', 'declared', at(10)],
    ]);
    expect(plan.add[0].payload).toEqual({ severity: 'SEV-1', window: 'declared', windowDueAt: at(15), lastUpdateId: null });
  });

  it('follows the last update’s "next update in", else the cadence, and cancels only the cadence jobs', () => {
    const update = { id: 4, incidentId: 7, status: 'Identified', impact: 'x', currentActions: 'y', audience: 'internal' as const, postedBy: 'U1', postedAt: now };
    const soon = timerPlan(config, incident(), { event: 'status_update', update: { ...update, nextUpdateMinutes: 5 } }, now, 4);
    expect(soon.cancel).toEqual(['status_due', 'status_overdue', 'escalation_no_update']);
    expect(summary(soon)).toEqual([['status_due', 'update:4', at(5)]]);
    const none = timerPlan(config, incident({ severity: 'SEV-2' }), { event: 'status_update', update: { ...update, nextUpdateMinutes: null } }, now, 4);
    expect(summary(none)).toEqual([['status_due', 'update:4', at(30)]]);
  });

  it('plans no status reminders for a severity without a cadence, nor after the final update of a resolved incident', () => {
    const sev3 = timerPlan(config, incident({ severity: 'SEV-3' }), { event: 'declared' }, now, null);
    expect(summary(sev3)).toEqual([['commander_missing', 'declared', at(10)]]);
    const update = { id: 9, incidentId: 7, status: 'Resolved', impact: 'x', currentActions: 'y', audience: 'internal' as const, postedBy: 'U1', postedAt: now, nextUpdateMinutes: null };
    expect(timerPlan(config, incident({ resolvedAt: now }), { event: 'status_update', update }, now, 9)).toEqual({ cancel: [], add: [] });
  });

  it('re-plans the cadence and the ladder from the moment of a severity change, keeping the commander check', () => {
    const plan = timerPlan(config, incident({ severity: 'SEV-2' }), { event: 'severity_changed' }, now, 3);
    expect(plan.cancel).toEqual(['status_due', 'status_overdue', 'escalation_no_update', 'escalation_unresolved']);
    const key = `severity:SEV-2:${now.toISOString()}`;
    expect(summary(plan)).toEqual([['status_due', key, at(30)], ['escalation_unresolved', `${key}:step1`, at(30)]]);
    expect(plan.add[0].payload).toMatchObject({ lastUpdateId: 3 });
  });

  it('cancels everything on resolve and plans the review in business days; a reopen cancels the review and starts again', () => {
    const resolved = timerPlan(config, incident({ resolvedAt: now }), { event: 'resolved' }, now, 3);
    expect(resolved.cancel).toBe('all');
    expect(summary(resolved)).toEqual([['postmortem_review', `resolved:${now.toISOString()}`, '2026-11-24T16:00:00.000Z']]);
    expect(timerPlan(config, incident({ severity: 'SEV-3', resolvedAt: now }), { event: 'resolved' }, now, 3).add).toEqual([]);
    const reopened = timerPlan(config, incident(), { event: 'reopened' }, now, 3);
    expect(reopened.cancel).toBe('all');
    expect(reopened.add.map((j) => j.kind)).toEqual(['status_due', 'escalation_unresolved', 'escalation_unresolved', 'commander_missing']);
  });
});

describe('retryDelayMs', () => {
  it('doubles from 15 seconds and stops growing at 10 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(retryDelayMs)).toEqual([15_000, 30_000, 60_000, 120_000, 240_000, 480_000, 600_000, 600_000]);
  });
});
