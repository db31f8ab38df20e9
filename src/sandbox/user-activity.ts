import { SlackApiError } from './api-error';
import { permalinkFor } from './api-methods/chat';
import { messageChangedEvent, messageDeletedEvent, pinEvent, reactionEvent, snapshot } from './activity-events';
import type { BotResponse } from './bot-transport';
import { addReactionTo, pinTo, removeReactionFrom, unpinFrom } from './message-marks';
import { richTextBlocks } from './payloads';
import type { Workspace } from './workspace';
import type { PinRecord, SlackChannel, SlackMessage } from './workspace-types';

type Json = Record<string, unknown>;

/** Which message a user acts on. */
export interface MessageRef {
  user: string;
  channel: string;
  ts: string;
}

export interface UserActivityDeps {
  workspace: Workspace;
  /** Delivers an Events API event to the bot. */
  send: (event: Json) => Promise<BotResponse>;
}

/** The answer when Slack sends the bot nothing (it is not in the channel). */
const NOT_DELIVERED: BotResponse = { status: 0, body: '', elapsedMs: 0 };

/**
 * What people do to messages that already exist: edit, delete, react, pin. Each changes the workspace as Slack
 * does and, when the bot is in the channel, delivers the event Slack would send it.
 */
export class UserActivity {
  constructor(private readonly deps: UserActivityDeps) {}

  private get ws(): Workspace {
    return this.deps.workspace;
  }

  /** The author edits their message; the bot gets message_changed with the new and previous message. */
  async editMessage(o: MessageRef & { text: string }): Promise<BotResponse> {
    const { channel, message } = this.ownMessage(o, 'cant_update_message');
    const previous = snapshot(message);
    const ts = this.ws.clock.next();
    Object.assign(message, { text: o.text, blocks: richTextBlocks(o.text), edited: { user: o.user, ts } });
    return this.deliver(channel, messageChangedEvent(channel, { ts, message: snapshot(message), previous }));
  }

  /** The author deletes their message: message_deleted, or a tombstone (message_changed) for a parent with replies. */
  async deleteMessage(o: MessageRef): Promise<BotResponse> {
    const { channel, message } = this.ownMessage(o, 'cant_delete_message');
    const previous = snapshot(message);
    const ts = this.ws.clock.next();
    if (message.pinned_to) unpinFrom(this.ws, channel.id, message);
    this.ws.store.remove(channel.id, o.ts);
    const left = this.ws.store.find(channel.id, o.ts)?.message;
    const event = left?.subtype === 'tombstone'
      ? messageChangedEvent(channel, { ts, message: snapshot(left), previous })
      : messageDeletedEvent(channel, { ts, previous });
    return this.deliver(channel, event);
  }

  /** A user adds a reaction (name without colons, e.g. 'pushpin'). */
  async addReaction(o: MessageRef & { name: string }): Promise<BotResponse> {
    const { channel, message } = this.target(o);
    addReactionTo(message, o.name, o.user);
    return this.deliver(channel, reactionEvent('reaction_added', { ...o, channel: channel.id, message: snapshot(message), eventTs: this.ws.clock.next() }));
  }

  /** A user takes their reaction back. */
  async removeReaction(o: MessageRef & { name: string }): Promise<BotResponse> {
    const { channel, message } = this.target(o);
    removeReactionFrom(message, o.name, o.user);
    return this.deliver(channel, reactionEvent('reaction_removed', { ...o, channel: channel.id, message: snapshot(message), eventTs: this.ws.clock.next() }));
  }

  /** A member of the channel pins a message. */
  async pinMessage(o: MessageRef): Promise<BotResponse> {
    const { channel, message } = this.target(o);
    if (!channel.members.includes(o.user)) throw new SlackApiError('not_in_channel');
    const pin = pinTo(this.ws, channel.id, message, o.user);
    return this.deliver(channel, this.pinChange('pin_added', o.user, pin, message));
  }

  /** A member of the channel unpins a message. */
  async unpinMessage(o: MessageRef): Promise<BotResponse> {
    const { channel, message } = this.target(o);
    if (!channel.members.includes(o.user)) throw new SlackApiError('not_in_channel');
    const pin = unpinFrom(this.ws, channel.id, message);
    return this.deliver(channel, this.pinChange('pin_removed', o.user, pin, message));
  }

  private pinChange(type: 'pin_added' | 'pin_removed', user: string, pin: PinRecord, message: SlackMessage): Json {
    const permalink = permalinkFor(this.ws, pin.channel, message.ts, message.thread_ts);
    const pinCount = this.ws.pins(pin.channel).length;
    return pinEvent(type, { user, pin, message: snapshot(message), permalink, pinCount, eventTs: this.ws.clock.next() });
  }

  private deliver(channel: SlackChannel, event: Json): Promise<BotResponse> {
    return this.ws.isMember(channel.id) ? this.deps.send(event) : Promise.resolve(NOT_DELIVERED);
  }

  private ownMessage(o: MessageRef, refusal: string): { channel: SlackChannel; message: SlackMessage } {
    const found = this.target(o);
    if (found.message.user !== o.user || found.message.bot_id) throw new SlackApiError(refusal);
    return found;
  }

  private target(o: MessageRef): { channel: SlackChannel; message: SlackMessage } {
    if (!this.ws.users.has(o.user)) throw new Error(`Unknown user ${o.user}: add it with addUser first`);
    const channel = this.ws.resolveChannel(o.channel);
    if (!channel) throw new Error(`Unknown channel ${o.channel}: add it with addChannel first`);
    const message = this.ws.store.find(channel.id, o.ts)?.message;
    if (!message) throw new SlackApiError('message_not_found');
    return { channel, message };
  }
}
