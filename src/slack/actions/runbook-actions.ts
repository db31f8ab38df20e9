import type { App, BlockButtonAction } from '@slack/bolt';
import { z } from 'zod';
import { AppError } from '../../domain/errors';
import { postRunbook } from '../../domain/flows/post-runbook';
import { tickRunbookStep } from '../../domain/flows/tick-runbook-step';
import type { Runbook } from '../../runbooks/types';
import { getIncident } from '../../store/incidents';
import { runbookListMessage } from '../blocks/runbook-list';
import { flowDeps, type BotDeps } from '../deps';
import { ACTIONS } from '../ids';
import { parseButtonValue, showClicker, tellClicker } from './runbook-action-tools';

const postValue = z.object({ i: z.number().int(), r: z.string() });
const stepValue = z.object({ i: z.number().int(), r: z.string(), s: z.number().int(), d: z.union([z.literal(0), z.literal(1)]) });

/** The header's Runbooks button, each runbook's "Post here" button, and every step's Done/Undo button. */
export function registerRunbookActions(app: App, deps: BotDeps): void {
  registerRunbooksButton(app, deps);
  registerPostButton(app, deps);
  registerStepButton(app, deps);
}

// The header's Runbooks button: the list, with a "Post here" button each, shown to whoever clicked.
function registerRunbooksButton(app: App, deps: BotDeps): void {
  app.action<BlockButtonAction>(ACTIONS.runbooks, async ({ ack, body, action, client, respond }) => {
    await ack();
    try {
      const incident = await getIncident(deps.db, Number(action.value));
      if (!incident) throw new AppError('not_found', 'That incident no longer exists.');
      await showClicker({ body, client, respond }, runbookListMessage(deps.runbooks.runbooks, incident));
    } catch (err) {
      await tellClicker({ body, client, respond }, err, deps);
    }
  });
}

function registerPostButton(app: App, deps: BotDeps): void {
  app.action<BlockButtonAction>(ACTIONS.runbookPost, async ({ ack, body, action, client, respond }) => {
    await ack();
    try {
      const { i, r } = parseButtonValue(postValue, action.value, 'Post a runbook with `/incident runbook <id>`.');
      const incident = await getIncident(deps.db, i);
      if (!incident) throw new AppError('not_found', 'That incident no longer exists.');
      await postRunbook(flowDeps(deps, client), { incident, runbook: requireRunbook(deps, r), postedBy: body.user.id });
    } catch (err) {
      await tellClicker({ body, client, respond }, err, deps);
    }
  });
}

// Mark done / Undo on a step: recorded with who and when, and the message redrawn.
function registerStepButton(app: App, deps: BotDeps): void {
  app.action<BlockButtonAction>(ACTIONS.runbookStep, async ({ ack, body, action, client, respond }) => {
    await ack();
    try {
      const { i, r, s, d } = parseButtonValue(stepValue, action.value, 'Post the runbook again with `/incident runbook <id>`.');
      const messageTs = body.container?.message_ts ?? body.message?.ts;
      if (!messageTs) throw new AppError('usage', 'Tick steps on the runbook message in the incident channel.');
      await tickRunbookStep(flowDeps(deps, client), { incidentId: i, runbook: requireRunbook(deps, r), step: s, done: d === 1, by: body.user.id, messageTs });
    } catch (err) {
      await tellClicker({ body, client, respond }, err, deps);
    }
  });
}

function requireRunbook(deps: BotDeps, id: string): Runbook {
  const runbook = deps.runbooks.get(id);
  if (!runbook) throw new AppError('not_found', `Runbook ${id} no longer exists (the runbooks were changed since it was posted). \`/incident runbook\` lists the current ones.`);
  return runbook;
}
