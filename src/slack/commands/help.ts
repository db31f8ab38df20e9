import { helpMessage } from '../blocks/help';
import type { SubcommandHandler } from './subcommand';

/** `/incident help`: every subcommand and its usage, only to the person who asked. */
export const help: SubcommandHandler = async (_request, tools) => {
  await tools.ack(helpMessage());
};
