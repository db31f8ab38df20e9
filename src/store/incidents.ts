import type { Db } from '../db/db';
import type { Incident, Resolution } from '../domain/incident';

interface IncidentRow {
  id: string;
  title: string;
  description: string | null;
  severity: string;
  status: string;
  is_private: boolean;
  symptom: string | null;
  channel_id: string | null;
  channel_name: string | null;
  header_ts: string | null;
  announcement_channel_id: string | null;
  announcement_ts: string | null;
  declared_by: string;
  declared_at: Date;
  detected_at: Date | null;
  mitigated_at: Date | null;
  resolved_at: Date | null;
  resolution: Resolution | null;
  roles: Record<string, string> | null;
}

const SELECT = `SELECT i.*, (SELECT jsonb_object_agg(r.role, r.user_id) FROM incident_roles r WHERE r.incident_id = i.id) AS roles
  FROM incidents i`;

function toIncident(row: IncidentRow): Incident {
  return {
    id: Number(row.id),
    title: row.title,
    description: row.description,
    severity: row.severity,
    status: row.status,
    isPrivate: row.is_private,
    symptom: row.symptom,
    channelId: row.channel_id,
    channelName: row.channel_name,
    headerTs: row.header_ts,
    announcementChannelId: row.announcement_channel_id,
    announcementTs: row.announcement_ts,
    declaredBy: row.declared_by,
    declaredAt: new Date(row.declared_at),
    detectedAt: row.detected_at && new Date(row.detected_at),
    mitigatedAt: row.mitigated_at && new Date(row.mitigated_at),
    resolvedAt: row.resolved_at && new Date(row.resolved_at),
    resolution: row.resolution,
    roles: row.roles ?? {},
  };
}

export interface NewIncident {
  idempotencyKey: string;
  title: string;
  description: string | null;
  severity: string;
  status: string;
  isPrivate: boolean;
  symptom: string | null;
  declaredBy: string;
  declaredAt: Date;
}

/** Inserts an incident unless one with the same idempotency key exists; returns it and whether it is new. */
export async function insertIncident(db: Db, n: NewIncident): Promise<{ incident: Incident; created: boolean }> {
  const inserted = await db.query<{ id: string }>(
    `INSERT INTO incidents (idempotency_key, title, description, severity, status, is_private, symptom, declared_by, declared_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
    [n.idempotencyKey, n.title, n.description, n.severity, n.status, n.isPrivate, n.symptom, n.declaredBy, n.declaredAt],
  );
  const { rows } = await db.query<IncidentRow>(`${SELECT} WHERE i.idempotency_key = $1`, [n.idempotencyKey]);
  return { incident: toIncident(rows[0]), created: inserted.rowCount === 1 };
}

/** The incident with this number, if any. */
export async function getIncident(db: Db, id: number): Promise<Incident | undefined> {
  const { rows } = await db.query<IncidentRow>(`${SELECT} WHERE i.id = $1`, [id]);
  return rows[0] && toIncident(rows[0]);
}

/** The incident whose channel this is, if any. */
export async function findIncidentByChannel(db: Db, channelId: string): Promise<Incident | undefined> {
  const { rows } = await db.query<IncidentRow>(`${SELECT} WHERE i.channel_id = $1`, [channelId]);
  return rows[0] && toIncident(rows[0]);
}

/** Open incidents, most severe first then oldest first (severity order is the config's). */
export async function listOpenIncidents(db: Db): Promise<Incident[]> {
  const { rows } = await db.query<IncidentRow>(`${SELECT} WHERE i.resolved_at IS NULL ORDER BY i.declared_at`);
  return rows.map(toIncident);
}

const COLUMNS = {
  title: 'title',
  severity: 'severity',
  status: 'status',
  symptom: 'symptom',
  channelId: 'channel_id',
  channelName: 'channel_name',
  headerTs: 'header_ts',
  announcementChannelId: 'announcement_channel_id',
  announcementTs: 'announcement_ts',
  mitigatedAt: 'mitigated_at',
  resolvedAt: 'resolved_at',
  resolution: 'resolution',
} as const;

export type IncidentPatch = Partial<Pick<Incident, keyof typeof COLUMNS>>;

/** Updates the given fields and returns the incident as stored. */
export async function updateIncident(db: Db, id: number, patch: IncidentPatch): Promise<Incident> {
  const keys = Object.keys(patch) as (keyof typeof COLUMNS)[];
  const sets = keys.map((k, i) => `${COLUMNS[k]} = $${i + 2}`);
  const values = keys.map((k) => (k === 'resolution' && patch[k] ? JSON.stringify(patch[k]) : patch[k]));
  await db.query(`UPDATE incidents SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1`, [id, ...values]);
  return (await getIncident(db, id)) as Incident;
}

/** Gives a role to a user (replacing whoever held it). */
export async function assignRole(db: Db, a: { incidentId: number; role: string; userId: string; by: string; at: Date }): Promise<void> {
  await db.query(
    `INSERT INTO incident_roles (incident_id, role, user_id, assigned_by, assigned_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (incident_id, role) DO UPDATE SET user_id = EXCLUDED.user_id, assigned_by = EXCLUDED.assigned_by, assigned_at = EXCLUDED.assigned_at`,
    [a.incidentId, a.role, a.userId, a.by, a.at],
  );
}

/** Marks an open incident resolved; false when it was already resolved (a second submission lost the race). */
export async function markResolved(db: Db, id: number, r: { resolvedAt: Date; resolution: Resolution; mitigatedAt: Date }): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE incidents SET resolved_at = $2, resolution = $3, mitigated_at = COALESCE(mitigated_at, $4), updated_at = now()
     WHERE id = $1 AND resolved_at IS NULL`,
    [id, r.resolvedAt, JSON.stringify(r.resolution), r.mitigatedAt],
  );
  return rowCount === 1;
}
