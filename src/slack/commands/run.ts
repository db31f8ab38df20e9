import type { WebClient } from '@slack/web-api';
import { parseParamArgs } from '../../commands/params';
import { AppError } from '../../domain/errors';
import type { CommandRun } from '../../domain/command-run';
import { paramsUsage, prepareCommand, regionsFor, requestCommand } from '../../domain/flows/request-command';
import { executeCommandRun } from '../../domain/flows/run-command';
import { commandDeps, type BotDeps } from '../deps';
import { requireIncidentChannel } from '../incident-context';
import { escapeMrkdwn } from '../blocks/mrkdwn';
import { usageOf } from './catalog';
import type { SubcommandHandler } from './subcommand';

const USAGE = usageOf('run');

/** Slack sends `&`, `<` and `>` escaped, and phones turn quotes curly; parameters want what was typed. */
export function typedText(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2018\u2019]/g, "'");
}

/** The catalog as an ephemeral list: what can run, where, with which parameters. */
export function catalogHelp(deps: BotDeps): string {
  const lines = deps.catalog.list().map((c) => `• \`${c.id}\` ${escapeMrkdwn(c.title)} _(${c.class}${c.approval === 'second-person' ? ', needs approval' : ''})_: ${paramsUsage(c)} · regions: ${regionsFor(deps.config, c).join(', ') || 'none'}`);
  return [`Usage: \`${USAGE}\``, lines.length ? 'Approved commands:' : 'No approved commands yet: add them under commands/*.yml.', ...lines].join('\n');
}

/** Starts a run in the background: the request is answered, the run's message carries on in the channel. */
export function startRun(deps: BotDeps, client: WebClient, run: CommandRun): void {
  deps.backgroundWork.track(executeCommandRun(commandDeps(deps, client), run), (err) => deps.logger.error(`command run ${run.id} failed`, err));
}

/** `/incident run <command> <region> [key=value…]`: checked before the ack, then run or put up for approval. */
export const run: SubcommandHandler = async (request, tools, deps) => {
  const match = /^(\S+)\s+(\S+)\s*([\s\S]*)$/.exec(request.rest);
  if (!match) {
    await tools.ack({ text: catalogHelp(deps) });
    return;
  }
  const [, commandId, region, rest] = match;
  const parsed = parseParamArgs(typedText(rest));
  if (parsed.problems.length > 0) throw new AppError('usage', `${parsed.problems.join('\n')}\nUsage: \`${USAGE}\`. Nothing was run.`);
  const prepared = prepareCommand(deps, commandId, region, parsed.params);
  const verb = prepared.spec.approval === 'second-person' ? 'Asking for approval of' : 'Starting';
  await tools.ack({ text: `:hourglass_flowing_sand: ${verb} \`${prepared.spec.id}\` on ${region}…` });
  const incident = await requireIncidentChannel(deps.db, request.channelId, USAGE);
  const { run: requested, created } = await requestCommand(commandDeps(deps, tools.client), {
    incidentId: incident.id,
    commandId,
    region,
    params: parsed.params,
    requestedBy: request.userId,
    requestKey: `slash:${request.triggerId}`,
  });
  if (created && requested.state === 'running') startRun(deps, tools.client, requested);
};
