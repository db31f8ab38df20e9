import type { Db } from '../db/db';

/** One version of an incident's postmortem draft, as recorded. */
export interface PostmortemRecord {
  incidentId: number;
  version: number;
  key: string | null;
  sha256: string | null;
  sizeBytes: number | null;
  createdBy: string | null;
  createdAt: Date;
}

interface PostmortemRow {
  incident_id: string;
  version: number;
  key: string | null;
  sha256: string | null;
  size_bytes: number | null;
  created_by: string | null;
  created_at: Date;
}

const toRecord = (r: PostmortemRow): PostmortemRecord => ({
  incidentId: Number(r.incident_id),
  version: Number(r.version),
  key: r.key,
  sha256: r.sha256,
  sizeBytes: r.size_bytes === null ? null : Number(r.size_bytes),
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
});

const RESERVE_ATTEMPTS = 5;

/**
 * Takes the next version number of an incident's draft. Two requests at once each get their own number:
 * the loser of a race on the same number tries the next one.
 */
export async function reservePostmortemVersion(db: Db, incidentId: number, by: string | null, at: Date): Promise<number> {
  for (let attempt = 0; attempt < RESERVE_ATTEMPTS; attempt++) {
    const { rows } = await db.query<{ version: number }>(
      `INSERT INTO postmortems (incident_id, version, created_by, created_at)
       SELECT $1, COALESCE(MAX(version), 0) + 1, $2, $3 FROM postmortems WHERE incident_id = $1
       ON CONFLICT (incident_id, version) DO NOTHING RETURNING version`,
      [incidentId, by, at],
    );
    if (rows[0]) return Number(rows[0].version);
  }
  throw new Error(`could not reserve a postmortem version for incident ${incidentId} after ${RESERVE_ATTEMPTS} attempts`);
}

/** Records where a version was stored and the SHA-256 of its bytes. */
export async function completePostmortem(db: Db, incidentId: number, version: number, stored: { key: string; sha256: string; size: number }): Promise<void> {
  await db.query('UPDATE postmortems SET key = $3, sha256 = $4, size_bytes = $5 WHERE incident_id = $1 AND version = $2', [
    incidentId,
    version,
    stored.key,
    stored.sha256,
    stored.size,
  ]);
}

/** Every version of an incident's draft, oldest first. */
export async function listPostmortems(db: Db, incidentId: number): Promise<PostmortemRecord[]> {
  const { rows } = await db.query<PostmortemRow>('SELECT * FROM postmortems WHERE incident_id = $1 ORDER BY version', [incidentId]);
  return rows.map(toRecord);
}
