import { addTimelineEntry } from '../../store/timeline';
import { assignRole as storeRole, getIncident } from '../../store/incidents';
import { AppError } from '../errors';
import { incidentKey, type Incident } from '../incident';
import type { FlowDeps } from './deps';

export interface AssignRoleInput {
  incidentId: number;
  role: string;
  userId: string;
  assignedBy: string;
}

/** Hands a role to someone: they join the channel and get the role's brief; the header shows who holds it. */
export async function assignIncidentRole(deps: FlowDeps, input: AssignRoleInput): Promise<Incident> {
  const role = deps.config.roles[input.role];
  if (!role) throw new AppError('usage', `Unknown role "${input.role}". Roles: ${Object.keys(deps.config.roles).join(', ')}.`);
  const before = await getIncident(deps.db, input.incidentId);
  if (!before) throw new AppError('not_found', `${incidentKey(input.incidentId)} does not exist.`);
  if (before.roles[input.role] === input.userId) throw new AppError('usage', `<@${input.userId}> is already ${role.title}.`);
  const now = deps.clock.now();
  await storeRole(deps.db, { incidentId: before.id, role: input.role, userId: input.userId, by: input.assignedBy, at: now });
  const incident = (await getIncident(deps.db, before.id)) as Incident;
  await addTimelineEntry(deps.db, {
    incidentId: incident.id,
    kind: 'role_assigned',
    occurredAt: now,
    actorId: input.assignedBy,
    text: `${role.title}: <@${input.userId}>${before.roles[input.role] ? ` (was <@${before.roles[input.role]}>)` : ''}`,
    data: { role: input.role, userId: input.userId, previous: before.roles[input.role] ?? null },
  });
  await deps.chat.invite(incident.channelId as string, [input.userId]);
  await deps.chat.refresh(incident);
  await deps.chat.postEvent(incident, `:busts_in_silhouette: <@${input.assignedBy}> made <@${input.userId}> ${role.title} of ${incidentKey(incident)}.`);
  await deps.chat.sendRoleBrief(incident, { id: input.role, title: role.title, brief: role.brief }, input.userId);
  return incident;
}
