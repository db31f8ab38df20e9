import { declareIncident, validateTitle } from '../../domain/flows/declare-incident';
import { AppError } from '../../domain/errors';
import { incidentKey } from '../../domain/incident';
import { findIncidentByChannel } from '../../store/incidents';
import { escapeMrkdwn } from '../blocks/mrkdwn';
import { flowDeps } from '../deps';
import { declareModal } from '../views/declare-modal';
import { usageOf } from './catalog';
import { splitSeverity } from './severity-arg';
import type { SubcommandHandler } from './subcommand';

const USAGE = usageOf('declare');

/** `/incident declare [severity] [title…]`: at once with a title, through the form without one. */
export const declare: SubcommandHandler = async (request, tools, deps) => {
  const { severity, title } = splitSeverity(deps.config, request.args, USAGE);
  const titleProblem = title ? validateTitle(title) : null;
  if (titleProblem) throw new AppError('usage', `${titleProblem}\nUsage: \`${USAGE}\``);
  const chosen = severity ?? deps.config.default_severity;
  await tools.ack(title ? { text: `:hourglass_flowing_sand: Declaring *${escapeMrkdwn(title)}* as ${chosen}…` } : undefined);
  const here = await findIncidentByChannel(deps.db, request.channelId);
  if (here) {
    throw new AppError('conflict', `This channel already belongs to ${incidentKey(here)}. Use \`/incident sev\` to change its severity, or declare a new incident from another channel.`);
  }
  if (!title) {
    await tools.client.views.open({
      trigger_id: request.triggerId,
      view: declareModal(deps.config, { userId: request.userId, channelId: request.channelId, severity }),
    });
    return;
  }
  const { incident, created } = await declareIncident(flowDeps(deps, tools.client), {
    idempotencyKey: `slash:${request.triggerId}`,
    title,
    severity: chosen,
    description: null,
    symptom: null,
    isPrivate: false,
    declaredBy: request.userId,
  });
  const where = incident.channelId ? `<#${incident.channelId}>` : 'its channel (being created)';
  await tools.respond({ text: `${created ? 'Declared' : 'Already declared:'} ${incidentKey(incident)} (${incident.severity}): ${where}` });
};
