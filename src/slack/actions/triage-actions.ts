import type { App, BlockButtonAction, BlockStaticSelectAction } from '@slack/bolt';
import { z } from 'zod';
import { AppError } from '../../domain/errors';
import { changeSeverity } from '../../domain/flows/change-severity';
import { triageIncident } from '../../domain/flows/triage-incident';
import { incidentKey, isOpen } from '../../domain/incident';
import { findMatrixRow, runbooksOfRow } from '../../runbooks/matrix-rows';
import { getIncident } from '../../store/incidents';
import { getTriage } from '../../store/triage';
import { incidentIdFromPicker, triagePickerMessage, withSuggestionApplied } from '../blocks/matrix';
import { escapeMrkdwn } from '../blocks/mrkdwn';
import { flowDeps, type BotDeps } from '../deps';
import { ACTIONS } from '../ids';
import { declareModal } from '../views/declare-modal';
import { parseButtonValue, showClicker, tellClicker } from './runbook-action-tools';

const applyValue = z.object({ i: z.number().int(), sev: z.string() });
const TITLE_FROM_SYMPTOM_MAX = 120;

/** The triage menu and buttons: pick a row, the header's Triage button, "declare with this symptom", apply the suggested severity. */
export function registerTriageActions(app: App, deps: BotDeps): void {
  registerTriagePick(app, deps);
  registerTriageButton(app, deps);
  registerDeclareWithSymptom(app, deps);
  registerApplySeverity(app, deps);
}

// A row picked in the triage menu: recorded, announced, runbooks posted; the menu becomes a one-line confirmation.
function registerTriagePick(app: App, deps: BotDeps): void {
  app.action<BlockStaticSelectAction>(ACTIONS.triagePick, async ({ ack, body, action, client, respond }) => {
    await ack();
    try {
      const incidentId = incidentIdFromPicker(action.block_id);
      const row = findMatrixRow(deps.config, action.selected_option.value);
      if (incidentId === undefined || !row) throw new AppError('not_found', 'That symptom is no longer in the matrix; run `/incident triage` again.');
      await triageIncident(flowDeps(deps, client), { incidentId, row, runbooks: runbooksOfRow(deps.runbooks, row), triagedBy: body.user.id });
      await respond({ replace_original: true, text: `:compass: Triaged ${incidentKey(incidentId)} as *${escapeMrkdwn(row.symptom)}*; its runbook is posted in the channel.` });
    } catch (err) {
      await tellClicker({ body, client, respond }, err, deps);
    }
  });
}

// The header's Triage button: the same menu as `/incident triage`, shown to whoever clicked.
function registerTriageButton(app: App, deps: BotDeps): void {
  app.action<BlockButtonAction>(ACTIONS.triage, async ({ ack, body, action, client, respond }) => {
    await ack();
    try {
      const incident = await getIncident(deps.db, Number(action.value));
      if (!incident) throw new AppError('not_found', 'That incident no longer exists.');
      if (!isOpen(incident)) throw new AppError('conflict', `${incidentKey(incident)} is resolved; reopen it with \`/incident reopen\` before triaging it again.`);
      const current = await getTriage(deps.db, incident.id);
      const picker = triagePickerMessage(incident, deps.config.matrix, current && { symptom: current.symptom, by: current.triagedBy });
      await showClicker({ body, client, respond }, picker);
    } catch (err) {
      await tellClicker({ body, client, respond }, err, deps);
    }
  });
}

// "Declare with this symptom": the declare form, prefilled from the row.
function registerDeclareWithSymptom(app: App, deps: BotDeps): void {
  app.action<BlockButtonAction>(ACTIONS.triageDeclare, async ({ ack, body, action, client, respond }) => {
    await ack();
    try {
      const row = findMatrixRow(deps.config, action.value ?? '');
      if (!row) throw new AppError('not_found', 'That symptom is no longer in the matrix; run `/incident triage` again.');
      const title = row.symptom.length > TITLE_FROM_SYMPTOM_MAX ? `${row.symptom.slice(0, TITLE_FROM_SYMPTOM_MAX - 1)}…` : row.symptom;
      const view = declareModal(deps.config, { userId: body.user.id, channelId: body.channel?.id ?? '', title, severity: row.suggested_severity, symptom: row.id });
      await client.views.open({ trigger_id: body.trigger_id, view });
    } catch (err) {
      await tellClicker({ body, client, respond }, err, deps);
    }
  });
}

// "Change to SEV-n" under a triage notice: the usual severity change, then the notice says who applied it.
function registerApplySeverity(app: App, deps: BotDeps): void {
  app.action<BlockButtonAction>(ACTIONS.triageApplySeverity, async ({ ack, body, action, client, respond }) => {
    await ack();
    try {
      const { i, sev } = parseButtonValue(applyValue, action.value, 'Change the severity with `/incident sev <level> <reason>`.');
      await changeSeverity(flowDeps(deps, client), { incidentId: i, severity: sev, reason: 'as the triaged symptom suggests', changedBy: body.user.id });
      const message = body.message;
      if (message && body.channel) {
        const blocks = withSuggestionApplied(message.blocks ?? [], { severity: sev, by: body.user.id });
        await client.chat.update({ channel: body.channel.id, ts: message.ts, text: message.text ?? '', blocks: blocks as never });
      }
    } catch (err) {
      await tellClicker({ body, client, respond }, err, deps);
    }
  });
}
