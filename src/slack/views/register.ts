import type { App } from '@slack/bolt';
import type { BotDeps } from '../deps';
import { registerRunSubmission } from '../actions/run-command-button-modal';
import { registerDenySubmission } from './approval-deny-submission';
import { registerDeclareSubmission } from './declare-submission';
import { registerResolveSubmission } from './resolve-submission';
import { registerStatusSubmission } from './status-submission';

/** Registers the listeners for every modal the bot opens. */
export function registerViews(app: App, deps: BotDeps): void {
  registerDeclareSubmission(app, deps);
  registerResolveSubmission(app, deps);
  registerStatusSubmission(app, deps);
  registerDenySubmission(app, deps);
  registerRunSubmission(app, deps);
}
