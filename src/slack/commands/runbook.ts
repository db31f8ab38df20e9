import { AppError } from '../../domain/errors';
import { postRunbook } from '../../domain/flows/post-runbook';
import { findIncidentByChannel } from '../../store/incidents';
import { runbookListMessage, unknownRunbookText } from '../blocks/runbook-list';
import { flowDeps } from '../deps';
import { requireIncidentChannel } from '../incident-context';
import { usageOf } from './catalog';
import type { SubcommandHandler } from './subcommand';

const USAGE = usageOf('runbook');

/** `/incident runbook`: lists the runbooks anywhere. `/incident runbook <id>`: posts one in this incident's channel. */
export const runbook: SubcommandHandler = async (request, tools, deps) => {
  const [id, ...extra] = request.args;
  if (!id) {
    await tools.ack();
    const incident = await findIncidentByChannel(deps.db, request.channelId);
    await tools.respond(runbookListMessage(deps.runbooks.runbooks, incident));
    return;
  }
  if (extra.length > 0) throw new AppError('usage', `Name one runbook. Usage: \`${USAGE}\``);
  const found = deps.runbooks.get(id);
  if (!found) throw new AppError('not_found', unknownRunbookText(id, deps.runbooks.closest(id)));
  await tools.ack();
  const incident = await requireIncidentChannel(deps.db, request.channelId, `/incident runbook ${found.id}`);
  await postRunbook(flowDeps(deps, tools.client), { incident, runbook: found, postedBy: request.userId });
};
