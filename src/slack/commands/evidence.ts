import { AppError } from '../../domain/errors';
import { evidenceRegions, requestEvidence, runEvidencePack } from '../../domain/flows/evidence';
import { commandDeps } from '../deps';
import { requireIncidentChannel } from '../incident-context';
import { usageOf } from './catalog';
import type { SubcommandHandler } from './subcommand';

const USAGE = usageOf('evidence');

/** `/incident evidence <region|all>`: every evidence command of the region(s) at once, one summary message. */
export const evidence: SubcommandHandler = async (request, tools, deps) => {
  if (request.args.length !== 1) {
    const regions = Object.keys(deps.config.regions);
    throw new AppError('usage', `Usage: \`${USAGE}\`. Regions: ${regions.length ? `${regions.join(', ')}, or all` : 'none configured yet (regions: in incident.config.yml)'}.`);
  }
  const target = request.args[0].toLowerCase();
  const regions = evidenceRegions(deps, target);
  await tools.ack({ text: `:hourglass_flowing_sand: Capturing evidence on ${regions.join(', ')}…` });
  const incident = await requireIncidentChannel(deps.db, request.channelId, USAGE);
  const cdeps = commandDeps(deps, tools.client);
  const pack = await requestEvidence(cdeps, { incidentId: incident.id, target, requestedBy: request.userId, requestKey: `evidence:${request.triggerId}` });
  if (pack.created) deps.backgroundWork.track(runEvidencePack(cdeps, pack), (err) => deps.logger.error('evidence pack failed', err));
};
