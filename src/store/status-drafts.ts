import type { Db } from '../db/db';
import type { StatusUpdate } from '../domain/incident';

/** A status update written but not posted yet: a customer text under review. */
export interface StatusDraft extends Omit<StatusUpdate, 'id' | 'postedBy' | 'postedAt'> {
  key: string;
  draftedBy: string;
  draftedAt: Date;
}

interface DraftRow {
  draft_key: string;
  incident_id: string;
  status: string;
  impact: string;
  current_actions: string;
  next_update_minutes: number | null;
  audience: 'internal' | 'customer';
  drafted_by: string;
  drafted_at: Date;
}

const toDraft = (r: DraftRow): StatusDraft => ({
  key: r.draft_key,
  incidentId: Number(r.incident_id),
  status: r.status,
  impact: r.impact,
  currentActions: r.current_actions,
  nextUpdateMinutes: r.next_update_minutes,
  audience: r.audience,
  draftedBy: r.drafted_by,
  draftedAt: new Date(r.drafted_at),
});

const KEEP_MS = 24 * 60 * 60_000;

/** Stores a draft under its key (a second save of the same key keeps the first); drafts a day old are dropped. */
export async function saveStatusDraft(db: Db, d: StatusDraft): Promise<void> {
  await db.query('DELETE FROM status_update_drafts WHERE drafted_at < $1', [new Date(d.draftedAt.getTime() - KEEP_MS)]);
  await db.query(
    `INSERT INTO status_update_drafts (draft_key, incident_id, status, impact, current_actions, next_update_minutes, audience, drafted_by, drafted_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (draft_key) DO NOTHING`,
    [d.key, d.incidentId, d.status, d.impact, d.currentActions, d.nextUpdateMinutes, d.audience, d.draftedBy, d.draftedAt],
  );
}

/** Removes and returns a draft, so that it is posted at most once however often it is submitted. */
export async function takeStatusDraft(db: Db, key: string): Promise<StatusDraft | undefined> {
  const { rows } = await db.query<DraftRow>('DELETE FROM status_update_drafts WHERE draft_key = $1 RETURNING *', [key]);
  return rows[0] && toDraft(rows[0]);
}
