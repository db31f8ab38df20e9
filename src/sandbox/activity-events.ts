import { channelType } from './payloads';
import type { PinRecord, SlackChannel, SlackMessage } from './workspace-types';

type Json = Record<string, unknown>;

/** A copy of a message as it is now, so later changes to the stored one do not leak into an event. */
export function snapshot(message: SlackMessage): SlackMessage {
  return structuredClone(message);
}

/** `message_changed`: the message as it is now and as it was (also how a thread parent's tombstone arrives). */
export function messageChangedEvent(channel: SlackChannel, o: { ts: string; message: SlackMessage; previous: SlackMessage }): Json {
  return {
    type: 'message',
    subtype: 'message_changed',
    hidden: true,
    channel: channel.id,
    ts: o.ts,
    event_ts: o.ts,
    channel_type: channelType(channel),
    message: o.message,
    previous_message: o.previous,
  };
}

/** `message_deleted`: which message went, and what it said. */
export function messageDeletedEvent(channel: SlackChannel, o: { ts: string; previous: SlackMessage }): Json {
  return {
    type: 'message',
    subtype: 'message_deleted',
    hidden: true,
    channel: channel.id,
    ts: o.ts,
    deleted_ts: o.previous.ts,
    event_ts: o.ts,
    channel_type: channelType(channel),
    previous_message: o.previous,
  };
}

/** `reaction_added` / `reaction_removed` on a message. */
export function reactionEvent(type: 'reaction_added' | 'reaction_removed', o: { user: string; channel: string; message: SlackMessage; name: string; eventTs: string }): Json {
  return {
    type,
    user: o.user,
    item: { type: 'message', channel: o.channel, ts: o.message.ts },
    reaction: o.name,
    item_user: o.message.user,
    event_ts: o.eventTs,
  };
}

/** `pin_added` / `pin_removed` of a message; `pinCount` is how many pins the channel has afterwards. */
export function pinEvent(
  type: 'pin_added' | 'pin_removed',
  o: { user: string; pin: PinRecord; message: SlackMessage; permalink: string; pinCount: number; eventTs: string },
): Json {
  const event: Json = {
    type,
    user: o.user,
    channel_id: o.pin.channel,
    item: { type: 'message', created: o.pin.created, created_by: o.pin.created_by, channel: o.pin.channel, message: { ...o.message, permalink: o.permalink } },
    item_user: o.message.user,
    pin_count: o.pinCount,
    pinned_info: { channel: o.pin.channel, pinned_by: o.pin.created_by, pinned_ts: o.pin.created },
    event_ts: o.eventTs,
  };
  if (type === 'pin_removed') event.has_pins = o.pinCount > 0;
  return event;
}
