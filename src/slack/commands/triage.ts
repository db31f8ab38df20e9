import { AppError } from '../../domain/errors';
import { incidentKey, isOpen } from '../../domain/incident';
import { findIncidentByChannel } from '../../store/incidents';
import { getTriage } from '../../store/triage';
import { matrixOverviewMessage, triagePickerMessage } from '../blocks/matrix';
import { usageOf } from './catalog';
import type { SubcommandHandler } from './subcommand';

const USAGE = usageOf('triage');

/** `/incident triage`: in an incident channel, the matrix to pick from; elsewhere, the matrix to declare from. */
export const triage: SubcommandHandler = async (request, tools, deps) => {
  if (request.args.length > 0) throw new AppError('usage', `\`/incident triage\` takes no arguments: it shows the matrix to pick from. Usage: \`${USAGE}\``);
  await tools.ack();
  const incident = await findIncidentByChannel(deps.db, request.channelId);
  if (!incident) {
    await tools.respond(matrixOverviewMessage(deps.config.matrix));
    return;
  }
  if (!isOpen(incident)) throw new AppError('conflict', `${incidentKey(incident)} is resolved; reopen it with \`/incident reopen\` before triaging it again.`);
  const current = await getTriage(deps.db, incident.id);
  await tools.respond(triagePickerMessage(incident, deps.config.matrix, current && { symptom: current.symptom, by: current.triagedBy }));
};
