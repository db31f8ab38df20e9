import { SlackApiError } from '../api-error';
import { isTs } from '../ids';
import { addReactionTo, pinTo, removeReactionFrom, unpinFrom } from '../message-marks';
import type { Workspace } from '../workspace';
import type { SlackChannel, SlackMessage } from '../workspace-types';
import { channelArg, optionalString, requireBotMember, requiredString } from './args';
import type { ApiArgs, MethodContext, MethodTable } from './context';

/** pins.*, reactions.* and bookmarks.* methods. */
export const pinReactionBookmarkMethods: MethodTable = {
  'pins.add': pinAdd,
  'pins.remove': pinRemove,
  'pins.list': pinList,
  'reactions.add': reactionAdd,
  'reactions.remove': reactionRemove,
  'bookmarks.add': bookmarkAdd,
  'bookmarks.list': bookmarkList,
  'bookmarks.remove': bookmarkRemove,
};

function targetMessage(ws: Workspace, args: ApiArgs): { channel: SlackChannel; message: SlackMessage } {
  const channel = channelArg(ws, args);
  if (channel.is_private && !ws.isMember(channel.id)) throw new SlackApiError('channel_not_found');
  const ts = optionalString(args, 'timestamp');
  if (ts === undefined) throw new SlackApiError('no_item_specified');
  if (!isTs(ts)) throw new SlackApiError('bad_timestamp');
  const message = ws.store.find(channel.id, ts)?.message;
  if (!message) throw new SlackApiError('message_not_found');
  return { channel, message };
}

function pinAdd(ctx: MethodContext, args: ApiArgs) {
  const ws = ctx.workspace;
  const { channel, message } = targetMessage(ws, args);
  requireBotMember(ws, channel);
  pinTo(ws, channel.id, message, ws.bot.userId);
  return {};
}

function pinRemove(ctx: MethodContext, args: ApiArgs) {
  const ws = ctx.workspace;
  const { channel, message } = targetMessage(ws, args);
  unpinFrom(ws, channel.id, message);
  return {};
}

function pinList(ctx: MethodContext, args: ApiArgs) {
  const ws = ctx.workspace;
  const channel = channelArg(ws, args);
  const items = ws.pins(channel.id).map((p) => ({
    type: 'message',
    channel: p.channel,
    created: p.created,
    created_by: p.created_by,
    message: { ...ws.store.find(p.channel, p.ts)?.message },
  }));
  return { items };
}

function reactionName(args: ApiArgs): string {
  const name = optionalString(args, 'name')?.replace(/^:|:$/g, '');
  if (!name || !/^[a-z0-9_+'-]+(::skin-tone-\d)?$/.test(name)) throw new SlackApiError('invalid_name');
  return name;
}

function reactionAdd(ctx: MethodContext, args: ApiArgs) {
  const ws = ctx.workspace;
  const name = reactionName(args);
  const { message } = targetMessage(ws, args);
  addReactionTo(message, name, ws.bot.userId);
  return {};
}

function reactionRemove(ctx: MethodContext, args: ApiArgs) {
  const ws = ctx.workspace;
  const name = reactionName(args);
  const { message } = targetMessage(ws, args);
  removeReactionFrom(message, name, ws.bot.userId);
  return {};
}

function bookmarkAdd(ctx: MethodContext, args: ApiArgs) {
  const ws = ctx.workspace;
  const channel = channelArg(ws, args, 'channel_id');
  requireBotMember(ws, channel);
  const title = requiredString(args, 'title');
  const type = requiredString(args, 'type');
  if (type !== 'link') throw new SlackApiError('invalid_bookmark_type');
  const link = requiredString(args, 'link');
  if (!/^https?:\/\//.test(link)) throw new SlackApiError('invalid_link');
  const now = ws.nowSeconds();
  const bookmark = {
    id: ws.ids.next('Bk'),
    channel_id: channel.id,
    title,
    link,
    emoji: optionalString(args, 'emoji') ?? '',
    icon_url: null,
    type,
    entity_id: optionalString(args, 'entity_id') ?? null,
    date_created: now,
    date_updated: now,
    rank: String.fromCharCode(97 + ws.bookmarks(channel.id).length),
    last_updated_by_user_id: ws.bot.userId,
    last_updated_by_team_id: ws.team.id,
    shortcut_id: null,
    app_id: ws.bot.appId,
  };
  ws.bookmarkList.push(bookmark);
  return { bookmark };
}

function bookmarkList(ctx: MethodContext, args: ApiArgs) {
  const channel = channelArg(ctx.workspace, args, 'channel_id');
  return { bookmarks: ctx.workspace.bookmarks(channel.id) };
}

function bookmarkRemove(ctx: MethodContext, args: ApiArgs) {
  const ws = ctx.workspace;
  const channel = channelArg(ws, args, 'channel_id');
  const id = requiredString(args, 'bookmark_id');
  const index = ws.bookmarkList.findIndex((b) => b.id === id && b.channel_id === channel.id);
  if (index < 0) throw new SlackApiError('not_found');
  ws.bookmarkList.splice(index, 1);
  return {};
}
