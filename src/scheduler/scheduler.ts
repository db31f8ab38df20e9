import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import cron, { type ScheduledTask } from 'node-cron';
import { claimDueJobs } from '../store/jobs';
import { runClaimedJob, type RunDeps } from './run-job';

export interface SchedulerOptions {
  tickSeconds: number;
  /** How long a claim holds a job; a claimant that died loses its jobs to another replica after this. */
  leaseMs: number;
  maxAttempts: number;
  /** Jobs claimed and run side by side per round; a tick runs rounds until fewer than this are due. */
  batchSize?: number;
  /** Names this replica in `claimed_by`. */
  worker?: string;
}

/** The clock tick that fires due jobs: on a cron schedule once started, or by hand (`tick()`, in tests). */
export interface Scheduler {
  readonly worker: string;
  /** Claims and runs every job due now; resolves with how many were claimed. Ticks never overlap. */
  tick(): Promise<number>;
  start(): void;
  /** Stops the schedule and waits for the running tick to finish. */
  stop(): Promise<void>;
}

const MAX_ROUNDS = 100;

/** Creates the scheduler of one replica; several replicas share the jobs table and never fire a job twice. */
export function createScheduler(deps: Omit<RunDeps, 'maxAttempts'>, options: SchedulerOptions): Scheduler {
  const worker = options.worker ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const batch = options.batchSize ?? 10;
  const run: RunDeps = { ...deps, maxAttempts: options.maxAttempts };
  let task: ScheduledTask | undefined;
  let stopping = false;
  let last: Promise<unknown> = Promise.resolve();

  async function drain(): Promise<number> {
    let total = 0;
    for (let round = 0; round < MAX_ROUNDS && !stopping; round++) {
      const jobs = await claimDueJobs(deps.flows.db, { worker, now: deps.flows.clock.now(), leaseMs: options.leaseMs, limit: batch });
      await Promise.all(jobs.map((job) => runClaimedJob(run, job)));
      total += jobs.length;
      if (jobs.length < batch) break;
    }
    return total;
  }

  const tick = (): Promise<number> => {
    const next = last.then(drain);
    last = next.catch(() => undefined);
    return next;
  };

  return {
    worker,
    tick,
    start() {
      task = cron.schedule(`*/${options.tickSeconds} * * * * *`, () => tick().catch((err) => deps.logger.error('scheduler tick failed', err)), {
        name: `incident-bot-scheduler-${worker}`,
        noOverlap: true,
      });
    },
    async stop() {
      stopping = true;
      await task?.destroy();
      await last;
    },
  };
}
