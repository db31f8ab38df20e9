import { getIncident, markResolved, updateIncident } from '../../store/incidents';
import { addTimelineEntry } from '../../store/timeline';
import { AppError } from '../errors';
import { replanTimers } from '../jobs-replan';
import { incidentKey, isOpen, RESOLVED, type Incident } from '../incident';
import type { FlowDeps } from './deps';
import { draftPostmortemOnResolve } from './generate-postmortem';
import { postStatusUpdate } from './post-status-update';

export interface ResolveInput {
  incidentId: number;
  summary: string;
  rootCause: string | null;
  /** When customers stopped being affected (ISO time), if known. */
  impactEndedAt: string | null;
  resolvedBy: string;
}

/**
 * Resolves an incident: records the resolution, posts the final status update, brings every surface up to
 * date and hands over to the postmortem.
 */
export async function resolveIncident(deps: FlowDeps, input: ResolveInput): Promise<Incident> {
  const before = await getIncident(deps.db, input.incidentId);
  if (!before) throw new AppError('not_found', `${incidentKey(input.incidentId)} does not exist.`);
  if (!isOpen(before)) throw new AppError('conflict', `${incidentKey(before)} is already resolved. If it is broken again, \`/incident reopen\`.`);
  const now = deps.clock.now();
  const resolution = { summary: input.summary, rootCause: input.rootCause, impactEndedAt: input.impactEndedAt, resolvedBy: input.resolvedBy };
  if (!(await markResolved(deps.db, before.id, { resolvedAt: now, resolution, mitigatedAt: now }))) {
    throw new AppError('conflict', `${incidentKey(before)} was resolved a moment ago by someone else.`);
  }
  await addTimelineEntry(deps.db, {
    incidentId: before.id,
    kind: 'resolved',
    occurredAt: now,
    actorId: input.resolvedBy,
    text: `Resolved: ${input.summary}`,
    data: resolution,
  });
  const { incident } = await postStatusUpdate(
    deps,
    {
      incidentId: before.id,
      status: RESOLVED,
      impact: input.summary,
      currentActions: input.rootCause ? `Root cause: ${input.rootCause}` : 'Root cause to be confirmed in the postmortem.',
      nextUpdateMinutes: null,
      audience: 'internal',
      postedBy: input.resolvedBy,
    },
    { final: true },
  );
  await replanTimers(deps, incident, { event: 'resolved' });
  await deps.chat.postEvent(incident, `:white_check_mark: ${incidentKey(incident)} resolved by <@${input.resolvedBy}>. The postmortem draft is assembled from this channel's timeline.`, { announce: true });
  await draftPostmortemOnResolve(deps, incident, input.resolvedBy);
  return incident;
}

/** Reopens an incident resolved too early: back to the first status, with the reason on the timeline. */
export async function reopenIncident(deps: FlowDeps, input: { incidentId: number; reopenedBy: string; reason: string | null }): Promise<Incident> {
  const before = await getIncident(deps.db, input.incidentId);
  if (!before) throw new AppError('not_found', `${incidentKey(input.incidentId)} does not exist.`);
  if (isOpen(before)) throw new AppError('conflict', `${incidentKey(before)} is still open; nothing to reopen.`);
  const incident = await updateIncident(deps.db, before.id, { status: deps.config.statuses[0].name, resolvedAt: null });
  const why = input.reason ? `: ${input.reason}` : '';
  await addTimelineEntry(deps.db, {
    incidentId: incident.id,
    kind: 'reopened',
    occurredAt: deps.clock.now(),
    actorId: input.reopenedBy,
    text: `Reopened${why}`,
    data: { reason: input.reason, previouslyResolvedAt: before.resolvedAt?.toISOString() },
  });
  await replanTimers(deps, incident, { event: 'reopened' });
  await deps.chat.refresh(incident);
  await deps.chat.postEvent(incident, `:leftwards_arrow_with_hook: <@${input.reopenedBy}> reopened ${incidentKey(incident)}${why}`, { announce: true });
  return incident;
}
