import type { Workspace } from './workspace';
import type { EphemeralMessage, SlackChannel, SlackMessage, SlackView } from './workspace-types';

/** Which part of the workspace the page shows: as whom, which channel, which thread. */
export interface StateQuery {
  user: string;
  channel?: string;
  thread?: string;
}

/** A channel in the sidebar. */
export interface ChannelSummary {
  id: string;
  name: string;
  isPrivate: boolean;
  isIm: boolean;
  isMember: boolean;
  /** ts of the newest top-level message, for unread marks. */
  latest: string | null;
}

/** A message or an ephemeral message (only the viewer sees those), as the page renders it. */
export type ShownMessage = (SlackMessage & { ephemeral?: false }) | (EphemeralMessage & { ephemeral: true });

/** Everything the page needs to draw one user's screen. */
export interface SandboxState {
  team: { name: string };
  me: string;
  bot: { userId: string; name: string };
  users: { id: string; name: string; realName: string; isBot: boolean }[];
  channels: ChannelSummary[];
  channel: (ChannelSummary & { topic: string }) | null;
  messages: ShownMessage[];
  thread: { ts: string; parent: SlackMessage | null; messages: ShownMessage[] } | null;
  modal: { view: Omit<SlackView, 'private_metadata'>; errors: Record<string, string>; depth: number } | null;
}

/** A snapshot of the workspace as `query.user` sees it. */
export function sandboxState(ws: Workspace, query: StateQuery): SandboxState {
  if (!ws.users.has(query.user)) throw new Error(`Unknown user ${query.user}`);
  const visible = [...ws.channels.values()].filter((c) => isVisible(c, query.user));
  const current = query.channel ? visible.find((c) => c.id === query.channel) : undefined;
  return {
    team: { name: ws.team.name },
    me: query.user,
    bot: { userId: ws.bot.userId, name: ws.bot.name },
    users: [...ws.users.values()].map((u) => ({ id: u.id, name: u.name, realName: u.real_name, isBot: u.is_bot })),
    channels: visible.map((c) => summarise(ws, c, query.user)).sort(byName),
    channel: current ? { ...summarise(ws, current, query.user), topic: current.topic.value } : null,
    messages: current ? channelMessages(ws, current.id, query.user) : [],
    thread: current && query.thread ? threadOf(ws, current.id, query.thread, query.user) : null,
    modal: topModal(ws, query.user),
  };
}

function isVisible(channel: SlackChannel, userId: string): boolean {
  if (channel.is_archived) return false;
  if (channel.is_im) return channel.user === userId;
  return !channel.is_private || channel.members.includes(userId);
}

function summarise(ws: Workspace, c: SlackChannel, userId: string): ChannelSummary {
  const top = ws.messages(c.id);
  return {
    id: c.id,
    name: c.is_im ? ws.bot.name : c.name,
    isPrivate: c.is_private,
    isIm: c.is_im,
    isMember: c.members.includes(userId),
    latest: top.length > 0 ? top[top.length - 1].ts : null,
  };
}

function byName(a: ChannelSummary, b: ChannelSummary): number {
  return Number(a.isIm) - Number(b.isIm) || a.name.localeCompare(b.name);
}

function channelMessages(ws: Workspace, channelId: string, userId: string): ShownMessage[] {
  const ephemerals = ws.ephemerals(channelId, userId).filter((e) => !e.thread_ts);
  return byTs([...ws.messages(channelId), ...ephemerals.map(asShown)]);
}

function threadOf(ws: Workspace, channelId: string, ts: string, userId: string): SandboxState['thread'] {
  const parent = ws.messages(channelId).find((m) => m.ts === ts) ?? null;
  const ephemerals = ws.ephemerals(channelId, userId).filter((e) => e.thread_ts === ts);
  return { ts, parent, messages: byTs([...ws.replies(channelId, ts), ...ephemerals.map(asShown)]) };
}

function asShown(e: EphemeralMessage): ShownMessage {
  return { ...e, ephemeral: true };
}

function byTs(list: ShownMessage[]): ShownMessage[] {
  return list.sort((a, b) => Number(a.ts) - Number(b.ts));
}

function topModal(ws: Workspace, userId: string): SandboxState['modal'] {
  const stack = ws.openViews(userId);
  const top = stack[stack.length - 1];
  if (!top) return null;
  const { private_metadata: _hidden, ...view } = top;
  return { view, errors: ws.viewErrors(top.id) ?? {}, depth: stack.length };
}
