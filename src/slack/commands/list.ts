import { listOpenIncidentsBySeverity } from '../../domain/flows/list-open-incidents';
import { incidentListMessage } from '../blocks/incident-list';
import type { SubcommandHandler } from './subcommand';

/** `/incident list`: open incidents, most severe first, from any channel, only to the person who asked. */
export const list: SubcommandHandler = async (_request, tools, deps) => {
  await tools.ack();
  const open = await listOpenIncidentsBySeverity(deps);
  await tools.respond(incidentListMessage(open, deps.clock.now()));
};
