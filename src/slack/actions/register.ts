import type { App, BlockButtonAction } from '@slack/bolt';
import type { BotDeps } from '../deps';
import { ACTIONS } from '../ids';
import { registerPostUpdate } from './post-update';
import { registerResolveButtons } from './resolve-buttons';

/** Buttons whose feature is not built yet answer so, to the person who clicked, instead of doing nothing. */
function registerNotYet(app: App, actionId: string, what: string): void {
  app.action<BlockButtonAction>(actionId, async ({ ack, body, client }) => {
    await ack();
    const channel = body.channel?.id;
    if (channel) await client.chat.postEphemeral({ channel, user: body.user.id, text: `${what} is not available yet in this version of the bot.` });
  });
}

/** Registers the listeners for the bot's buttons and menus. */
export function registerActions(app: App, deps: BotDeps): void {
  registerResolveButtons(app, deps);
  registerPostUpdate(app, deps);
  registerNotYet(app, ACTIONS.triage, 'Triage (the failure-class matrix)');
  registerNotYet(app, ACTIONS.runbooks, 'Runbooks');
}
