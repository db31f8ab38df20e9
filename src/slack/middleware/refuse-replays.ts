import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { claimRequestSignature, recordRequestAnswer } from '../../store/slack-events';
import type { BotDeps } from '../deps';
import { isEventDelivery, type BeforeAnswer } from '../delivery-acks';

/** The receiver copies the request's signature into the context under this key (see `createSlackApp`). */
export const SIGNATURE_KEY = 'slackRequestSignature';

function signatureOf(properties: unknown): string | undefined {
  const signature = (properties as Record<string, unknown> | undefined)?.[SIGNATURE_KEY];
  return typeof signature === 'string' ? signature : undefined;
}

/**
 * Global middleware: a signed request is valid for five minutes, so a captured command or click could be sent
 * again, and a load balancer may resend a request whose replica died. A request runs once: a delivery of one
 * already answered gets the same answer and runs nothing; one never answered (its process died first) runs.
 * Events are deduplicated by event id instead.
 */
export function refuseReplays(deps: BotDeps): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const signature = signatureOf(args.context);
    // With the database down the check is skipped (fail open): the command itself then answers "try again".
    const claim = isEventDelivery(args.body) || signature === undefined ? { fresh: true as const } : await claimRequestSignature(deps.db, signature).catch(() => ({ fresh: true as const }));
    if (claim.fresh) {
      await args.next();
      return;
    }
    deps.metrics.events.inc({ type: 'request', outcome: 'replay' });
    deps.logger.warn('a Slack request delivered again: answered as the first time, nothing run');
    const ack = (args as { ack?: (answer?: unknown) => Promise<void> }).ack;
    if (ack) await ack(claim.answer ?? undefined);
  };
}

/** Runs just before a command or interaction is answered: the answer is recorded, and the request counts as served. */
export function recordAnswer(deps: Pick<BotDeps, 'db'>): BeforeAnswer {
  return async (event, answer) => {
    const signature = signatureOf(event.customProperties);
    if (signature !== undefined) await recordRequestAnswer(deps.db, signature, answer ?? null).catch(() => undefined);
  };
}
