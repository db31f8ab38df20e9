import type { Db } from '../db/db';
import type { StatusUpdate } from '../domain/incident';

interface StatusRow {
  id: string;
  incident_id: string;
  status: string;
  impact: string;
  current_actions: string;
  next_update_minutes: number | null;
  audience: 'internal' | 'customer';
  posted_by: string;
  posted_at: Date;
}

const toUpdate = (r: StatusRow): StatusUpdate => ({
  id: Number(r.id),
  incidentId: Number(r.incident_id),
  status: r.status,
  impact: r.impact,
  currentActions: r.current_actions,
  nextUpdateMinutes: r.next_update_minutes,
  audience: r.audience,
  postedBy: r.posted_by,
  postedAt: new Date(r.posted_at),
});

/** Stores a status update and returns it with its id. */
export async function insertStatusUpdate(db: Db, u: Omit<StatusUpdate, 'id'>): Promise<StatusUpdate> {
  const { rows } = await db.query<StatusRow>(
    `INSERT INTO status_updates (incident_id, status, impact, current_actions, next_update_minutes, audience, posted_by, posted_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
    [u.incidentId, u.status, u.impact, u.currentActions, u.nextUpdateMinutes, u.audience, u.postedBy, u.postedAt],
  );
  return toUpdate(rows[0]);
}

/** The most recent update of an incident, if any. */
export async function latestStatusUpdate(db: Db, incidentId: number): Promise<StatusUpdate | undefined> {
  const { rows } = await db.query<StatusRow>('SELECT * FROM status_updates WHERE incident_id = $1 ORDER BY posted_at DESC, id DESC LIMIT 1', [incidentId]);
  return rows[0] && toUpdate(rows[0]);
}

/** Every update of an incident, oldest first. */
export async function listStatusUpdates(db: Db, incidentId: number): Promise<StatusUpdate[]> {
  const { rows } = await db.query<StatusRow>('SELECT * FROM status_updates WHERE incident_id = $1 ORDER BY posted_at, id', [incidentId]);
  return rows.map(toUpdate);
}
