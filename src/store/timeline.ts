import type { Db } from '../db/db';
import type { TimelineEntry, TimelineKind } from '../domain/timeline';

interface TimelineRow {
  id: string;
  incident_id: string;
  kind: string;
  occurred_at: Date;
  actor_id: string | null;
  text: string;
  slack_ts: string | null;
  thread_ts: string | null;
  original_text: string | null;
  edited_at: Date | null;
  deleted_at: Date | null;
  highlighted: boolean;
  data: Record<string, unknown>;
}

function toEntry(r: TimelineRow): TimelineEntry {
  return {
    id: Number(r.id),
    incidentId: Number(r.incident_id),
    kind: r.kind,
    occurredAt: new Date(r.occurred_at),
    actorId: r.actor_id,
    text: r.text,
    slackTs: r.slack_ts,
    threadTs: r.thread_ts,
    originalText: r.original_text,
    editedAt: r.edited_at && new Date(r.edited_at),
    deletedAt: r.deleted_at && new Date(r.deleted_at),
    highlighted: r.highlighted,
    data: r.data,
  };
}

export interface NewTimelineEntry {
  incidentId: number;
  kind: TimelineKind;
  occurredAt: Date;
  actorId: string | null;
  text: string;
  slackTs?: string | null;
  threadTs?: string | null;
  highlighted?: boolean;
  data?: Record<string, unknown>;
}

/** Adds an entry; an entry for a Slack message already stored (same ts) is kept once. Returns true if added. */
export async function addTimelineEntry(db: Db, e: NewTimelineEntry): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO timeline_entries (incident_id, kind, occurred_at, actor_id, text, slack_ts, thread_ts, highlighted, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (incident_id, slack_ts) WHERE slack_ts IS NOT NULL DO NOTHING`,
    [e.incidentId, e.kind, e.occurredAt, e.actorId, e.text, e.slackTs ?? null, e.threadTs ?? null, e.highlighted ?? false, JSON.stringify(e.data ?? {})],
  );
  return rowCount === 1;
}

/** Records an edit of a captured message: the new text replaces it, the first text is kept. */
export async function editTimelineMessage(db: Db, incidentId: number, slackTs: string, text: string, at: Date): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE timeline_entries SET original_text = COALESCE(original_text, text), text = $3, edited_at = $4
     WHERE incident_id = $1 AND slack_ts = $2`,
    [incidentId, slackTs, text, at],
  );
  return rowCount === 1;
}

/** Marks a captured message deleted; its text stays for the record. */
export async function deleteTimelineMessage(db: Db, incidentId: number, slackTs: string, at: Date): Promise<boolean> {
  const { rowCount } = await db.query('UPDATE timeline_entries SET deleted_at = $3 WHERE incident_id = $1 AND slack_ts = $2', [incidentId, slackTs, at]);
  return rowCount === 1;
}

/** Marks the message at this ts a highlight (pinned or :pushpin:), or unmarks it. */
export async function setHighlight(db: Db, incidentId: number, slackTs: string, highlighted: boolean): Promise<boolean> {
  const { rowCount } = await db.query('UPDATE timeline_entries SET highlighted = $3 WHERE incident_id = $1 AND slack_ts = $2', [incidentId, slackTs, highlighted]);
  return rowCount === 1;
}

/** The latest `limit` entries, oldest first. */
export async function latestTimeline(db: Db, incidentId: number, limit: number): Promise<TimelineEntry[]> {
  const { rows } = await db.query<TimelineRow>(
    `SELECT * FROM (SELECT * FROM timeline_entries WHERE incident_id = $1 ORDER BY occurred_at DESC, id DESC LIMIT $2) t
     ORDER BY occurred_at, id`,
    [incidentId, limit],
  );
  return rows.map(toEntry);
}

/** Every entry of an incident, oldest first. */
export async function fullTimeline(db: Db, incidentId: number): Promise<TimelineEntry[]> {
  const { rows } = await db.query<TimelineRow>('SELECT * FROM timeline_entries WHERE incident_id = $1 ORDER BY occurred_at, id', [incidentId]);
  return rows.map(toEntry);
}
