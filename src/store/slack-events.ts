import type { Db } from '../db/db';

/** Records a Slack event id; false when it was recorded before (a redelivery to skip). */
export async function recordSlackEvent(db: Db, eventId: string, eventType: string): Promise<boolean> {
  const { rowCount } = await db.query(
    'INSERT INTO slack_events (event_id, event_type) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING',
    [eventId, eventType],
  );
  return rowCount === 1;
}

/** Forgets a recorded event id, so Slack's retry of an event whose processing failed is processed again. */
export async function forgetSlackEvent(db: Db, eventId: string): Promise<void> {
  await db.query('DELETE FROM slack_events WHERE event_id = $1', [eventId]);
}
