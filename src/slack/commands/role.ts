import { AppError } from '../../domain/errors';
import { assignIncidentRole } from '../../domain/flows/assign-role';
import { flowDeps } from '../deps';
import { requireIncidentChannel } from '../incident-context';
import { usageOf } from './catalog';
import type { SubcommandHandler } from './subcommand';

const USAGE = usageOf('role');
const MENTION = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;

/** `/incident role <role> @user`: hand a role to someone in this incident. */
export const role: SubcommandHandler = async (request, tools, deps) => {
  const [roleName, who, ...extra] = request.args;
  const roles = Object.keys(deps.config.roles);
  if (!roleName || !who || extra.length > 0) throw new AppError('usage', `Usage: \`${USAGE}\` (roles: ${roles.join(', ')})`);
  const roleId = roleName.toLowerCase();
  if (!deps.config.roles[roleId]) throw new AppError('usage', `Unknown role "${roleName}". Roles: ${roles.join(', ')}.\nUsage: \`${USAGE}\``);
  const mention = MENTION.exec(who);
  if (!mention) throw new AppError('usage', `Mention the person with @ and pick them from Slack's list, e.g. \`/incident role ${roleId} @ana\`.`);
  await tools.ack();
  const incident = await requireIncidentChannel(deps.db, request.channelId, USAGE);
  await assignIncidentRole(flowDeps(deps, tools.client), { incidentId: incident.id, role: roleId, userId: mention[1], assignedBy: request.userId });
};
