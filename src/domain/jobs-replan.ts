import type { IncidentConfig } from '../config/schema';
import { replaceJobs } from '../store/jobs';
import { latestStatusUpdate } from '../store/status-updates';
import type { FlowDeps } from './flows/deps';
import { isOpen, type Incident, type StatusUpdate } from './incident';
import { CADENCE_KINDS, SEVERITY_KINDS, type JobKind, type NewJob } from './jobs';
import { planAfterUpdate, planFromNow, postmortemReview } from './jobs-plan';

/** What just happened to an incident that moves its timers. */
export type TimerEvent =
  | { event: 'declared' }
  | { event: 'reopened' }
  | { event: 'severity_changed' }
  | { event: 'status_update'; update: StatusUpdate }
  | { event: 'resolved' };

/** Which pending jobs an event cancels ('all' or some kinds) and which it plans. */
export interface TimerPlan {
  cancel: 'all' | readonly JobKind[];
  add: NewJob[];
}

/** Decides how an event moves an incident's timers; `lastUpdateId` is its latest status update's id, if any. */
export function timerPlan(config: Pick<IncidentConfig, 'severities' | 'reminders'>, incident: Incident, e: TimerEvent, now: Date, lastUpdateId: number | null): TimerPlan {
  const at = now.toISOString();
  switch (e.event) {
    case 'declared':
      return { cancel: [], add: planFromNow(config, incident, { window: 'declared', now, lastUpdateId, commanderNudge: true }) };
    case 'reopened':
      return { cancel: 'all', add: planFromNow(config, incident, { window: `reopened:${at}`, now, lastUpdateId, commanderNudge: true }) };
    case 'severity_changed':
      return { cancel: SEVERITY_KINDS, add: planFromNow(config, incident, { window: `severity:${incident.severity}:${at}`, now, lastUpdateId, commanderNudge: false }) };
    case 'status_update':
      return isOpen(incident) ? { cancel: CADENCE_KINDS, add: planAfterUpdate(config, incident, e.update) } : { cancel: [], add: [] };
    case 'resolved':
      return { cancel: 'all', add: postmortemReview(config, incident, incident.resolvedAt ?? now) };
  }
}

/**
 * Moves an incident's reminders, escalations and reviews after something happened to it: cancels what no longer
 * applies and plans what follows, in one statement. The flows call it once their own change is stored.
 */
export async function replanTimers(deps: Pick<FlowDeps, 'db' | 'config' | 'clock'>, incident: Incident, e: TimerEvent): Promise<void> {
  const now = deps.clock.now();
  const lastUpdateId = e.event === 'status_update' ? e.update.id : ((await latestStatusUpdate(deps.db, incident.id))?.id ?? null);
  const plan = timerPlan(deps.config, incident, e, now, lastUpdateId);
  if (plan.cancel !== 'all' && plan.cancel.length === 0 && plan.add.length === 0) return;
  await replaceJobs(deps.db, incident.id, plan.cancel === 'all' ? null : plan.cancel, plan.add, now);
}
