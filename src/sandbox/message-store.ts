import type { EphemeralMessage, SlackMessage } from './workspace-types';

export interface FoundMessage {
  message: SlackMessage;
  /** Set when the message is a thread reply. */
  threadTs?: string;
}

/** Messages of every channel: top-level lists, thread replies and ephemerals, each kept in ts order. */
export class MessageStore {
  private readonly topLevel = new Map<string, SlackMessage[]>();
  private readonly threads = new Map<string, SlackMessage[]>();
  private readonly ephemeralList: EphemeralMessage[] = [];

  /** Top-level messages of a channel (thread parents and broadcasts included), oldest first. */
  messages(channelId: string): SlackMessage[] {
    return this.topLevel.get(channelId) ?? [];
  }

  /** Replies of one thread, oldest first; the parent is not included. */
  replies(channelId: string, threadTs: string): SlackMessage[] {
    return this.threads.get(threadKey(channelId, threadTs)) ?? [];
  }

  /** Ephemeral messages, optionally only those of one channel and/or one user. */
  ephemerals(channelId?: string, userId?: string): EphemeralMessage[] {
    return this.ephemeralList.filter(
      (e) => (channelId === undefined || e.channel === channelId) && (userId === undefined || e.user === userId),
    );
  }

  /** Appends a top-level message. */
  addTopLevel(channelId: string, message: SlackMessage): void {
    const list = this.topLevel.get(channelId) ?? [];
    list.push(message);
    this.topLevel.set(channelId, list);
  }

  /** Appends a reply and updates the parent's thread summary; a broadcast reply also shows in the channel. */
  addReply(channelId: string, threadTs: string, message: SlackMessage, broadcast = false): void {
    const key = threadKey(channelId, threadTs);
    const list = this.threads.get(key) ?? [];
    list.push(message);
    this.threads.set(key, list);
    if (broadcast) this.addTopLevel(channelId, message);
    const parent = this.messages(channelId).find((m) => m.ts === threadTs);
    if (parent) summariseThread(parent, list);
  }

  /** Finds a message by ts among the channel's top-level messages and thread replies. */
  find(channelId: string, ts: string): FoundMessage | undefined {
    const top = this.messages(channelId).find((m) => m.ts === ts);
    if (top) return { message: top };
    const prefix = `${channelId}|`;
    for (const [key, list] of this.threads) {
      if (!key.startsWith(prefix)) continue;
      const reply = list.find((m) => m.ts === ts);
      if (reply) return { message: reply, threadTs: key.slice(prefix.length) };
    }
    return undefined;
  }

  /** Deletes a message; a parent that still has replies becomes a tombstone, as in Slack. */
  remove(channelId: string, ts: string): boolean {
    const found = this.find(channelId, ts);
    if (!found) return false;
    if (found.threadTs !== undefined && found.threadTs !== ts) {
      const list = this.replies(channelId, found.threadTs).filter((m) => m.ts !== ts);
      this.threads.set(threadKey(channelId, found.threadTs), list);
      const parent = this.messages(channelId).find((m) => m.ts === found.threadTs);
      if (parent) summariseThread(parent, list);
    }
    const top = this.messages(channelId);
    const index = top.findIndex((m) => m.ts === ts);
    if (index < 0) return true;
    if ((top[index].reply_count ?? 0) > 0) {
      top[index] = { ...top[index], subtype: 'tombstone', text: 'This message was deleted.', blocks: undefined };
    } else {
      top.splice(index, 1);
    }
    return true;
  }

  /** Stores an ephemeral message. */
  addEphemeral(ephemeral: EphemeralMessage): void {
    this.ephemeralList.push(ephemeral);
  }

  /** Finds an ephemeral message by its ts. */
  findEphemeral(ts: string): EphemeralMessage | undefined {
    return this.ephemeralList.find((e) => e.ts === ts);
  }

  /** Removes an ephemeral message (what delete_original does to one). */
  removeEphemeral(ts: string): void {
    const index = this.ephemeralList.findIndex((e) => e.ts === ts);
    if (index >= 0) this.ephemeralList.splice(index, 1);
  }
}

function threadKey(channelId: string, threadTs: string): string {
  return `${channelId}|${threadTs}`;
}

function summariseThread(parent: SlackMessage, replies: SlackMessage[]): void {
  const users = [...new Set(replies.map((r) => r.user ?? r.bot_id ?? ''))].filter(Boolean);
  parent.thread_ts = parent.ts;
  parent.reply_count = replies.length;
  parent.reply_users = users;
  parent.reply_users_count = users.length;
  parent.latest_reply = replies.length > 0 ? replies[replies.length - 1].ts : undefined;
}
