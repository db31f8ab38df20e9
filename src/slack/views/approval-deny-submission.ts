import type { App } from '@slack/bolt';
import { denyCommand } from '../../domain/flows/approve-command';
import { commandDeps, type BotDeps } from '../deps';
import { replyForError } from '../error-reply';
import { DENY_MODAL, denyMetadata, denySubmission } from './approval-deny-modal';
import { flattenState, validateState } from './state';

/** The deny form's submission: a reason is required; the flow checks again that this person may deny. */
export function registerDenySubmission(app: App, deps: BotDeps): void {
  app.view(DENY_MODAL.callbackId, async ({ ack, body, view, client }) => {
    const input = validateState(denySubmission, flattenState(view.state.values as never));
    if (!input.ok) {
      await ack({ response_action: 'errors', errors: input.errors });
      return;
    }
    await ack();
    const meta = denyMetadata.parse(JSON.parse(view.private_metadata || '{}'));
    try {
      await denyCommand(commandDeps(deps, client), { runId: meta.runId, token: meta.token, userId: body.user.id, reason: input.value.reason });
    } catch (err) {
      await client.chat.postEphemeral({ channel: meta.channelId, user: body.user.id, text: replyForError(err, deps).text }).catch(() => undefined);
    }
  });
}
