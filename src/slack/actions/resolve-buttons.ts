import type { App, BlockButtonAction } from '@slack/bolt';
import { AppError } from '../../domain/errors';
import { reopenIncident } from '../../domain/flows/resolve-incident';
import { incidentKey, isOpen } from '../../domain/incident';
import { getIncident } from '../../store/incidents';
import { flowDeps, type BotDeps } from '../deps';
import { replyForError } from '../error-reply';
import { ACTIONS } from '../ids';
import { resolveModal } from '../views/resolve-modal';

/** The header's Resolve and Reopen buttons. */
export function registerResolveButtons(app: App, deps: BotDeps): void {
  app.action<BlockButtonAction>(ACTIONS.resolve, async ({ ack, body, action, client }) => {
    await ack();
    const incident = await getIncident(deps.db, Number(action.value));
    const channel = body.channel?.id;
    try {
      if (!incident) throw new AppError('not_found', 'That incident no longer exists.');
      if (!isOpen(incident)) throw new AppError('conflict', `${incidentKey(incident)} is already resolved.`);
      await client.views.open({ trigger_id: body.trigger_id, view: resolveModal(incident) });
    } catch (err) {
      if (channel) await client.chat.postEphemeral({ channel, user: body.user.id, text: replyForError(err, deps).text });
    }
  });
  app.action<BlockButtonAction>(ACTIONS.reopen, async ({ ack, body, action, client }) => {
    await ack();
    try {
      await reopenIncident(flowDeps(deps, client), { incidentId: Number(action.value), reopenedBy: body.user.id, reason: null });
    } catch (err) {
      const channel = body.channel?.id;
      if (channel) await client.chat.postEphemeral({ channel, user: body.user.id, text: replyForError(err, deps).text });
    }
  });
}
