import { SlackApiError } from '../api-error';
import { isTs } from '../ids';
import type { Workspace } from '../workspace';
import type { SlackChannel, SlackMessage } from '../workspace-types';
import { booleanArg, channelArg, optionalString, requireNotArchived, requiredString } from './args';
import type { ApiArgs, MethodContext, MethodTable } from './context';
import { readMessageContent, type MessageContent } from './message-content';

/** chat.* methods. */
export const chatMethods: MethodTable = {
  'chat.postMessage': postMessage,
  'chat.postEphemeral': postEphemeral,
  'chat.update': update,
  'chat.delete': remove,
  'chat.getPermalink': getPermalink,
};

function postMessage(ctx: MethodContext, args: ApiArgs) {
  const ws = ctx.workspace;
  const channel = postTarget(ws, args);
  const content = readMessageContent(args);
  const threadTs = optionalString(args, 'thread_ts');
  if (threadTs !== undefined && !isTs(threadTs)) {
    throw new SlackApiError('invalid_thread_ts', [`[ERROR] ${threadTs} is not a valid thread_ts`]);
  }
  const message = botMessage(ws, content);
  if (threadTs === undefined) {
    ws.store.addTopLevel(channel.id, message);
  } else {
    const parent = ws.store.find(channel.id, threadTs)?.message;
    message.thread_ts = threadTs;
    message.parent_user_id = parent?.user;
    const broadcast = booleanArg(args, 'reply_broadcast');
    if (broadcast) message.subtype = 'thread_broadcast';
    ws.store.addReply(channel.id, threadTs, message, broadcast);
  }
  ctx.onBotMessage(channel.id, message);
  return { channel: channel.id, ts: message.ts, message: { ...message } };
}

function postEphemeral(ctx: MethodContext, args: ApiArgs) {
  const ws = ctx.workspace;
  const channel = postTarget(ws, args);
  const userId = requiredString(args, 'user', 'user_not_found');
  if (!ws.users.has(userId)) throw new SlackApiError('user_not_found');
  if (!channel.members.includes(userId)) throw new SlackApiError('user_not_in_channel');
  const content = readMessageContent(args);
  const ts = ws.clock.next();
  ws.store.addEphemeral({
    channel: channel.id,
    user: userId,
    ts,
    text: content.text ?? '',
    blocks: content.blocks,
    attachments: content.attachments,
    thread_ts: optionalString(args, 'thread_ts'),
    source: 'chat.postEphemeral',
  });
  return { message_ts: ts };
}

function update(ctx: MethodContext, args: ApiArgs) {
  const ws = ctx.workspace;
  const channel = channelArg(ws, args);
  const ts = requiredString(args, 'ts', 'message_not_found');
  const message = ws.store.find(channel.id, ts)?.message;
  if (!message) throw new SlackApiError('message_not_found');
  if (message.bot_id !== ws.bot.botId) throw new SlackApiError('cant_update_message');
  const content = readMessageContent(args);
  if (content.text !== undefined) message.text = content.text;
  if (content.blocks !== undefined) message.blocks = content.blocks.length > 0 ? content.blocks : undefined;
  if (content.attachments !== undefined) message.attachments = content.attachments;
  message.edited = { user: ws.bot.userId, ts: ws.clock.next() };
  const shown = { text: message.text, user: message.user, bot_id: message.bot_id, blocks: message.blocks, attachments: message.attachments };
  return { channel: channel.id, ts, text: message.text, message: shown };
}

function remove(ctx: MethodContext, args: ApiArgs) {
  const ws = ctx.workspace;
  const channel = channelArg(ws, args);
  const ts = requiredString(args, 'ts', 'message_not_found');
  const message = ws.store.find(channel.id, ts)?.message;
  if (!message) throw new SlackApiError('message_not_found');
  if (message.bot_id !== ws.bot.botId) throw new SlackApiError('cant_delete_message');
  ws.store.remove(channel.id, ts);
  return { channel: channel.id, ts };
}

function getPermalink(ctx: MethodContext, args: ApiArgs) {
  const ws = ctx.workspace;
  const channel = channelArg(ws, args);
  const ts = requiredString(args, 'message_ts', 'message_not_found');
  const found = ws.store.find(channel.id, ts);
  if (!found) throw new SlackApiError('message_not_found');
  return { channel: channel.id, permalink: permalinkFor(ws, channel.id, ts, found.threadTs) };
}

/** Builds the permalink Slack gives a message ('https://<domain>.slack.com/archives/C…/p…'). */
export function permalinkFor(ws: Workspace, channelId: string, ts: string, threadTs?: string): string {
  const base = `https://${ws.team.domain}.slack.com/archives/${channelId}/p${ts.replace('.', '')}`;
  return threadTs && threadTs !== ts ? `${base}?thread_ts=${threadTs}&cid=${channelId}` : base;
}

/** Builds a message authored by the bot. */
export function botMessage(ws: Workspace, content: MessageContent): SlackMessage {
  return {
    type: 'message',
    ts: ws.clock.next(),
    text: content.text ?? '',
    user: ws.bot.userId,
    bot_id: ws.bot.botId,
    app_id: ws.bot.appId,
    team: ws.team.id,
    blocks: content.blocks,
    attachments: content.attachments,
    metadata: content.metadata,
  };
}

/** Resolves where the bot may post: a channel id or name, or a user id (its direct-message channel). */
function postTarget(ws: Workspace, args: ApiArgs): SlackChannel {
  const target = requiredString(args, 'channel', 'channel_not_found');
  const user = ws.users.get(target);
  const channel = user && !user.is_bot ? ws.imWith(user.id) : channelArg(ws, args);
  requireNotArchived(channel);
  if (channel.is_private && !ws.isMember(channel.id)) throw new SlackApiError('not_in_channel');
  return channel;
}
