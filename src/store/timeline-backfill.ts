import type { Db } from '../db/db';
import type { NewTimelineEntry } from './timeline';

/** What the timeline already holds about one Slack message, to tell what a read-back adds. */
export interface StoredMessage {
  ts: string;
  threadTs: string | null;
  kind: string;
  text: string;
  deleted: boolean;
  highlighted: boolean;
  action: boolean;
}

const BATCH = 500;

/** Every timeline entry of an incident that carries a Slack ts, by ts. */
export async function storedMessages(db: Db, incidentId: number): Promise<Map<string, StoredMessage>> {
  const { rows } = await db.query<{ slack_ts: string; thread_ts: string | null; kind: string; text: string; deleted: boolean; highlighted: boolean; action: boolean }>(
    `SELECT slack_ts, thread_ts, kind, text, deleted_at IS NOT NULL AS deleted, highlighted, COALESCE(data->>'action' = 'true', false) AS action
     FROM timeline_entries WHERE incident_id = $1 AND slack_ts IS NOT NULL`,
    [incidentId],
  );
  return new Map(rows.map((r) => [r.slack_ts, { ts: r.slack_ts, threadTs: r.thread_ts, kind: r.kind, text: r.text, deleted: r.deleted, highlighted: r.highlighted, action: r.action }]));
}

/** Inserts messages read back from Slack, in batches; a ts already stored is kept once. Returns the ts inserted. */
export async function insertMissedMessages(db: Db, entries: NewTimelineEntry[]): Promise<string[]> {
  const inserted: string[] = [];
  for (let i = 0; i < entries.length; i += BATCH) {
    const batch = entries.slice(i, i + BATCH);
    const params: unknown[] = [];
    const values = batch.map((e) => {
      params.push(e.incidentId, e.kind, e.occurredAt, e.actorId, e.text, e.slackTs ?? null, e.threadTs ?? null, e.highlighted ?? false, JSON.stringify(e.data ?? {}));
      const n = params.length - 9;
      return `(${Array.from({ length: 9 }, (_, k) => `$${n + k + 1}`).join(', ')})`;
    });
    const { rows } = await db.query<{ slack_ts: string }>(
      `INSERT INTO timeline_entries (incident_id, kind, occurred_at, actor_id, text, slack_ts, thread_ts, highlighted, data)
       VALUES ${values.join(', ')}
       ON CONFLICT (incident_id, slack_ts) WHERE slack_ts IS NOT NULL DO NOTHING RETURNING slack_ts`,
      params,
    );
    inserted.push(...rows.map((r) => r.slack_ts));
  }
  return inserted;
}

/** Marks the entry of a message as an action item (someone reacted with the configured emoji). */
export async function markActionItem(db: Db, incidentId: number, slackTs: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE timeline_entries SET data = data || '{"action": true}'::jsonb WHERE incident_id = $1 AND slack_ts = $2`,
    [incidentId, slackTs],
  );
  return rowCount === 1;
}
