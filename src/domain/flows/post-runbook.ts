import type { Runbook } from '../../runbooks/types';
import { runbookProgress } from '../../store/runbook-steps';
import { addTimelineEntry } from '../../store/timeline';
import { incidentKey, type Incident } from '../incident';
import type { FlowDeps } from './deps';

export interface PostRunbookInput {
  incident: Incident;
  runbook: Runbook;
  postedBy: string;
}

/** Posts a runbook in the incident channel with the steps' current state, and notes it on the timeline. */
export async function postRunbook(deps: FlowDeps, input: PostRunbookInput): Promise<string[]> {
  const { incident, runbook } = input;
  const progress = await runbookProgress(deps.db, incident.id, runbook.id);
  const messageTs = await deps.chat.postRunbook(incident, runbook, progress);
  await addTimelineEntry(deps.db, {
    incidentId: incident.id,
    kind: 'runbook_posted',
    occurredAt: deps.clock.now(),
    actorId: input.postedBy,
    text: `Runbook ${runbook.id} posted in ${incidentKey(incident)}: ${runbook.title}`,
    data: { runbookId: runbook.id, title: runbook.title },
  });
  return messageTs;
}
