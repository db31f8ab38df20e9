import { Blocks, Message, Md } from 'slack-block-builder';
import type { SlackMessageDto } from 'slack-block-builder';
import { SUBCOMMANDS } from '../commands/catalog';
import { escapeMrkdwn, truncate } from './mrkdwn';

/** The help message: every subcommand with its usage; `unknown` names the subcommand that was not understood. */
export function helpMessage(unknown?: string): SlackMessageDto {
  const lead = unknown
    ? `Unknown subcommand ${Md.codeInline(truncate(escapeMrkdwn(unknown), 60))}. Here is what \`/incident\` understands:`
    : 'Here is what `/incident` understands:';
  const lines = SUBCOMMANDS.map((s) => `${Md.codeInline(s.usage)}\n${s.summary}`);
  const text = [unknown ? `unknown subcommand ${escapeMrkdwn(truncate(unknown, 60))}` : 'incident help', ...SUBCOMMANDS.map((s) => s.usage)].join('\n');
  return Message({ text })
    .blocks(
      Blocks.Section({ text: lead }),
      Blocks.Section({ text: lines.slice(0, 8).join('\n') }),
      Blocks.Section({ text: lines.slice(8).join('\n') }),
      Blocks.Context().elements('Commands that change an incident run inside its channel; `list`, `declare` and `help` work anywhere.'),
    )
    .buildToObject();
}
