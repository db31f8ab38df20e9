import type { App } from '@slack/bolt';
import { helpMessage } from '../blocks/help';
import type { BotDeps } from '../deps';
import { replyForError } from '../error-reply';
import { declare } from './declare';
import { evidence } from './evidence';
import { help } from './help';
import { list } from './list';
import { note } from './note';
import { postmortem } from './postmortem';
import { reopen, resolve } from './resolve';
import { role } from './role';
import { run } from './run';
import { runbook } from './runbook';
import { sev } from './sev';
import { status } from './status';
import { notYet } from './not-yet';
import { parseCommandText } from './parse';
import { timeline } from './timeline';
import { triage } from './triage';
import { toCommandRequest, type CommandTools, type Reply, type SubcommandHandler } from './subcommand';
import { SUBCOMMANDS } from './catalog';

/** The subcommands that have a handler; the rest of the catalog answers "not available yet". */
const HANDLERS: Record<string, SubcommandHandler> = {
  ...Object.fromEntries(SUBCOMMANDS.map((s) => [s.name, notYet(s.name)])),
  help,
  declare,
  run,
  evidence,
  note,
  timeline,
  list,
  sev,
  status,
  role,
  resolve,
  reopen,
  postmortem,
  triage,
  runbook,
};

/** After this long, the person who typed a command hears that it is still going (Slack slow or rate-limiting). */
export const SLOW_NOTICE_MS = 4000;
const SLOW_NOTICE =
  ':hourglass: Still working on it: Slack is slow or rate-limiting the bot right now. Nothing is lost; this finishes on its own and posts when done.';

/** Registers `/incident` and dispatches its first word to a subcommand; an unknown word gets help. */
export function registerCommands(app: App, deps: BotDeps): void {
  app.command('/incident', async ({ command, ack, respond, client }) => {
    const started = process.hrtime.bigint();
    const parsed = parseCommandText(command.text ?? '');
    let acked = false;
    const tools: CommandTools = {
      async ack(reply?: Reply) {
        acked = true;
        await ack(reply ? { response_type: 'ephemeral', ...reply } : undefined);
        deps.metrics.ackSeconds.observe({ kind: 'command' }, Number(process.hrtime.bigint() - started) / 1e9);
      },
      respond: async (reply) => {
        await respond({ response_type: 'ephemeral', ...reply });
      },
      client,
    };
    const handler = Object.hasOwn(HANDLERS, parsed.name) ? HANDLERS[parsed.name] : undefined;
    if (!handler) {
      deps.metrics.commands.inc({ subcommand: 'unknown', outcome: 'usage' });
      await tools.ack(helpMessage(parsed.name));
      return;
    }
    const slow = setTimeout(() => {
      if (acked) tools.respond({ text: SLOW_NOTICE }).catch(() => undefined);
    }, SLOW_NOTICE_MS);
    try {
      await handler(toCommandRequest(command, parsed.args, parsed.rest), tools, deps);
      deps.metrics.commands.inc({ subcommand: parsed.name, outcome: 'ok' });
    } catch (err) {
      deps.metrics.commands.inc({ subcommand: parsed.name, outcome: 'error' });
      const reply = replyForError(err, deps);
      await (acked ? tools.respond(reply) : tools.ack(reply));
    } finally {
      clearTimeout(slow);
    }
  });
}
