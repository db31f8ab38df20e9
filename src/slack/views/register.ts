import type { App } from '@slack/bolt';
import type { BotDeps } from '../deps';
import { registerDeclareSubmission } from './declare-submission';

/** Registers the listeners for every modal the bot opens. */
export function registerViews(app: App, deps: BotDeps): void {
  registerDeclareSubmission(app, deps);
}
