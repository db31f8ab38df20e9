import type { SlashCommand } from '@slack/bolt';
import type { Block, KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { BotDeps } from '../deps';

/** An ephemeral reply: what only the person who typed the command sees. */
export type Reply = { text: string; blocks?: (KnownBlock | Block)[] };

/** The plain facts of one `/incident` call, taken out of Slack's payload. */
export interface CommandRequest {
  userId: string;
  channelId: string;
  channelName: string;
  teamId: string;
  triggerId: string;
  args: string[];
  rest: string;
}

/** What a subcommand may do: ack within 3 s (with or without a reply), then respond later or call the Web API. */
export interface CommandTools {
  ack(reply?: Reply): Promise<void>;
  respond(reply: Reply): Promise<void>;
  client: WebClient;
}

export type SubcommandHandler = (request: CommandRequest, tools: CommandTools, deps: BotDeps) => Promise<void>;

/** Maps Bolt's slash command payload to a CommandRequest. */
export function toCommandRequest(command: SlashCommand, args: string[], rest: string): CommandRequest {
  return {
    userId: command.user_id,
    channelId: command.channel_id,
    channelName: command.channel_name,
    teamId: command.team_id,
    triggerId: command.trigger_id,
    args,
    rest,
  };
}
