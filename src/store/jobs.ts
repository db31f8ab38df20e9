import type { Db } from '../db/db';
import type { Job, JobKind, JobState, NewJob } from '../domain/jobs';

interface JobRow {
  id: string;
  kind: JobKind;
  incident_id: string;
  dedupe_key: string;
  due_at: Date;
  payload: Record<string, unknown>;
  state: JobState;
  attempts: number;
  claimed_by: string | null;
  message_ts: string | null;
  last_error: string | null;
}

const toJob = (r: JobRow): Job => ({
  id: Number(r.id),
  kind: r.kind,
  incidentId: Number(r.incident_id),
  dedupeKey: r.dedupe_key,
  dueAt: new Date(r.due_at),
  payload: r.payload,
  state: r.state,
  attempts: r.attempts,
  claimedBy: r.claimed_by,
  messageTs: r.message_ts,
  lastError: r.last_error,
});

const columns = (jobs: NewJob[]) => [
  jobs.map((j) => j.kind),
  jobs.map((j) => j.incidentId),
  jobs.map((j) => j.dedupeKey),
  jobs.map((j) => j.dueAt),
  jobs.map((j) => JSON.stringify(j.payload)),
];

/** Plans jobs; a step already planned (same incident, kind and dedupe key) is left as it is. Returns how many were new. */
export async function insertJobs(db: Db, jobs: NewJob[], now: Date): Promise<number> {
  if (jobs.length === 0) return 0;
  const { rowCount } = await db.query(
    `INSERT INTO jobs (kind, incident_id, dedupe_key, due_at, payload, created_at)
     SELECT kind, incident_id, dedupe_key, due_at, payload, $6
     FROM unnest($1::text[], $2::bigint[], $3::text[], $4::timestamptz[], $5::jsonb[]) AS j (kind, incident_id, dedupe_key, due_at, payload)
     ON CONFLICT (incident_id, kind, dedupe_key) DO NOTHING`,
    [...columns(jobs), now],
  );
  return rowCount;
}

/**
 * Cancels an incident's pending jobs of these kinds (all kinds when null) and plans `add` instead, in one statement,
 * so the two happen together without a transaction. A pending job that `add` plans again is kept as it is.
 */
export async function replaceJobs(db: Db, incidentId: number, cancel: readonly JobKind[] | null, add: NewJob[], now: Date): Promise<void> {
  await db.query(
    `WITH cancelled AS (
       UPDATE jobs SET state = 'cancelled', finished_at = $7
       WHERE incident_id = $8 AND state = 'pending' AND ($9::text[] IS NULL OR kind = ANY($9::text[]))
         AND kind || '|' || dedupe_key <> ALL($10::text[])
       RETURNING id)
     INSERT INTO jobs (kind, incident_id, dedupe_key, due_at, payload, created_at)
     SELECT kind, incident_id, dedupe_key, due_at, payload, $6
     FROM unnest($1::text[], $2::bigint[], $3::text[], $4::timestamptz[], $5::jsonb[]) AS j (kind, incident_id, dedupe_key, due_at, payload)
     ON CONFLICT (incident_id, kind, dedupe_key) DO NOTHING`,
    [...columns(add), now, now, incidentId, cancel ? [...cancel] : null, add.map((j) => `${j.kind}|${j.dedupeKey}`)],
  );
}

/**
 * Claims up to `limit` jobs that are due, or whose claimant's lease ran out (a process that died), for this worker
 * under a lease. SKIP LOCKED lets replicas claim side by side without waiting for, or taking, each other's rows.
 */
export async function claimDueJobs(db: Db, c: { worker: string; now: Date; leaseMs: number; limit: number }): Promise<Job[]> {
  const { rows } = await db.query<JobRow>(
    `UPDATE jobs SET state = 'running', attempts = attempts + 1, claimed_by = $1, claimed_at = $2, lease_until = $3
     WHERE id IN (
       SELECT id FROM jobs
       WHERE (state = 'pending' AND due_at <= $2) OR (state = 'running' AND lease_until <= $2)
       ORDER BY due_at, id LIMIT $4
       FOR UPDATE SKIP LOCKED)
     RETURNING *`,
    [c.worker, c.now, new Date(c.now.getTime() + c.leaseMs), c.limit],
  );
  return rows.map(toJob).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id - b.id);
}

/** Records the ts of the message a job posted, before anything else, so that no retry posts it again. */
export async function recordJobMessage(db: Db, jobId: number, messageTs: string): Promise<void> {
  await db.query('UPDATE jobs SET message_ts = $2 WHERE id = $1 AND message_ts IS NULL', [jobId, messageTs]);
}

/** Ends a claimed job (done, skipped or failed); false when this claim was no longer the job's (its lease ran out). */
export async function finishJob(db: Db, job: Job, state: 'done' | 'skipped' | 'failed', now: Date, error?: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE jobs SET state = $3, finished_at = $4, lease_until = NULL, last_error = COALESCE($5, last_error)
     WHERE id = $1 AND attempts = $2 AND state = 'running'`,
    [job.id, job.attempts, state, now, error ?? null],
  );
  return rowCount === 1;
}

/** Puts a failed claim back in the queue for a later try. */
export async function retryJobLater(db: Db, job: Job, dueAt: Date, error: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE jobs SET state = 'pending', due_at = $3, last_error = $4, lease_until = NULL
     WHERE id = $1 AND attempts = $2 AND state = 'running'`,
    [job.id, job.attempts, dueAt, error],
  );
  return rowCount === 1;
}

/** True when a status reminder of this cadence window is due now (waiting or being posted): it speaks for the window. */
export async function statusReminderDue(db: Db, incidentId: number, window: string, now: Date): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT 1 FROM jobs WHERE incident_id = $1 AND kind = 'status_due' AND state IN ('pending', 'running') AND due_at <= $3 AND payload->>'window' = $2 LIMIT 1`,
    [incidentId, window, now],
  );
  return rows.length > 0;
}

/** One job by id. */
export async function getJob(db: Db, id: number): Promise<Job | undefined> {
  const { rows } = await db.query<JobRow>('SELECT * FROM jobs WHERE id = $1', [id]);
  return rows[0] && toJob(rows[0]);
}

/** An incident's jobs in one state, soonest first. */
export async function listJobs(db: Db, incidentId: number, state: JobState = 'pending'): Promise<Job[]> {
  const { rows } = await db.query<JobRow>('SELECT * FROM jobs WHERE incident_id = $1 AND state = $2 ORDER BY due_at, id', [incidentId, state]);
  return rows.map(toJob);
}

/** The label of the escalation step an incident reached last, if any. */
export async function latestEscalation(db: Db, incidentId: number): Promise<string | null> {
  const { rows } = await db.query<{ label: string }>(
    `SELECT payload->>'label' AS label FROM jobs
     WHERE incident_id = $1 AND kind IN ('escalation_unresolved', 'escalation_no_update') AND state = 'done'
     ORDER BY finished_at DESC, id DESC LIMIT 1`,
    [incidentId],
  );
  return rows[0]?.label ?? null;
}
