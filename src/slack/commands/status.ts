import { requireIncidentChannel } from '../incident-context';
import { openStatusModal } from '../views/status-modal';
import { usageOf } from './catalog';
import type { SubcommandHandler } from './subcommand';

const USAGE = usageOf('status');

/** `/incident status`: opens the status form of this channel's incident, prefilled from its last update. */
export const status: SubcommandHandler = async (request, tools, deps) => {
  await tools.ack();
  const incident = await requireIncidentChannel(deps.db, request.channelId, USAGE);
  await openStatusModal(tools.client, request.triggerId, deps, incident);
};
