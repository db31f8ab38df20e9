import { SlackApiError } from './api-error';
import { botMessage } from './api-methods/chat';
import { readMessageContent, type MessageContent } from './api-methods/message-content';
import { randomHex } from './ids';
import type { Workspace } from './workspace';
import type { SlackMessage } from './workspace-types';

const MAX_USES = 5;

/** Where a response_url leads: the user and channel of the interaction, and the message it came from. */
export interface ResponseTarget {
  channel: string;
  user: string;
  original?: { ts: string; ephemeral: boolean };
}

export interface HttpAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** The response_urls the emulator hands out with commands and actions, and what POSTing to them does. */
export class ResponseUrls {
  private readonly entries = new Map<string, { target: ResponseTarget; uses: number }>();

  constructor(
    private readonly ws: Workspace,
    private readonly onBotMessage: (channelId: string, message: SlackMessage) => void,
  ) {}

  /** Issues a URL (served by the emulator at /response/<id>) for one interaction. */
  issue(baseUrl: string, target: ResponseTarget): string {
    const id = `${this.entries.size + 1}${randomHex(24)}`;
    this.entries.set(id, { target, uses: 0 });
    return `${baseUrl}/response/${id}`;
  }

  /** Applies a POST to a response_url like Slack: ephemeral by default, in_channel, replace_original, delete_original. */
  handle(id: string, body: unknown): HttpAnswer {
    const entry = this.entries.get(id);
    if (!entry) return { status: 404, body: { ok: false, error: 'expired_url' } };
    if (entry.uses >= MAX_USES) return { status: 404, body: { ok: false, error: 'used_url' } };
    if (typeof body !== 'object' || body === null) return { status: 400, body: { ok: false, error: 'invalid_payload' } };
    entry.uses += 1;
    try {
      this.apply(entry.target, body as Record<string, unknown>);
      return { status: 200, body: { ok: true } };
    } catch (error) {
      if (error instanceof SlackApiError) return { status: 400, body: error.toBody() };
      throw error;
    }
  }

  private apply(target: ResponseTarget, body: Record<string, unknown>): void {
    const original = target.original;
    if (isTrue(body.delete_original)) {
      if (original) this.deleteOriginal(target.channel, original);
      return;
    }
    const content = readMessageContent(body);
    if (isTrue(body.replace_original) && original) return this.replaceOriginal(target.channel, original, content);
    if (body.response_type === 'in_channel') return this.postInChannel(target.channel, content, body.thread_ts);
    this.ws.store.addEphemeral({
      channel: target.channel,
      user: target.user,
      ts: this.ws.clock.next(),
      text: content.text ?? '',
      blocks: content.blocks,
      attachments: content.attachments,
      source: 'response_url',
    });
  }

  private deleteOriginal(channelId: string, original: { ts: string; ephemeral: boolean }): void {
    if (original.ephemeral) this.ws.store.removeEphemeral(original.ts);
    else this.ws.store.remove(channelId, original.ts);
  }

  private replaceOriginal(channelId: string, original: { ts: string; ephemeral: boolean }, content: MessageContent): void {
    const target = original.ephemeral
      ? this.ws.store.findEphemeral(original.ts)
      : this.ws.store.find(channelId, original.ts)?.message;
    if (!target) throw new SlackApiError('message_not_found');
    target.text = content.text ?? '';
    target.blocks = content.blocks;
    target.attachments = content.attachments;
    if (!original.ephemeral) (target as SlackMessage).edited = { user: this.ws.bot.userId, ts: this.ws.clock.next() };
  }

  private postInChannel(channelId: string, content: MessageContent, threadTs: unknown): void {
    const message = botMessage(this.ws, content);
    if (typeof threadTs === 'string' && threadTs !== '') {
      message.thread_ts = threadTs;
      this.ws.store.addReply(channelId, threadTs, message);
    } else {
      this.ws.store.addTopLevel(channelId, message);
    }
    this.onBotMessage(channelId, message);
  }
}

function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}
