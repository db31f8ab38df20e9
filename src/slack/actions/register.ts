import type { App } from '@slack/bolt';
import type { BotDeps } from '../deps';
import { registerApprovalButtons } from './approval-buttons';
import { registerPostUpdate } from './post-update';
import { registerReminderSnooze } from './reminder-snooze';
import { registerResolveButtons } from './resolve-buttons';
import { registerRunbookActions } from './runbook-actions';
import { registerRunCommandButton } from './run-command-button';
import { registerTriageActions } from './triage-actions';

/** Registers the listeners for the bot's buttons and menus. */
export function registerActions(app: App, deps: BotDeps): void {
  registerResolveButtons(app, deps);
  registerPostUpdate(app, deps);
  registerReminderSnooze(app, deps);
  registerTriageActions(app, deps);
  registerRunbookActions(app, deps);
  registerRunCommandButton(app, deps);
  registerApprovalButtons(app, deps);
}
