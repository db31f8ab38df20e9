import { findSeverity } from '../../config/load';
import { addTimelineEntry } from '../../store/timeline';
import { getIncident, updateIncident } from '../../store/incidents';
import { AppError } from '../errors';
import { replanTimers } from '../jobs-replan';
import { incidentKey, isOpen, type Incident } from '../incident';
import type { FlowDeps } from './deps';

export interface ChangeSeverityInput {
  incidentId: number;
  severity: string;
  reason: string | null;
  changedBy: string;
}

/** Promotes or demotes an incident: records why on the timeline, then brings header, topic and announcement along. */
export async function changeSeverity(deps: FlowDeps, input: ChangeSeverityInput): Promise<{ incident: Incident; from: string }> {
  const target = findSeverity(deps.config, input.severity);
  if (!target) throw new AppError('usage', `Unknown severity "${input.severity}".`);
  const allowed = deps.config.permissions?.change_severity;
  if (allowed && !(await deps.chat.isAllowed(input.changedBy, allowed))) {
    throw new AppError('forbidden', 'You are not on the list of people who may change severity; ask the incident commander.');
  }
  const before = await getIncident(deps.db, input.incidentId);
  if (!before) throw new AppError('not_found', `${incidentKey(input.incidentId)} does not exist.`);
  if (!isOpen(before)) throw new AppError('conflict', `${incidentKey(before)} is resolved; reopen it with \`/incident reopen\` before changing its severity.`);
  if (before.severity === target.id) throw new AppError('usage', `${incidentKey(before)} is already ${target.id}.`);
  const ladder = deps.config.severities.map((s) => s.id);
  const direction = ladder.indexOf(target.id) < ladder.indexOf(before.severity) ? 'promoted' : 'demoted';
  const incident = await updateIncident(deps.db, before.id, { severity: target.id });
  const why = input.reason ? `: ${input.reason}` : '';
  await addTimelineEntry(deps.db, {
    incidentId: incident.id,
    kind: 'severity_changed',
    occurredAt: deps.clock.now(),
    actorId: input.changedBy,
    text: `Severity ${direction} from ${before.severity} to ${target.id}${why}`,
    data: { from: before.severity, to: target.id, reason: input.reason },
  });
  await replanTimers(deps, incident, { event: 'severity_changed' });
  await deps.chat.refresh(incident);
  await deps.chat.postEvent(incident, `:rotating_light: <@${input.changedBy}> ${direction} ${incidentKey(incident)} from ${before.severity} to *${target.id}*${why}`, { announce: true });
  return { incident, from: before.severity };
}
