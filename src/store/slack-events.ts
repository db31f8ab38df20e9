import type { Db } from '../db/db';

/** True when an event with this id was processed to the end before (a redelivery to skip). */
export async function wasSlackEventProcessed(db: Db, eventId: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM slack_events WHERE event_id = $1', [eventId]);
  return rows.length > 0;
}

/**
 * Records an event as processed, once its listeners have finished. An event whose processing failed or was cut
 * short is not recorded, so Slack's retry is processed again; what the listeners store is idempotent.
 */
export async function recordSlackEventProcessed(db: Db, eventId: string, eventType: string): Promise<void> {
  await db.query('INSERT INTO slack_events (event_id, event_type) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING', [eventId, eventType]);
}

/** What became of a claim on a request signature. */
export type SignatureClaim = { fresh: true } | { fresh: false; answer: unknown };

/**
 * Claims a request signature. A request seen for the first time, or seen but never answered (its process died
 * first), is fresh; one answered before is not, and comes back with the answer it got. Old signatures are pruned
 * now and then.
 */
export async function claimRequestSignature(db: Db, signature: string): Promise<SignatureClaim> {
  const { rows } = await db.query<{ answer: string | null }>(
    `INSERT INTO seen_request_signatures (signature) VALUES ($1)
     ON CONFLICT (signature) DO UPDATE SET seen_at = seen_request_signatures.seen_at
     RETURNING answer`,
    [signature],
  );
  if (Math.random() < 0.01) {
    // Slack refuses timestamps older than five minutes, so older signatures cannot come back.
    await db.query("DELETE FROM seen_request_signatures WHERE seen_at < now() - interval '10 minutes'");
  }
  const answer = rows[0]?.answer ?? null;
  return answer === null ? { fresh: true } : { fresh: false, answer: (JSON.parse(answer) as { body?: unknown }).body };
}

/** Records the answer to a request: from now on, a delivery of the same signed request gets it and runs nothing. */
export async function recordRequestAnswer(db: Db, signature: string, answer: unknown): Promise<void> {
  await db.query('UPDATE seen_request_signatures SET answer = $2 WHERE signature = $1', [signature, JSON.stringify({ body: answer })]);
}
