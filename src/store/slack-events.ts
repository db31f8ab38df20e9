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

/** Records a request signature; false when it was served before (a replay). Old signatures are pruned now and then. */
export async function recordRequestSignature(db: Db, signature: string): Promise<boolean> {
  const { rowCount } = await db.query('INSERT INTO seen_request_signatures (signature) VALUES ($1) ON CONFLICT (signature) DO NOTHING', [signature]);
  if (Math.random() < 0.01) {
    // Slack refuses timestamps older than five minutes, so older signatures cannot come back.
    await db.query("DELETE FROM seen_request_signatures WHERE seen_at < now() - interval '10 minutes'");
  }
  return rowCount === 1;
}
