import { z } from 'zod';
import type { ChannelMessage } from '../../domain/flows/capture-timeline';

/** What one Slack event means for the timeline, in plain words. */
export type CaptureAction =
  | { type: 'message'; channelId: string; ts: string; message: ChannelMessage }
  | { type: 'edit'; channelId: string; ts: string; text: string; editedTs: string }
  | { type: 'delete'; channelId: string; ts: string; deletedTs: string }
  | { type: 'highlight'; channelId: string; ts: string; highlighted: boolean };

/** The bot's own identity (Bolt's context), so its messages are not captured twice. */
export interface Self {
  botUserId?: string;
  botId?: string;
}

const HIGHLIGHT_REACTION = 'pushpin';
/** Subtypes that are something a person (or another app) said; joins, topic changes and the like are noise. */
const SPOKEN = new Set([undefined, 'thread_broadcast', 'file_share', 'me_message', 'bot_message']);

const inner = z.object({
  ts: z.string(),
  text: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  subtype: z.string().optional(),
  thread_ts: z.string().optional(),
  edited: z.object({ ts: z.string() }).optional(),
});
type Inner = z.infer<typeof inner>;

const messageEvent = inner.extend({
  channel: z.string(),
  deleted_ts: z.string().optional(),
  message: inner.optional(),
  previous_message: inner.optional(),
  files: z.array(z.object({ name: z.string().optional(), title: z.string().optional() })).optional(),
  username: z.string().optional(),
  bot_profile: z.object({ name: z.string().optional() }).optional(),
});
type MessageEvent = z.infer<typeof messageEvent>;

const reactionEvent = z.object({
  type: z.enum(['reaction_added', 'reaction_removed']),
  reaction: z.string(),
  item: z.object({ type: z.literal('message'), channel: z.string(), ts: z.string() }),
});

const pinEvent = z.object({
  type: z.enum(['pin_added', 'pin_removed']),
  channel_id: z.string().optional(),
  item: z.object({ type: z.literal('message'), channel: z.string().optional(), message: z.object({ ts: z.string() }) }),
});

const fromSelf = (m: Inner, self: Self) => (self.botId !== undefined && m.bot_id === self.botId) || (self.botUserId !== undefined && m.user === self.botUserId);

function extras(e: MessageEvent): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  if (e.subtype === 'thread_broadcast') data.broadcast = true;
  if (e.files?.length) data.files = e.files.map((f) => f.name ?? f.title ?? 'file');
  if (e.subtype === 'bot_message' || (e.bot_id && !e.user)) data.bot = e.username ?? e.bot_profile?.name ?? e.bot_id;
  return data;
}

function spoken(e: MessageEvent): CaptureAction {
  const message = { channelId: e.channel, ts: e.ts, threadTs: e.thread_ts ?? null, userId: e.user ?? null, text: e.text ?? '', data: extras(e) };
  return { type: 'message', channelId: e.channel, ts: e.ts, message };
}

function changed(e: MessageEvent, self: Self): CaptureAction | null {
  const m = e.message;
  if (!m || fromSelf(m, self)) return null;
  // Deleting a thread's parent leaves a tombstone, announced as a change rather than a deletion.
  if (m.subtype === 'tombstone') return { type: 'delete', channelId: e.channel, ts: m.ts, deletedTs: e.ts };
  // Unfurls, new replies and language detection also "change" a message without touching its text.
  if (e.previous_message && e.previous_message.text === m.text) return null;
  return { type: 'edit', channelId: e.channel, ts: m.ts, text: m.text ?? '', editedTs: m.edited?.ts ?? e.ts };
}

function deleted(e: MessageEvent, self: Self): CaptureAction | null {
  if (e.previous_message && fromSelf(e.previous_message, self)) return null;
  const ts = e.deleted_ts ?? e.previous_message?.ts;
  return ts ? { type: 'delete', channelId: e.channel, ts, deletedTs: e.ts } : null;
}

/** Reads a `message` event: a new message or reply, an edit, a deletion; null for noise and the bot's own posts. */
export function parseMessageEvent(event: unknown, self: Self): CaptureAction | null {
  const parsed = messageEvent.safeParse(event);
  if (!parsed.success) return null;
  const e = parsed.data;
  if (e.subtype === 'message_changed') return changed(e, self);
  if (e.subtype === 'message_deleted') return deleted(e, self);
  if (!SPOKEN.has(e.subtype) || fromSelf(e, self)) return null;
  return spoken(e);
}

/** Reads reaction_added / reaction_removed: only :pushpin: on a message marks a highlight. */
export function parseReactionEvent(event: unknown): CaptureAction | null {
  const parsed = reactionEvent.safeParse(event);
  if (!parsed.success || parsed.data.reaction !== HIGHLIGHT_REACTION) return null;
  const { type, item } = parsed.data;
  return { type: 'highlight', channelId: item.channel, ts: item.ts, highlighted: type === 'reaction_added' };
}

/** Reads pin_added / pin_removed of a message: pinned messages are highlights. */
export function parsePinEvent(event: unknown): CaptureAction | null {
  const parsed = pinEvent.safeParse(event);
  if (!parsed.success) return null;
  const { type, item, channel_id: channelId } = parsed.data;
  const channel = item.channel ?? channelId;
  return channel ? { type: 'highlight', channelId: channel, ts: item.message.ts, highlighted: type === 'pin_added' } : null;
}
