import type { Db } from '../../db/db';
import { getIncident, updateIncident } from '../../store/incidents';
import { insertStatusUpdate } from '../../store/status-updates';
import { addTimelineEntry } from '../../store/timeline';
import { AppError } from '../errors';
import { replanTimers } from '../jobs-replan';
import { incidentKey, isOpen, RESOLVED, type Incident, type StatusUpdate } from '../incident';
import type { FlowDeps } from './deps';

export const IMPACT_MAX = 3000;
export const ACTIONS_MAX = 3000;
export const NEXT_UPDATE_MAX_MINUTES = 1440;
const SUMMARY_MAX = 200;

/** What to do instead of choosing Resolved in a status update. */
export const RESOLVE_INSTEAD = 'Resolved closes the incident: use `/incident resolve` (or the Resolve button in the channel header), which posts the final update and starts the postmortem.';

/** A status update as submitted: everything but its id and the time it is posted. */
export type StatusUpdateInput = Omit<StatusUpdate, 'id' | 'postedAt'>;

export interface StatusUpdateOptions {
  /** The resolve flow's final update: the only one that may carry the status Resolved or follow resolution. */
  final?: boolean;
}

export type StatusUpdateResult = { incident: Incident; update: StatusUpdate };

/** True for the status that means "a fix is in place and we are watching it" (when mitigation is recorded). */
export function isMitigatedStatus(status: string): boolean {
  return status.trim().toLowerCase() === 'monitoring';
}

/** The actions as stored: one per line, without bullets or blank lines. */
export function normalizeActions(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/^\s*[-*•]\s*/, '').trim())
    .filter(Boolean)
    .join('\n');
}

/** True for the status only the resolve flow may post. */
export function isResolvedStatus(status: string): boolean {
  return status.trim().toLowerCase() === RESOLVED.toLowerCase();
}

/** A one-line summary for the timeline: "Monitoring (internal update): Checkout errors back to normal". */
export function statusSummary(update: Pick<StatusUpdate, 'status' | 'audience' | 'impact'>): string {
  const firstLine = update.impact.trim().split('\n')[0];
  const impact = firstLine.length > SUMMARY_MAX ? `${firstLine.slice(0, SUMMARY_MAX - 1)}…` : firstLine;
  return `${update.status} (${update.audience} update): ${impact}`;
}

function checkInput(deps: FlowDeps, incident: Incident, input: StatusUpdateInput, final: boolean): void {
  if (!isOpen(incident) && !final) {
    throw new AppError('conflict', `${incidentKey(incident)} is resolved, so no more updates are posted. If it is not over, reopen it with \`/incident reopen\` first, then post the update.`);
  }
  const status = deps.config.statuses.find((s) => s.name === input.status);
  if (!status) throw new AppError('usage', `Unknown status "${input.status}"; use one of ${deps.config.statuses.map((s) => s.name).join(', ')}.`);
  if (isResolvedStatus(status.name) && !final) {
    throw new AppError('usage', RESOLVE_INSTEAD);
  }
  if (input.impact.trim() === '' || input.impact.length > IMPACT_MAX) throw new AppError('usage', `Describe the impact in 1 to ${IMPACT_MAX} characters.`);
  if (normalizeActions(input.currentActions) === '') throw new AppError('usage', 'List at least one current action.');
  const next = input.nextUpdateMinutes;
  if (next !== null && !(Number.isInteger(next) && next >= 1 && next <= NEXT_UPDATE_MAX_MINUTES)) {
    throw new AppError('usage', `The next update is a whole number of minutes from 1 to ${NEXT_UPDATE_MAX_MINUTES}.`);
  }
}

async function record(tx: Db, incident: Incident, input: StatusUpdateInput, postedAt: Date): Promise<StatusUpdateResult> {
  const update = await insertStatusUpdate(tx, {
    incidentId: incident.id,
    status: input.status,
    impact: input.impact.trim(),
    currentActions: normalizeActions(input.currentActions),
    nextUpdateMinutes: input.nextUpdateMinutes,
    audience: input.audience,
    postedBy: input.postedBy,
    postedAt,
  });
  const firstMitigation = isMitigatedStatus(update.status) && incident.mitigatedAt === null;
  const current = await updateIncident(tx, incident.id, { status: update.status, ...(firstMitigation ? { mitigatedAt: postedAt } : {}) });
  const { id, incidentId: _incidentId, postedAt: _postedAt, ...fields } = update;
  await addTimelineEntry(tx, {
    incidentId: incident.id,
    kind: 'status_update',
    occurredAt: postedAt,
    actorId: update.postedBy,
    text: statusSummary(update),
    data: { statusUpdateId: id, ...fields },
  });
  return { incident: current, update };
}

/**
 * Posts a status update: records it, moves the incident to its status (noting mitigation the first time it
 * reaches Monitoring), adds it to the timeline, posts it where its audience reads, and refreshes the header.
 */
export async function postStatusUpdate(deps: FlowDeps, input: StatusUpdateInput, options: StatusUpdateOptions = {}): Promise<StatusUpdateResult> {
  const incident = await getIncident(deps.db, input.incidentId);
  if (!incident) throw new AppError('not_found', `${incidentKey(input.incidentId)} does not exist; check the incident number.`);
  checkInput(deps, incident, input, options.final === true);
  const now = deps.clock.now();
  const result = await deps.db.transaction((tx) => record(tx, incident, input, now));
  await replanTimers(deps, result.incident, { event: 'status_update', update: result.update });
  await deps.chat.postStatusUpdate(result.incident, result.update);
  await deps.chat.refresh(result.incident);
  return result;
}
