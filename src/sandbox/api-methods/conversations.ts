import { SlackApiError } from '../api-error';
import { channelForApi } from '../directory';
import type { Workspace } from '../workspace';
import type { SlackChannel } from '../workspace-types';
import {
  booleanArg,
  channelArg,
  listArg,
  optionalString,
  pageByOffset,
  requireBotMember,
  requireNotArchived,
} from './args';
import type { ApiArgs, MethodContext, MethodTable } from './context';

const MAX_NAME_LENGTH = 80;
const MAX_TOPIC_LENGTH = 250;
const MAX_INVITES = 1000;

/** conversations.* methods that manage channels (history and replies live in conversation-history.ts). */
export const conversationMethods: MethodTable = {
  'conversations.create': create,
  'conversations.info': info,
  'conversations.list': list,
  'conversations.invite': invite,
  'conversations.join': join,
  'conversations.members': members,
  'conversations.setTopic': (ctx, args) => setText(ctx, args, 'topic'),
  'conversations.setPurpose': (ctx, args) => setText(ctx, args, 'purpose'),
  'conversations.rename': rename,
  'conversations.archive': archive,
  'conversations.open': openDirect,
};

/** Checks a channel name against Slack's rules; throws the matching invalid_name_* / name_taken error. */
export function checkChannelName(ws: Workspace, name: string | undefined, exceptId?: string): string {
  if (name === undefined || name.trim() === '') throw new SlackApiError('invalid_name_required');
  if (name.length > MAX_NAME_LENGTH) throw new SlackApiError('invalid_name_maxlength');
  if (!/^[a-z0-9_-]+$/.test(name)) throw new SlackApiError('invalid_name_specials');
  if (/^[-_]+$/.test(name)) throw new SlackApiError('invalid_name_punctuation');
  const taken = [...ws.channels.values()].some((c) => !c.is_im && c.name === name && c.id !== exceptId);
  if (taken) throw new SlackApiError('name_taken');
  return name;
}

function create(ctx: MethodContext, args: ApiArgs) {
  const ws = ctx.workspace;
  const name = checkChannelName(ws, optionalString(args, 'name'));
  const isPrivate = booleanArg(args, 'is_private');
  const channel = ws.insertChannel({
    id: ws.ids.next(isPrivate ? 'G' : 'C'),
    name,
    isPrivate,
    members: [ws.bot.userId],
    creator: ws.bot.userId,
    created: ws.nowSeconds(),
  });
  return { channel: show(ws, channel) };
}

function info(ctx: MethodContext, args: ApiArgs) {
  const channel = channelArg(ctx.workspace, args);
  if (channel.is_private && !ctx.workspace.isMember(channel.id)) throw new SlackApiError('channel_not_found');
  return { channel: show(ctx.workspace, channel, booleanArg(args, 'include_num_members')) };
}

function list(ctx: MethodContext, args: ApiArgs) {
  const ws = ctx.workspace;
  const types = new Set(listArg(args, 'types').length > 0 ? listArg(args, 'types') : ['public_channel']);
  const excludeArchived = booleanArg(args, 'exclude_archived');
  const visible = [...ws.channels.values()].filter(
    (c) =>
      typeOf(c, types) &&
      !(excludeArchived && c.is_archived) &&
      (!c.is_private || ws.isMember(c.id)),
  );
  const { page, next } = pageByOffset(visible, args, 'offset:');
  return { channels: page.map((c) => show(ws, c)), response_metadata: { next_cursor: next } };
}

function typeOf(c: SlackChannel, types: Set<string>): boolean {
  if (c.is_im) return types.has('im');
  return types.has(c.is_private ? 'private_channel' : 'public_channel');
}

