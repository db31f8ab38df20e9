import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { recordRequestSignature } from '../../store/slack-events';
import type { BotDeps } from '../deps';

/** The receiver copies the request's signature into the context under this key (see `createSlackApp`). */
export const SIGNATURE_KEY = 'slackRequestSignature';

/**
 * Global middleware: a signed request is valid for five minutes, so a captured one could be sent again.
 * Each signature is served once; a replay is acked and dropped. (Events are also deduplicated by event id.)
 */
export function refuseReplays(deps: BotDeps): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const signature = (args.context as Record<string, unknown>)[SIGNATURE_KEY];
    // With the database down the check is skipped (fail open): the command itself then answers "try again".
    const fresh = typeof signature !== 'string' || (await recordRequestSignature(deps.db, signature).catch(() => true));
    if (fresh) {
      await args.next();
      return;
    }
    deps.metrics.events.inc({ type: 'request', outcome: 'replay' });
    deps.logger.warn('refused a replayed Slack request');
    const ack = (args as { ack?: () => Promise<void> }).ack;
    if (ack) await ack();
  };
}
