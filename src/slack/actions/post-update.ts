import type { App, BlockButtonAction } from '@slack/bolt';
import { AppError } from '../../domain/errors';
import { getIncident } from '../../store/incidents';
import type { BotDeps } from '../deps';
import { replyForError } from '../error-reply';
import { ACTIONS } from '../ids';
import { openStatusModal } from '../views/status-modal';

/** The "Post update" button (the header's, a reminder's): opens the status form of the incident in its value. */
export function registerPostUpdate(app: App, deps: BotDeps): void {
  app.action<BlockButtonAction>(ACTIONS.postUpdate, async ({ ack, body, action, client }) => {
    await ack();
    try {
      const incident = await getIncident(deps.db, Number(action.value));
      if (!incident) throw new AppError('not_found', 'This incident no longer exists, so there is nothing to update.');
      await openStatusModal(client, body.trigger_id, deps, incident);
    } catch (err) {
      const channel = body.channel?.id;
      const text = replyForError(err, deps).text;
      if (channel) await client.chat.postEphemeral({ channel, user: body.user.id, text }).catch(() => undefined);
    }
  });
}