function invite(ctx: MethodContext, args: ApiArgs) {
  const ws = ctx.workspace;
  const channel = channelArg(ws, args);
  requireNotArchived(channel);
  if (channel.is_im) throw new SlackApiError('method_not_supported_for_channel_type');
  requireBotMember(ws, channel);
  const userIds = listArg(args, 'users');
  if (userIds.length === 0) throw new SlackApiError('no_user');
  if (userIds.length > MAX_INVITES) throw new SlackApiError('too_many_users');
  for (const userId of userIds) {
    if (!ws.users.has(userId)) throw new SlackApiError('user_not_found');
    if (userId === ws.bot.userId) throw new SlackApiError('cant_invite_self');
    if (channel.members.includes(userId)) throw new SlackApiError('already_in_channel');
  }
  channel.members.push(...userIds);
  return { channel: show(ws, channel) };
}

function join(ctx: MethodContext, args: ApiArgs) {
  const ws = ctx.workspace;
  const channel = channelArg(ws, args);
  requireNotArchived(channel);
  if (channel.is_private || channel.is_im) throw new SlackApiError('method_not_supported_for_channel_type');
  if (ws.isMember(channel.id)) {
    return { channel: show(ws, channel), warning: 'already_in_channel', response_metadata: { warnings: ['already_in_channel'] } };
  }
  channel.members.push(ws.bot.userId);
  return { channel: show(ws, channel) };
}

function members(ctx: MethodContext, args: ApiArgs) {
  const ws = ctx.workspace;
  const channel = channelArg(ws, args);
  if (channel.is_private && !ws.isMember(channel.id)) throw new SlackApiError('channel_not_found');
  const { page, next } = pageByOffset(channel.members, args, 'member:');
  return { members: page, response_metadata: { next_cursor: next } };
}

function setText(ctx: MethodContext, args: ApiArgs, field: 'topic' | 'purpose') {
  const ws = ctx.workspace;
  const channel = channelArg(ws, args);
  requireNotArchived(channel);
  requireBotMember(ws, channel);
  const value = optionalString(args, field) ?? '';
  if (value.length > MAX_TOPIC_LENGTH) throw new SlackApiError('too_long');
  channel[field] = { value, creator: ws.bot.userId, last_set: ws.nowSeconds() };
  return { channel: show(ws, channel) };
}

function rename(ctx: MethodContext, args: ApiArgs) {
  const ws = ctx.workspace;
  const channel = channelArg(ws, args);
  if (channel.is_im) throw new SlackApiError('method_not_supported_for_channel_type');
  requireBotMember(ws, channel);
  const name = checkChannelName(ws, optionalString(args, 'name'), channel.id);
  if (name !== channel.name) channel.previous_names = [channel.name, ...channel.previous_names];
  channel.name = name;
  channel.name_normalized = name;
  return { channel: show(ws, channel) };
}

function archive(ctx: MethodContext, args: ApiArgs) {
  const ws = ctx.workspace;
  const channel = channelArg(ws, args);
  if (channel.is_im) throw new SlackApiError('method_not_supported_for_channel_type');
  if (channel.is_archived) throw new SlackApiError('already_archived');
  if (channel.is_general) throw new SlackApiError('cant_archive_general');
  requireBotMember(ws, channel);
  channel.is_archived = true;
  return {};
}

function openDirect(ctx: MethodContext, args: ApiArgs) {
  const ws = ctx.workspace;
  const userIds = listArg(args, 'users');
  if (userIds.length === 0) throw new SlackApiError('users_list_not_supplied');
  if (userIds.length > 1) throw new SlackApiError('method_not_supported_for_channel_type');
  const user = ws.users.get(userIds[0]);
  if (!user || user.is_bot) throw new SlackApiError('user_not_found');
  const channel = ws.imWith(user.id);
  return { channel: booleanArg(args, 'return_im') ? show(ws, channel) : { id: channel.id } };
}

function show(ws: Workspace, channel: SlackChannel, withCount = false): Record<string, unknown> {
  return channelForApi(channel, ws.bot.userId, withCount);
}
