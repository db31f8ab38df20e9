import type { App, BlockButtonAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { AppError } from '../../domain/errors';
import { approveCommand, checkCanDeny, type ApprovalInput } from '../../domain/flows/approve-command';
import { startRun } from '../commands/run';
import { commandDeps, type BotDeps } from '../deps';
import { replyForError } from '../error-reply';
import { ACTIONS } from '../ids';
import { denyModal } from '../views/approval-deny-modal';

/** Reads a button's `<run id>:<token>`; anything else is refused like a wrong token. */
export function approvalInput(value: string | undefined, userId: string): ApprovalInput {
  const match = /^(\d{1,15}):([0-9a-f]{1,64})$/.exec(value ?? '');
  if (!match) throw new AppError('forbidden', 'This button does not belong to a request the bot is waiting on; nothing was changed.');
  return { runId: Number(match[1]), token: match[2], userId };
}

/** Approve runs the command at once (the button asks to confirm); Deny opens a form for the reason. */
export function registerApprovalButtons(app: App, deps: BotDeps): void {
  const tell = async (client: WebClient, channel: string | undefined, user: string, err: unknown) => {
    if (channel) await client.chat.postEphemeral({ channel, user, text: replyForError(err, deps).text }).catch(() => undefined);
  };
  app.action<BlockButtonAction>(ACTIONS.approveCommand, async ({ ack, body, action, client }) => {
    await ack();
    try {
      const run = await approveCommand(commandDeps(deps, client), approvalInput(action.value, body.user.id));
      startRun(deps, client, run);
    } catch (err) {
      await tell(client, body.channel?.id, body.user.id, err);
    }
  });
  app.action<BlockButtonAction>(ACTIONS.denyCommand, async ({ ack, body, action, client }) => {
    await ack();
    try {
      const input = approvalInput(action.value, body.user.id);
      const run = await checkCanDeny(commandDeps(deps, client), input);
      await client.views.open({ trigger_id: body.trigger_id, view: denyModal(run, body.channel?.id ?? run.channelId ?? '') });
    } catch (err) {
      await tell(client, body.channel?.id, body.user.id, err);
    }
  });
}
