import { findSeverity } from '../../config/load';
import type { MatrixRow } from '../../config/sections/matrix';
import type { Runbook } from '../../runbooks/types';
import { getIncident, updateIncident } from '../../store/incidents';
import { addTimelineEntry } from '../../store/timeline';
import { getTriage, setTriage } from '../../store/triage';
import { AppError } from '../errors';
import { incidentKey, isOpen, type Incident } from '../incident';
import type { FlowDeps } from './deps';
import { postRunbook } from './post-runbook';

export interface TriageInput {
  incidentId: number;
  row: MatrixRow;
  /** The row's runbooks, as loaded; the edge resolves them from the library. */
  runbooks: Runbook[];
  triagedBy: string;
}

export interface TriageResult {
  incident: Incident;
  /** The row's severity when it differs from the incident's; null when they agree. */
  suggestedSeverity: string | null;
}

/**
 * Records the failure class of an incident (once per row: picking the same row again changes nothing), notes it
 * on the timeline, tells the channel (with the row's severity when it differs) and posts the row's runbooks.
 */
export async function triageIncident(deps: FlowDeps, input: TriageInput): Promise<TriageResult> {
  const { row } = input;
  const before = await getIncident(deps.db, input.incidentId);
  if (!before) throw new AppError('not_found', `${incidentKey(input.incidentId)} does not exist.`);
  if (!isOpen(before)) throw new AppError('conflict', `${incidentKey(before)} is resolved; reopen it with \`/incident reopen\` before triaging it again.`);
  const recorded = await setTriage(deps.db, { incidentId: before.id, rowId: row.id, symptom: row.symptom, triagedBy: input.triagedBy, triagedAt: deps.clock.now() });
  if (!recorded) {
    const by = (await getTriage(deps.db, before.id))?.triagedBy;
    const again = input.runbooks.map((r) => `\`/incident runbook ${r.id}\``).join(' or ');
    throw new AppError('conflict', `${incidentKey(before)} is already triaged as "${row.symptom}"${by ? ` (by <@${by}>)` : ''}. To see its runbook again: ${again}.`);
  }
  const incident = await updateIncident(deps.db, before.id, { symptom: row.symptom });
  const target = findSeverity(deps.config, row.suggested_severity);
  const suggestedSeverity = target && target.id !== incident.severity ? target.id : null;
  await addTimelineEntry(deps.db, {
    incidentId: incident.id,
    kind: 'triaged',
    occurredAt: deps.clock.now(),
    actorId: input.triagedBy,
    text: `Triaged as "${row.symptom}": likely ${row.likely_cause}`,
    data: {
      rowId: row.id,
      symptom: row.symptom,
      likelyCause: row.likely_cause,
      runbookId: row.runbooks[0],
      runbookIds: row.runbooks,
      suggestedSeverity: target?.id ?? row.suggested_severity,
    },
  });
  await deps.chat.postTriage(incident, { rowId: row.id, symptom: row.symptom, likelyCause: row.likely_cause, runbookIds: row.runbooks, triagedBy: input.triagedBy, suggestedSeverity });
  for (const runbook of input.runbooks) await postRunbook(deps, { incident, runbook, postedBy: input.triagedBy });
  return { incident, suggestedSeverity };
}
