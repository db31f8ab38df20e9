import { Bits, Blocks, buildBlock, Elements, Md, Message } from 'slack-block-builder';
import type { SlackMessageDto } from 'slack-block-builder';
import type { MatrixRow } from '../../config/sections/matrix';
import { incidentKey, type Incident } from '../../domain/incident';
import type { TriageNotice } from '../../domain/ports';
import { ACTIONS } from '../ids';
import { escapeMrkdwn, truncate } from './mrkdwn';
import { splitMrkdwn } from './runbook-split';

/** The block holding the triage menu; its id carries the incident so the pick needs no lookup by channel. */
export const TRIAGE_PICKER_BLOCK = 'triage-picker';
/** The block holding the "change severity" suggestion, replaced once someone acts on it. */
export const SEVERITY_SUGGESTION_BLOCK = 'triage-severity';

const NO_MATRIX = 'No failure classes are configured yet: add rows under `matrix:` in incident.config.yml (see the comments there).';
const runbookList = (ids: readonly string[]) => ids.map((id) => Md.codeInline(id)).join(', ');

/** One row as people read it: symptom, likely cause, runbooks and usual severity. */
export function matrixRowText(row: MatrixRow): string {
  return `*${escapeMrkdwn(row.symptom)}*\nLikely: ${escapeMrkdwn(row.likely_cause)} · runbook ${runbookList(row.runbooks)} · usually ${escapeMrkdwn(row.suggested_severity)}`;
}

/** The incident id from the triage menu's block id. */
export function incidentIdFromPicker(blockId: string): number | undefined {
  const m = new RegExp(`^${TRIAGE_PICKER_BLOCK}-(\\d+)$`).exec(blockId);
  return m ? Number(m[1]) : undefined;
}

/** The triage menu for an incident (ephemeral): pick the closest symptom, with the whole matrix below to read. */
export function triagePickerMessage(incident: Incident, rows: readonly MatrixRow[], current?: { symptom: string; by: string }): SlackMessageDto {
  if (rows.length === 0) return Message({ text: NO_MATRIX }).blocks(Blocks.Section({ text: NO_MATRIX })).buildToObject();
  const lead = `*Triage ${incidentKey(incident)}:* what do you see? Pick the closest symptom: its runbook is posted in this channel and the severity it usually deserves is suggested.`;
  const now = current ? `Currently triaged as *${escapeMrkdwn(current.symptom)}* (by ${Md.user(current.by)}).` : 'Not triaged yet.';
  const options = rows.map((row) => Bits.Option({ text: truncate(row.symptom, 75), value: row.id }));
  const table = rows.map((row) => `• ${escapeMrkdwn(row.symptom)} → ${escapeMrkdwn(row.likely_cause)} → ${runbookList(row.runbooks)} (${escapeMrkdwn(row.suggested_severity)})`).join('\n');
  return Message({ text: `Triage ${incidentKey(incident)}: pick the closest symptom` })
    .blocks(
      Blocks.Section({ text: lead }),
      Blocks.Context().elements(now),
      Blocks.Actions({ blockId: `${TRIAGE_PICKER_BLOCK}-${incident.id}` }).elements(
        Elements.StaticSelect({ actionId: ACTIONS.triagePick, placeholder: 'Pick a symptom' }).options(options),
      ),
      ...splitMrkdwn(table, 3000).map((text) => Blocks.Section({ text })),
    )
    .buildToObject();
}

/** The matrix outside an incident channel (ephemeral): read-only, with a button to declare with each symptom. */
export function matrixOverviewMessage(rows: readonly MatrixRow[]): SlackMessageDto {
  if (rows.length === 0) return Message({ text: NO_MATRIX }).blocks(Blocks.Section({ text: NO_MATRIX })).buildToObject();
  const lead = '*Failure classes:* what you see → what it usually is → which runbook. This is not an incident channel: triage an incident from its own channel, or declare one with a symptom below.';
  return Message({ text: 'Failure classes: symptom, likely cause, runbook' })
    .blocks(
      Blocks.Section({ text: lead }),
      ...rows.map((row) =>
        Blocks.Section({ text: matrixRowText(row), blockId: `matrix-${row.id}` }).accessory(
          Elements.Button({ text: 'Declare with this symptom', actionId: ACTIONS.triageDeclare, value: row.id }),
        ),
      ),
    )
    .buildToObject();
}

/** What the channel reads after a pick, with a button to take the row's severity when it differs. */
export function triageNoticeMessage(incident: Incident, notice: TriageNotice): SlackMessageDto {
  const text = `:compass: ${Md.user(notice.triagedBy)} triaged ${incidentKey(incident)}: *${escapeMrkdwn(notice.symptom)}*`;
  const detail = `Likely cause: ${escapeMrkdwn(notice.likelyCause)}\nRunbook: ${runbookList(notice.runbookIds)} (posted below)`;
  const suggestion = notice.suggestedSeverity;
  return Message({ text: `${incidentKey(incident)} triaged: ${notice.symptom}` })
    .blocks(
      Blocks.Section({ text: `${text}\n${detail}` }),
      suggestion
        ? Blocks.Section({ blockId: SEVERITY_SUGGESTION_BLOCK, text: `This symptom usually means *${escapeMrkdwn(suggestion)}*; ${incidentKey(incident)} is ${escapeMrkdwn(incident.severity)}.` }).accessory(
            Elements.Button({ text: `Change to ${truncate(suggestion, 50)}`, actionId: ACTIONS.triageApplySeverity, value: JSON.stringify({ i: incident.id, sev: suggestion }) }),
          )
        : undefined,
    )
    .buildToObject();
}

/** Replaces the severity suggestion of a posted triage notice with who acted on it. */
export function withSuggestionApplied(blocks: readonly unknown[], applied: { severity: string; by: string }): unknown[] {
  const done = buildBlock(
    Blocks.Context({ blockId: SEVERITY_SUGGESTION_BLOCK }).elements(`:white_check_mark: ${Md.user(applied.by)} changed the severity to *${escapeMrkdwn(applied.severity)}*, as this symptom suggests.`),
  );
  return blocks.map((b) => ((b as { block_id?: string }).block_id === SEVERITY_SUGGESTION_BLOCK ? done : b));
}
