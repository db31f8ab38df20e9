import type { App } from '@slack/bolt';
import { declareIncident } from '../../domain/flows/declare-incident';
import { triageIncident } from '../../domain/flows/triage-incident';
import { incidentKey } from '../../domain/incident';
import { findMatrixRow, runbooksOfRow } from '../../runbooks/matrix-rows';
import { flowDeps, type BotDeps } from '../deps';
import { replyForError } from '../error-reply';
import { DECLARE_MODAL, declareMetadata, declareSubmission } from './declare-modal';
import { flattenState, validateState } from './state';

/** The declare form's submission: field errors stay in the form; a valid one declares (once per view). */
export function registerDeclareSubmission(app: App, deps: BotDeps): void {
  app.view(DECLARE_MODAL.callbackId, async ({ ack, body, view, client }) => {
    const input = validateState(declareSubmission(deps.config), flattenState(view.state.values as never));
    if (!input.ok) {
      await ack({ response_action: 'errors', errors: input.errors });
      return;
    }
    await ack();
    const { channelId } = declareMetadata.parse(JSON.parse(view.private_metadata || '{}'));
    const user = body.user.id;
    const tell = (text: string) => client.chat.postEphemeral({ channel: channelId, user, text }).catch(() => undefined);
    try {
      const v = input.value;
      const row = v.symptom ? findMatrixRow(deps.config, v.symptom) : undefined;
      const flow = flowDeps(deps, client);
      const { incident, created } = await declareIncident(flow, {
        idempotencyKey: `view:${view.id}`,
        title: v.title,
        severity: v.severity,
        description: v.description ?? null,
        symptom: row?.symptom ?? null,
        isPrivate: v.visibility === 'private',
        declaredBy: user,
        commanderId: v.commander,
      });
      if (created) await tell(`Declared ${incidentKey(incident)} (${incident.severity}): <#${incident.channelId}>`);
      if (created && row) await triageIncident(flow, { incidentId: incident.id, row, runbooks: runbooksOfRow(deps.runbooks, row), triagedBy: user });
    } catch (err) {
      await tell(replyForError(err, deps).text);
    }
  });
}
