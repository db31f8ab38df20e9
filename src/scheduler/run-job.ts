import { fireReminder, type ReminderDeps } from '../domain/flows/fire-reminder';
import { incidentKey } from '../domain/incident';
import { retryDelayMs, type Job } from '../domain/jobs';
import type { Metrics } from '../http/metrics';
import { finishJob, retryJobLater } from '../store/jobs';

/** Where the scheduler writes what went wrong; the bot's logger fits. */
export interface SchedulerLogger {
  warn(...msg: unknown[]): void;
  error(...msg: unknown[]): void;
}

/** What running one claimed job needs. */
export interface RunDeps {
  flows: ReminderDeps;
  logger: SchedulerLogger;
  metrics: Pick<Metrics, 'jobs' | 'jobLagSeconds'>;
  maxAttempts: number;
}

const jobName = (job: Job) => `job ${job.id} (${job.kind} of ${incidentKey(job.incidentId)})`;

async function giveUp(d: RunDeps, job: Job, message: string): Promise<void> {
  await finishJob(d.flows.db, job, 'failed', d.flows.clock.now(), message);
  d.metrics.jobs.inc({ kind: job.kind, outcome: 'failed' });
  d.logger.error(`${jobName(job)} gave up after ${job.attempts} attempt(s): ${message}`);
}

async function failed(d: RunDeps, job: Job, err: unknown): Promise<void> {
  const message = err instanceof Error ? err.message : String(err);
  try {
    if (job.attempts >= d.maxAttempts) return await giveUp(d, job, message);
    const delay = retryDelayMs(job.attempts);
    await retryJobLater(d.flows.db, job, new Date(d.flows.clock.now().getTime() + delay), message);
    d.metrics.jobs.inc({ kind: job.kind, outcome: 'retried' });
    d.logger.warn(`${jobName(job)} failed (attempt ${job.attempts} of ${d.maxAttempts}), retrying in ${Math.round(delay / 1000)} s: ${message}`);
  } catch (recordErr) {
    // The claim's lease runs out and another tick takes the job again; nothing is lost.
    d.logger.error(`${jobName(job)} failed and its failure could not be recorded`, err, recordErr);
  }
}

/** Runs one claimed job: fires it, then marks it done or skipped; a failure is retried with backoff up to the limit. */
export async function runClaimedJob(d: RunDeps, job: Job): Promise<void> {
  try {
    // Claimed again and again without finishing (each claimant died or hung): stop trying.
    if (job.attempts > d.maxAttempts) return await giveUp(d, job, `claimed ${job.attempts} times without finishing`);
    const outcome = await fireReminder(d.flows, job);
    const now = d.flows.clock.now();
    await finishJob(d.flows.db, job, outcome.posted ? 'done' : 'skipped', now);
    d.metrics.jobs.inc({ kind: job.kind, outcome: outcome.posted ? 'posted' : 'skipped' });
    if (outcome.posted) d.metrics.jobLagSeconds.observe({ kind: job.kind }, Math.max(0, now.getTime() - job.dueAt.getTime()) / 1000);
  } catch (err) {
    await failed(d, job, err);
  }
}
