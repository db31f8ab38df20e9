import type { App } from '@slack/bolt';
import { resolveIncident } from '../../domain/flows/resolve-incident';
import { flowDeps, type BotDeps } from '../deps';
import { replyForError } from '../error-reply';
import { getIncident } from '../../store/incidents';
import { RESOLVE_MODAL, resolveMetadata, resolveSubmission } from './resolve-modal';
import { flattenState, validateState } from './state';

/** The resolve form's submission: field errors stay in the form; a valid one resolves the incident. */
export function registerResolveSubmission(app: App, deps: BotDeps): void {
  app.view(RESOLVE_MODAL.callbackId, async ({ ack, body, view, client }) => {
    const input = validateState(resolveSubmission(deps.clock.now()), flattenState(view.state.values as never));
    if (!input.ok) {
      await ack({ response_action: 'errors', errors: input.errors });
      return;
    }
    await ack();
    const { incidentId } = resolveMetadata.parse(JSON.parse(view.private_metadata || '{}'));
    const v = input.value;
    try {
      await resolveIncident(flowDeps(deps, client), {
        incidentId,
        summary: v.summary,
        rootCause: v.root_cause || null,
        impactEndedAt: v.impact_ended ? new Date(v.impact_ended * 1000).toISOString() : null,
        resolvedBy: body.user.id,
      });
    } catch (err) {
      const incident = await getIncident(deps.db, incidentId).catch(() => undefined);
      if (incident?.channelId) {
        await client.chat.postEphemeral({ channel: incident.channelId, user: body.user.id, text: replyForError(err, deps).text }).catch(() => undefined);
      }
    }
  });
}
