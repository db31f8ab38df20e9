import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { recordSlackEventProcessed, wasSlackEventProcessed } from '../../store/slack-events';
import type { BotDeps } from '../deps';

/**
 * Global middleware: an Events API delivery whose event id was processed before is dropped (Slack redelivers up
 * to three times, and with several replicas a redelivery may land on another process). The id is recorded only
 * once the listeners have finished: an event whose processing failed, or whose process died, is processed again
 * when Slack retries it (the delivery is answered only after processing; see `ackEventsAfterProcessing`).
 */
export function dedupeEvents(deps: BotDeps): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const envelope = body as { type?: string; event_id?: string; event?: { type?: string } };
    if (envelope.type !== 'event_callback' || typeof envelope.event_id !== 'string') {
      await next();
      return;
    }
    const type = envelope.event?.type ?? 'unknown';
    if (await wasSlackEventProcessed(deps.db, envelope.event_id)) {
      deps.metrics.events.inc({ type, outcome: 'duplicate' });
      return;
    }
    await next();
    await recordSlackEventProcessed(deps.db, envelope.event_id, type);
    deps.metrics.events.inc({ type, outcome: 'processed' });
  };
}
