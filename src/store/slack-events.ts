import type { Db } from '../db/db';

/** Records a Slack event id; false when it was recorded before (a redelivery to skip). */
export async function recordSlackEvent(db: Db, eventId: string, eventType: string): Promise<boolean> {
  const { rowCount } = await db.query(
    'INSERT INTO slack_events (event_id, event_type) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING',
    [eventId, eventType],
  );
  return rowCount === 1;
}
