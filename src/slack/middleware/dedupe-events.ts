import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { forgetSlackEvent, recordSlackEvent } from '../../store/slack-events';
import type { BotDeps } from '../deps';

/**
 * Global middleware: an Events API delivery whose event id was seen before is dropped (Slack redelivers up
 * to three times, and with several replicas a redelivery may land on another process). When processing fails
 * the id is forgotten, so Slack's retry gets another chance.
 */
export function dedupeEvents(deps: BotDeps): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const envelope = body as { type?: string; event_id?: string; event?: { type?: string } };
    if (envelope.type !== 'event_callback' || typeof envelope.event_id !== 'string') {
      await next();
      return;
    }
    const type = envelope.event?.type ?? 'unknown';
    const fresh = await recordSlackEvent(deps.db, envelope.event_id, type);
    deps.metrics.events.inc({ type, outcome: fresh ? 'processed' : 'duplicate' });
    if (!fresh) return;
    try {
      await next();
    } catch (err) {
      await forgetSlackEvent(deps.db, envelope.event_id).catch(() => undefined);
      throw err;
    }
  };
}
