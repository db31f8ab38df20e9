import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { HistoryMessage, PostmortemChat } from '../domain/ports';
import { postmortemAnnouncement, postmortemComment } from '../slack/blocks/postmortem';

/** Subtypes that are something a person (or another app) said, as live capture keeps them; plus tombstones. */
const SPOKEN = new Set([undefined, 'thread_broadcast', 'file_share', 'me_message', 'bot_message', 'tombstone']);
const PAGE = 200;

interface RawMessage {
  ts: string;
  text?: string;
  user?: string;
  bot_id?: string;
  subtype?: string;
  thread_ts?: string;
  edited?: { ts?: string };
  reply_count?: number;
  latest_reply?: string;
  reactions?: { name?: string }[];
  pinned_to?: string[];
  files?: { name?: string; title?: string }[];
  username?: string;
  bot_profile?: { name?: string };
}

interface Self {
  userId?: string;
  botId?: string;
  url?: string;
}

function extras(m: RawMessage): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  if (m.subtype === 'thread_broadcast') data.broadcast = true;
  if (m.files?.length) data.files = m.files.map((f) => f.name ?? f.title ?? 'file');
  if (m.subtype === 'bot_message' || (m.bot_id && !m.user)) data.bot = m.username ?? m.bot_profile?.name ?? m.bot_id;
  return data;
}

function toHistory(m: RawMessage, channelId: string, self: Self): HistoryMessage {
  return {
    ts: m.ts,
    threadTs: m.thread_ts && m.thread_ts !== m.ts ? m.thread_ts : null,
    userId: m.user ?? null,
    text: m.text ?? '',
    fromSelf: (self.botId !== undefined && m.bot_id === self.botId) || (self.userId !== undefined && m.user === self.userId),
    deleted: m.subtype === 'tombstone',
    editedTs: m.edited?.ts ?? null,
    replyCount: m.reply_count ?? 0,
    latestReply: m.latest_reply ?? null,
    reactions: (m.reactions ?? []).map((r) => r.name ?? '').filter(Boolean),
    pinned: m.pinned_to?.includes(channelId) ?? false,
    data: extras(m),
  };
}

/** The postmortem's side of the chat port on Slack's Web API: reading a channel back (paginated), names, sharing the draft. */
export function slackPostmortemChat(client: WebClient, logger: Logger): PostmortemChat {
  let self: Promise<Self> | undefined;
  const whoAmI = () =>
    (self ??= client.auth.test().then((r) => ({ userId: r.user_id, botId: r.bot_id, url: r.url })));
  const spoken = (messages: unknown[] | undefined) => ((messages ?? []) as RawMessage[]).filter((m) => SPOKEN.has(m.subtype));
  return {
    async channelHistory(channelId) {
      const me = await whoAmI();
      const newestFirst: RawMessage[] = [];
      let cursor: string | undefined;
      do {
        const res = await client.conversations.history({ channel: channelId, limit: PAGE, cursor });
        newestFirst.push(...spoken(res.messages));
        cursor = res.response_metadata?.next_cursor || undefined;
      } while (cursor);
      const archiveUrl = me.url ? `${me.url.replace(/\/+$/, '')}/archives` : null;
      return { archiveUrl, messages: newestFirst.reverse().map((m) => toHistory(m, channelId, me)) };
    },
    async threadReplies(channelId, threadTs) {
      const me = await whoAmI();
      const replies: RawMessage[] = [];
      let cursor: string | undefined;
      do {
        const res = await client.conversations.replies({ channel: channelId, ts: threadTs, limit: PAGE, cursor });
        replies.push(...spoken(res.messages).filter((m) => m.ts !== threadTs));
        cursor = res.response_metadata?.next_cursor || undefined;
      } while (cursor);
      return replies.map((m) => toHistory(m, channelId, me));
    },
    async displayNames(userIds) {
      const found = await Promise.all(
        [...new Set(userIds)].map(async (id): Promise<[string, string] | null> => {
          try {
            const { user } = await client.users.info({ user: id });
            // A document read weeks later is clearer with full names than with handles.
            const name = user?.real_name || user?.profile?.real_name || user?.profile?.display_name || user?.name;
            return name ? [id, name] : null;
          } catch (err) {
            // A name is a nicety: the draft shows the id instead.
            logger.debug(`users.info ${id} failed; the postmortem shows the id`, err);
            return null;
          }
        }),
      );
      return Object.fromEntries(found.filter((f): f is [string, string] => f !== null));
    },
    async sharePostmortem(incident, draft) {
      await client.files.uploadV2({
        channel_id: incident.channelId as string,
        file: Buffer.from(draft.markdown, 'utf8'),
        filename: draft.fileName,
        title: draft.title,
        initial_comment: postmortemComment(incident, draft),
      });
      if (!incident.isPrivate && incident.announcementChannelId && incident.announcementTs) {
        await client.chat.postMessage({ channel: incident.announcementChannelId, thread_ts: incident.announcementTs, text: postmortemAnnouncement(incident, draft) });
      }
    },
  };
}
