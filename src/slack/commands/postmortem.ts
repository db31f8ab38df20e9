import { generatePostmortem, type GeneratedPostmortem } from '../../domain/flows/generate-postmortem';
import { escapeMrkdwn } from '../blocks/mrkdwn';
import { draftFileLink } from '../blocks/postmortem';
import { flowDeps } from '../deps';
import { requireIncidentChannel } from '../incident-context';
import { usageOf } from './catalog';
import type { SubcommandHandler } from './subcommand';

const USAGE = usageOf('postmortem');

/** What the person who asked reads once the new version is posted. */
export function postmortemReply(result: GeneratedPostmortem): string {
  const backfill = result.backfillProblem
    ? ` The channel could not be read back (${escapeMrkdwn(result.backfillProblem)}), so messages the bot missed may be absent.`
    : result.backfilled > 0
      ? ` It read back ${result.backfilled} message(s) the bot had missed.`
      : '';
  const store = result.storeProblem ? ` The artifact store did not take it (${escapeMrkdwn(result.storeProblem)}); run \`/incident postmortem\` again once it is back.` : '';
  return `:page_facing_up: Postmortem draft v${result.version} is posted in this channel: ${draftFileLink(result)}.${store}${backfill}`;
}

/** `/incident postmortem`: writes a new version of the draft from the timeline, e.g. after late notes. */
export const postmortem: SubcommandHandler = async (request, tools, deps) => {
  await tools.ack();
  const incident = await requireIncidentChannel(deps.db, request.channelId, USAGE);
  const result = await generatePostmortem(flowDeps(deps, tools.client), { incidentId: incident.id, requestedBy: request.userId });
  await tools.respond({ text: postmortemReply(result) });
};
