import type { Db } from '../db/db';
import type { StepState } from '../runbooks/types';

/** Marks a step done or not done; false when nothing changed (already so, or unticking a step never ticked). */
export async function setStepDone(
  db: Db,
  s: { incidentId: number; runbookId: string; step: number; done: boolean; by: string; at: Date },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO runbook_steps (incident_id, runbook_id, step, done, changed_by, changed_at)
     SELECT $1::bigint, $2::text, $3::integer, $4::boolean, $5::text, $6::timestamptz
     WHERE $4::boolean OR EXISTS (SELECT 1 FROM runbook_steps WHERE incident_id = $1 AND runbook_id = $2 AND step = $3)
     ON CONFLICT (incident_id, runbook_id, step) DO UPDATE SET done = EXCLUDED.done, changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at
     WHERE runbook_steps.done <> EXCLUDED.done`,
    [s.incidentId, s.runbookId, s.step, s.done, s.by, s.at],
  );
  return rowCount === 1;
}

/** The state of every step of a runbook someone has touched in this incident, by step number. */
export async function runbookProgress(db: Db, incidentId: number, runbookId: string): Promise<StepState[]> {
  const { rows } = await db.query<{ step: number; done: boolean; changed_by: string; changed_at: Date }>(
    'SELECT step, done, changed_by, changed_at FROM runbook_steps WHERE incident_id = $1 AND runbook_id = $2 ORDER BY step',
    [incidentId, runbookId],
  );
  return rows.map((r) => ({ step: Number(r.step), done: r.done, by: r.changed_by, at: new Date(r.changed_at) }));
}
