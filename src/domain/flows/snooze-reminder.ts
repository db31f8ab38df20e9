import { getIncident } from '../../store/incidents';
import { getJob, replaceJobs } from '../../store/jobs';
import { latestStatusUpdate } from '../../store/status-updates';
import { AppError } from '../errors';
import { incidentKey, isOpen } from '../incident';
import { cadencePayload } from '../jobs';
import { minutesAfter, statusDueJob } from '../jobs-plan';
import type { FlowDeps } from './deps';

/** Snooze lengths the reminder offers, in minutes. */
export const SNOOZE_MINUTES = [15, 30] as const;

export interface SnoozeInput {
  /** The reminder job whose message was snoozed. */
  jobId: number;
  minutes: number;
}

/**
 * Snoozes a status reminder: the next one comes `minutes` from now, and the mention of the commander and comms
 * lead waits with it. Escalation for a missing update keeps its time; a snooze does not hide a late update from it.
 */
export async function snoozeStatusReminder(deps: Pick<FlowDeps, 'db' | 'clock'>, input: SnoozeInput): Promise<{ until: Date; incidentKey: string }> {
  if (!(SNOOZE_MINUTES as readonly number[]).includes(input.minutes)) throw new AppError('usage', `Snooze for ${SNOOZE_MINUTES.join(' or ')} minutes.`);
  const job = await getJob(deps.db, input.jobId);
  const parsed = cadencePayload.safeParse(job?.payload);
  if (!job || !parsed.success) throw new AppError('not_found', 'This reminder no longer exists, so there is nothing to snooze.');
  const incident = await getIncident(deps.db, job.incidentId);
  if (!incident || !isOpen(incident)) throw new AppError('conflict', `${incidentKey(job.incidentId)} is resolved: no more status reminders will come.`);
  const latest = await latestStatusUpdate(deps.db, incident.id);
  if ((latest?.id ?? null) !== parsed.data.lastUpdateId || incident.severity !== parsed.data.severity) {
    throw new AppError('conflict', `This reminder is out of date: ${incidentKey(incident)} changed since (a new update or severity), and its next reminder follows that.`);
  }
  const now = deps.clock.now();
  const until = minutesAfter(now, input.minutes);
  const next = statusDueJob(incident.id, parsed.data, until, `${parsed.data.window}:snooze:${job.id}:${now.toISOString()}`);
  await replaceJobs(deps.db, incident.id, ['status_due', 'status_overdue'], [next], now);
  return { until, incidentKey: incidentKey(incident) };
}
