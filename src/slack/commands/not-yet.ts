import { AppError } from '../../domain/errors';
import { usageOf } from './catalog';
import type { SubcommandHandler } from './subcommand';

/** A subcommand that is listed in help but not built yet says so plainly instead of failing silently. */
export function notYet(name: string): SubcommandHandler {
  return async () => {
    throw new AppError('not_yet', `\`${usageOf(name)}\` is not available yet in this version of the bot.`);
  };
}
