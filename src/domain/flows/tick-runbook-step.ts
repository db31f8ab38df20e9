import type { Runbook } from '../../runbooks/types';
import { getIncident } from '../../store/incidents';
import { runbookProgress, setStepDone } from '../../store/runbook-steps';
import { addTimelineEntry } from '../../store/timeline';
import { AppError } from '../errors';
import { incidentKey } from '../incident';
import type { FlowDeps } from './deps';

export interface TickInput {
  incidentId: number;
  runbook: Runbook;
  step: number;
  done: boolean;
  by: string;
  /** The message the click came from, redrawn with the new state. */
  messageTs: string;
}

/** Marks a runbook step done (or not), records who and when on the timeline once, and redraws the message. */
export async function tickRunbookStep(deps: FlowDeps, input: TickInput): Promise<{ changed: boolean }> {
  const { runbook } = input;
  const step = runbook.steps.find((s) => s.number === input.step);
  if (!step) throw new AppError('not_found', `Runbook ${runbook.id} has no step ${input.step} any more (it was edited). Post it again with \`/incident runbook ${runbook.id}\`.`);
  const incident = await getIncident(deps.db, input.incidentId);
  if (!incident) throw new AppError('not_found', `${incidentKey(input.incidentId)} does not exist.`);
  const at = deps.clock.now();
  const changed = await setStepDone(deps.db, { incidentId: incident.id, runbookId: runbook.id, step: step.number, done: input.done, by: input.by, at });
  if (changed) {
    await addTimelineEntry(deps.db, {
      incidentId: incident.id,
      kind: 'runbook_step',
      occurredAt: at,
      actorId: input.by,
      text: `${runbook.id} step ${step.number} ${input.done ? 'done' : 'marked not done'}: ${step.title}`,
      data: { runbookId: runbook.id, step: step.number, title: step.title, done: input.done },
    });
  }
  const progress = await runbookProgress(deps.db, incident.id, runbook.id);
  await deps.chat.updateRunbook(incident, runbook, progress, { messageTs: input.messageTs, step: step.number });
  return { changed };
}
