import { findSeverity } from '../../config/load';
import { AppError } from '../../domain/errors';
import { changeSeverity } from '../../domain/flows/change-severity';
import { flowDeps } from '../deps';
import { requireIncidentChannel } from '../incident-context';
import { usageOf } from './catalog';
import { unknownSeverity } from './severity-arg';
import type { SubcommandHandler } from './subcommand';

const USAGE = usageOf('sev');

/** `/incident sev <level> [reason…]`: promote or demote the incident of this channel. */
export const sev: SubcommandHandler = async (request, tools, deps) => {
  const [level, ...reason] = request.args;
  if (!level) throw new AppError('usage', `Say which severity. Usage: \`${USAGE}\``);
  if (!findSeverity(deps.config, level)) throw unknownSeverity(deps.config, level, USAGE);
  await tools.ack();
  const incident = await requireIncidentChannel(deps.db, request.channelId, USAGE);
  await changeSeverity(flowDeps(deps, tools.client), {
    incidentId: incident.id,
    severity: level,
    reason: reason.join(' ').trim() || null,
    changedBy: request.userId,
  });
};
