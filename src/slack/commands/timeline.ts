import { latestTimeline } from '../../store/timeline';
import { timelineMessage } from '../blocks/timeline';
import { requireIncidentChannel } from '../incident-context';
import { usageOf } from './catalog';
import type { SubcommandHandler } from './subcommand';

/** How many entries `/incident timeline` shows. */
export const TIMELINE_LIMIT = 20;
const USAGE = usageOf('timeline');

/** `/incident timeline`: the latest entries of this incident's timeline, only to the person who asked. */
export const timeline: SubcommandHandler = async (request, tools, deps) => {
  await tools.ack();
  const incident = await requireIncidentChannel(deps.db, request.channelId, USAGE);
  const entries = await latestTimeline(deps.db, incident.id, TIMELINE_LIMIT);
  await tools.respond(timelineMessage(incident, entries, TIMELINE_LIMIT));
};
