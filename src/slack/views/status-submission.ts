import { randomUUID } from 'node:crypto';
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { AppError } from '../../domain/errors';
import { postStatusUpdate, type StatusUpdateInput } from '../../domain/flows/post-status-update';
import { incidentKey, isOpen } from '../../domain/incident';
import { getIncident } from '../../store/incidents';
import { saveStatusDraft, takeStatusDraft } from '../../store/status-drafts';
import { renderStatusText } from '../blocks/status-update';
import { flowDeps, type BotDeps } from '../deps';
import { replyForError } from '../error-reply';
import { flattenState, validateState } from './state';
import { STATUS_MODAL, statusMetadata, statusSubmission } from './status-modal';
import { reviewDestination, reviewExternalId, reviewMetadata, STATUS_REVIEW, statusReviewNotice, statusReviewView, type ReviewMetadata } from './status-review';

type Tell = (text: string) => Promise<unknown>;

const teller = (client: WebClient, channel: string, user: string): Tell => (text) =>
  client.chat.postEphemeral({ channel, user, text }).catch(() => undefined);

async function post(deps: BotDeps, client: WebClient, input: StatusUpdateInput, tell: Tell): Promise<void> {
  try {
    await postStatusUpdate(flowDeps(deps, client), input);
  } catch (err) {
    await tell(`Your status update was not posted: ${replyForError(err, deps).text}`);
  }
}

/** Stores the customer draft, renders it and fills in the review modal; a problem shows in the modal itself. */
async function prepareReview(deps: BotDeps, client: WebClient, meta: ReviewMetadata, input: StatusUpdateInput): Promise<void> {
  const externalId = reviewExternalId(meta.draftKey);
  try {
    const incident = await getIncident(deps.db, input.incidentId);
    if (!incident) throw new AppError('not_found', `${incidentKey(input.incidentId)} no longer exists.`);
    if (!isOpen(incident)) throw new AppError('conflict', `${incidentKey(incident)} is resolved; reopen it with \`/incident reopen\` before posting updates.`);
    const draftedAt = deps.clock.now();
    await saveStatusDraft(deps.db, { ...input, key: meta.draftKey, draftedBy: input.postedBy, draftedAt });
    const text = renderStatusText(deps.templates, deps.config, incident, { ...input, id: 0, postedAt: draftedAt });
    await client.views.update({ external_id: externalId, view: statusReviewView(meta, text, reviewDestination(incident)) });
  } catch (err) {
    const notice = `:warning: ${replyForError(err, deps).text}`;
    await client.views.update({ external_id: externalId, view: statusReviewNotice(meta, notice) }).catch(() => undefined);
  }
}

/** The status form: field errors stay in the form; internal updates post at once, customer ones go to review first. */
function registerStatusForm(app: App, deps: BotDeps): void {
  app.view(STATUS_MODAL.callbackId, async ({ ack, body, view, client }) => {
    const meta = statusMetadata.parse(JSON.parse(view.private_metadata || '{}'));
    const valid = validateState(statusSubmission(deps.config, meta), flattenState(view.state.values as never));
    if (!valid.ok) {
      await ack({ response_action: 'errors', errors: valid.errors });
      return;
    }
    const v = valid.value;
    const input: StatusUpdateInput = {
      incidentId: meta.incidentId,
      status: v.status,
      impact: v.impact,
      currentActions: v.current_actions,
      nextUpdateMinutes: v.next_update,
      audience: v.audience,
      postedBy: body.user.id,
    };
    if (input.audience === 'customer') {
      const review: ReviewMetadata = { draftKey: randomUUID(), incidentId: meta.incidentId, channelId: meta.channelId };
      await ack({ response_action: 'push', view: statusReviewNotice(review) });
      await prepareReview(deps, client, review, input);
      return;
    }
    await ack();
    await post(deps, client, input, teller(client, meta.channelId, body.user.id));
  });
}

/** The review's submission posts the reviewed draft, once, and closes both modals. */
function registerStatusReview(app: App, deps: BotDeps): void {
  app.view(STATUS_REVIEW.callbackId, async ({ ack, body, view, client }) => {
    const meta = reviewMetadata.parse(JSON.parse(view.private_metadata || '{}'));
    await ack({ response_action: 'clear' });
    const tell = teller(client, meta.channelId, body.user.id);
    const draft = await takeStatusDraft(deps.db, meta.draftKey).catch(async (err: unknown) => {
      await tell(`Your customer update was not posted: ${replyForError(err, deps).text}`);
      return null;
    });
    if (draft === undefined) {
      await tell('This customer update was already posted (or its draft expired after a day), so it was not posted again.');
    }
    if (!draft) return;
    const { key: _key, draftedBy: _by, draftedAt: _at, ...fields } = draft;
    await post(deps, client, { ...fields, postedBy: body.user.id }, tell);
  });
}

/** Registers the status form and the customer-text review. */
export function registerStatusSubmission(app: App, deps: BotDeps): void {
  registerStatusForm(app, deps);
  registerStatusReview(app, deps);
}
