import { AppError } from '../../domain/errors';
import { reopenIncident } from '../../domain/flows/resolve-incident';
import { incidentKey, isOpen } from '../../domain/incident';
import { flowDeps } from '../deps';
import { requireIncidentChannel } from '../incident-context';
import { resolveModal } from '../views/resolve-modal';
import { usageOf } from './catalog';
import type { SubcommandHandler } from './subcommand';

/** `/incident resolve`: opens the resolve form for this channel's incident. */
export const resolve: SubcommandHandler = async (request, tools, deps) => {
  await tools.ack();
  const incident = await requireIncidentChannel(deps.db, request.channelId, usageOf('resolve'));
  if (!isOpen(incident)) throw new AppError('conflict', `${incidentKey(incident)} is already resolved. If it is broken again, \`/incident reopen\`.`);
  await tools.client.views.open({ trigger_id: request.triggerId, view: resolveModal(incident) });
};

/** `/incident reopen [reason…]`: for an incident resolved too early. */
export const reopen: SubcommandHandler = async (request, tools, deps) => {
  await tools.ack();
  const incident = await requireIncidentChannel(deps.db, request.channelId, usageOf('reopen'));
  await reopenIncident(flowDeps(deps, tools.client), { incidentId: incident.id, reopenedBy: request.userId, reason: request.rest || null });
};
