import type { Db } from '../db/db';

/** The matrix row picked for an incident. */
export interface Triage {
  incidentId: number;
  rowId: string;
  symptom: string;
  triagedBy: string;
  triagedAt: Date;
}

interface TriageRow {
  incident_id: string;
  row_id: string;
  symptom: string;
  triaged_by: string;
  triaged_at: Date;
}

/** The incident's current failure class, if it has been triaged. */
export async function getTriage(db: Db, incidentId: number): Promise<Triage | undefined> {
  const { rows } = await db.query<TriageRow>('SELECT * FROM incident_triage WHERE incident_id = $1', [incidentId]);
  const r = rows[0];
  return r && { incidentId: Number(r.incident_id), rowId: r.row_id, symptom: r.symptom, triagedBy: r.triaged_by, triagedAt: new Date(r.triaged_at) };
}

/** Records the picked row; false when it was already the incident's row (a double click, a second pick). */
export async function setTriage(db: Db, t: Triage): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO incident_triage (incident_id, row_id, symptom, triaged_by, triaged_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (incident_id) DO UPDATE SET row_id = EXCLUDED.row_id, symptom = EXCLUDED.symptom,
       triaged_by = EXCLUDED.triaged_by, triaged_at = EXCLUDED.triaged_at
     WHERE incident_triage.row_id <> EXCLUDED.row_id`,
    [t.incidentId, t.rowId, t.symptom, t.triagedBy, t.triagedAt],
  );
  return rowCount === 1;
}
