import { randomUUID } from 'node:crypto';
import { SlackApiError } from './api-error';
import { botMessage } from './api-methods/chat';
import { readMessageContent } from './api-methods/message-content';
import type { BotLink } from './bot-link';
import type { BotResponse } from './bot-transport';
import { ActionPayloads } from './action-payloads';
import type { ActionInput } from './interactions';
import { messageEvent, richTextBlocks, slashCommandForm } from './payloads';
import type { ResponseUrls } from './response-urls';
import type { TriggerRegistry } from './triggers';
import type { Workspace } from './workspace';
import type { SlackChannel, SlackMessage, SlackUser } from './workspace-types';

/** Slack gives up on an app that has not answered within this time. */
export const ACK_DEADLINE_MS = 3000;

export interface SlackSideDeps {
  link: BotLink;
  triggers: TriggerRegistry;
  responseUrls: ResponseUrls;
  baseUrl: () => string;
  echoBotMessages: boolean;
}

/** What users do in Slack (commands, clicks, messages), turned into the signed requests Slack sends the bot. */
export class SlackSide {
  private readonly actions: ActionPayloads;

  constructor(private readonly deps: SlackSideDeps) {
    this.actions = new ActionPayloads(deps.link.app, deps.triggers, deps.responseUrls, deps.baseUrl);
  }

  private get ws(): Workspace {
    return this.deps.link.app.workspace;
  }

  /** Runs a slash command; an answer with a body is shown to the user as Slack would (ephemeral or in_channel). */
  async slashCommand(o: { user: string; channel: string; command?: string; text: string; retryNum?: number }): Promise<BotResponse> {
    const user = this.user(o.user);
    const channel = this.channel(o.channel);
    const form = slashCommandForm(this.deps.link.app, {
      user, channel, command: o.command ?? '/incident', text: o.text,
      responseUrl: this.deps.responseUrls.issue(this.deps.baseUrl(), { channel: channel.id, user: user.id }),
      triggerId: this.deps.triggers.issue(user.id),
    });
    const headers = o.retryNum === undefined ? undefined : { 'X-Slack-Retry-Num': String(o.retryNum) };
    const response = await this.deps.link.sendForm(form, headers);
    return withProblems(response, this.showCommandAnswer(channel, user, response));
  }

  /** Clicks a button in a stored message (or an open view) and sends the block_actions payload. */
  clickButton(o: ActionInput): Promise<BotResponse> {
    return this.blockAction(o);
  }

  /** Picks a value in a select menu, date picker, radio group… and sends the block_actions payload. */
  selectOption(o: ActionInput): Promise<BotResponse> {
    return this.blockAction(o);
  }

  /** A user posts a message: it is stored, and `message` (plus `app_mention`) events go to the bot if it is in the channel. */
  async postMessage(o: { user: string; channel: string; text: string; threadTs?: string }): Promise<{ ts: string; response: BotResponse; mentionResponse?: BotResponse }> {
    const user = this.user(o.user);
    const channel = this.channel(o.channel);
    if (!channel.members.includes(user.id)) {
      if (channel.is_private) throw new Error(`${user.id} is not a member of private channel ${channel.id}`);
      // Typing in a public channel one has not joined joins it, as the Slack client does.
      channel.members.push(user.id);
    }
    const message = this.storeUserMessage(channel, user, o.text, o.threadTs);
    if (!this.ws.isMember(channel.id)) return { ts: message.ts, response: { status: 0, body: '', elapsedMs: 0 } };
    const response = await this.deps.link.sendEvent(messageEvent(channel, { ...message }));
    if (!o.text.includes(`<@${this.ws.bot.userId}>`)) return { ts: message.ts, response };
    const { channel_type: _channelType, ...mentionFields } = messageEvent(channel, { ...message });
    const mention = { ...mentionFields, type: 'app_mention' };
    return { ts: message.ts, response, mentionResponse: await this.deps.link.sendEvent(mention) };
  }

  /** Echoes a message the bot posted back to it as an event, when echoBotMessages is on. */
  deliverBotMessage(channelId: string, message: SlackMessage): void {
    const channel = this.ws.channels.get(channelId);
    if (!this.deps.echoBotMessages || !channel || !this.ws.isMember(channelId)) return;
    this.deps.link.sendEventInBackground(messageEvent(channel, { ...message }));
  }

  private storeUserMessage(channel: SlackChannel, user: SlackUser, text: string, threadTs?: string): SlackMessage {
    const message: SlackMessage = {
      type: 'message', ts: this.ws.clock.next(), text, user: user.id, team: this.ws.team.id,
      client_msg_id: randomUUID(), blocks: richTextBlocks(text),
    };
    if (threadTs === undefined) {
      this.ws.store.addTopLevel(channel.id, message);
      return message;
    }
    message.thread_ts = threadTs;
    message.parent_user_id = this.ws.store.find(channel.id, threadTs)?.message.user;
    this.ws.store.addReply(channel.id, threadTs, message);
    return message;
  }

  private showCommandAnswer(channel: SlackChannel, user: SlackUser, response: BotResponse): string[] {
    const problems = lateOrFailed(response);
    if (response.status !== 200 || response.body.trim() === '') return problems;
    const answer = isRecord(response.json) ? response.json : { text: response.body };
    try {
      const content = readMessageContent(answer);
      if (answer.response_type === 'in_channel') {
        const message = botMessage(this.ws, content);
        this.ws.store.addTopLevel(channel.id, message);
        this.deliverBotMessage(channel.id, message);
      } else {
        this.ws.store.addEphemeral({
          channel: channel.id, user: user.id, ts: this.ws.clock.next(), text: content.text ?? '',
          blocks: content.blocks, attachments: content.attachments, source: 'command_response',
        });
      }
    } catch (error) {
      if (!(error instanceof SlackApiError)) throw error;
      problems.push(`${error.code}${error.messages.length ? `: ${error.messages.join('; ')}` : ''}`);
    }
    return problems;
  }

  private async blockAction(o: ActionInput): Promise<BotResponse> {
    const user = this.user(o.user);
    const payload = o.viewId !== undefined ? this.actions.forView(o, user) : this.actions.forMessage(o, this.channel(o.channel), user);
    const response = await this.deps.link.sendInteraction(payload);
    return withProblems(response, lateOrFailed(response));
  }

  private user(id: string): SlackUser {
    const user = this.ws.users.get(id);
    if (!user) throw new Error(`Unknown user ${id}: add it with addUser first`);
    return user;
  }

  private channel(idOrName: string): SlackChannel {
    const channel = this.ws.resolveChannel(idOrName);
    if (!channel) throw new Error(`Unknown channel ${idOrName}: add it with addChannel first`);
    return channel;
  }
}

/** Notes a late or failed answer as Slack's client would show it. */
export function lateOrFailed(response: BotResponse): string[] {
  const problems: string[] = [];
  if (response.elapsedMs > ACK_DEADLINE_MS) problems.push(`operation_timeout: answered after ${response.elapsedMs} ms`);
  if (response.status !== 200) problems.push(`http_error: the app answered HTTP ${response.status}`);
  return problems;
}

/** Attaches problems to a response when there are any. */
export function withProblems(response: BotResponse, problems: string[]): BotResponse {
  return problems.length > 0 ? { ...response, problems } : response;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
