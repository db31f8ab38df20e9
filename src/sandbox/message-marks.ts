import { SlackApiError } from './api-error';
import type { Workspace } from './workspace';
import type { PinRecord, SlackMessage } from './workspace-types';

/** Adds `userId`'s reaction to a message, as reactions.add does; one reaction of a name per person. */
export function addReactionTo(message: SlackMessage, name: string, userId: string): void {
  const reactions = (message.reactions ??= []);
  const existing = reactions.find((r) => r.name === name);
  if (existing?.users.includes(userId)) throw new SlackApiError('already_reacted');
  if (existing) {
    existing.users.push(userId);
    existing.count = existing.users.length;
  } else {
    reactions.push({ name, users: [userId], count: 1 });
  }
}

/** Takes `userId`'s reaction off a message; a reaction nobody holds any more disappears. */
export function removeReactionFrom(message: SlackMessage, name: string, userId: string): void {
  const existing = message.reactions?.find((r) => r.name === name);
  if (!existing?.users.includes(userId)) throw new SlackApiError('no_reaction');
  existing.users = existing.users.filter((u) => u !== userId);
  existing.count = existing.users.length;
  message.reactions = message.reactions?.filter((r) => r.count > 0);
  if (message.reactions?.length === 0) delete message.reactions;
}

/** Pins a message to its channel on behalf of `userId`; returns the pin. */
export function pinTo(ws: Workspace, channelId: string, message: SlackMessage, userId: string): PinRecord {
  if (ws.pins(channelId).some((p) => p.ts === message.ts)) throw new SlackApiError('already_pinned');
  const pin = { channel: channelId, ts: message.ts, created: ws.nowSeconds(), created_by: userId };
  ws.pinList.push(pin);
  message.pinned_to = [channelId];
  return pin;
}

/** Unpins a message; returns the pin that was removed. */
export function unpinFrom(ws: Workspace, channelId: string, message: SlackMessage): PinRecord {
  const index = ws.pinList.findIndex((p) => p.channel === channelId && p.ts === message.ts);
  if (index < 0) throw new SlackApiError('not_pinned');
  const [pin] = ws.pinList.splice(index, 1);
  delete message.pinned_to;
  return pin;
}
