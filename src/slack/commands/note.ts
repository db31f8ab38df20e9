import { addNote } from '../../domain/flows/add-note';
import { AppError } from '../../domain/errors';
import { flowDeps } from '../deps';
import { requireIncidentChannel } from '../incident-context';
import { usageOf } from './catalog';
import type { SubcommandHandler } from './subcommand';

const USAGE = usageOf('note');

/** `/incident note <text…>`: a timeline note, shown in the channel; "action: …" makes it an action item. */
export const note: SubcommandHandler = async (request, tools, deps) => {
  if (request.rest.trim() === '') {
    throw new AppError('usage', `Write the note after the command, e.g. \`/incident note rolled back deploy 4812\`. Start it with "action:" to make it an action item for the postmortem.\nUsage: \`${USAGE}\``);
  }
  await tools.ack();
  const incident = await requireIncidentChannel(deps.db, request.channelId, USAGE);
  await addNote(flowDeps(deps, tools.client), { incident, text: request.rest, authorId: request.userId });
};
