import { randomBytes } from 'node:crypto';
import type { Logger } from '@slack/bolt';
import { AppError } from '../domain/errors';
import type { Metrics } from '../http/metrics';
import type { Reply } from './commands/subcommand';

const DB_DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08000', '08003', '08006']);

/** True when the error says the database cannot be reached right now (not that a query was wrong). */
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return (
    (e?.code !== undefined && DB_DOWN_CODES.has(e.code)) ||
    /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|did not answer/i.test(e?.message ?? '')
  );
}

/**
 * Turns any error into the reply a person should see: a known AppError speaks for itself, an unreachable
 * database asks them to try again, anything else gets a reference that is also logged with the error.
 */
export function replyForError(err: unknown, deps: { logger: Logger; metrics: Metrics }): Reply {
  if (err instanceof AppError) {
    deps.metrics.errors.inc({ code: err.code });
    return { text: err.message };
  }
  if (isDatabaseUnavailable(err)) {
    deps.metrics.errors.inc({ code: 'unavailable' });
    deps.logger.warn('database unavailable while handling a request', err);
    return { text: 'The incident database is not answering right now, so nothing was changed. Try again in a minute.' };
  }
  const ref = randomBytes(4).toString('hex');
  deps.metrics.errors.inc({ code: 'internal' });
  deps.logger.error(`unexpected error (ref ${ref})`, err);
  return { text: `Something went wrong (ref ${ref}). Nothing you typed is lost: try again, and tell the bot's operators the ref if it happens twice.` };
}
