import { EventEmitter } from 'node:events';
import { buildChannel, buildUser, buildUsergroup, type NewChannel, type SeedChannel, type SeedUser } from './directory';
import { IdGenerator, TsClock } from './ids';
import { MessageStore } from './message-store';
import { ViewStore } from './view-store';
import type {
  ApiCallRecord,
  Bookmark,
  BotIdentity,
  EphemeralMessage,
  PinRecord,
  ReactionRecord,
  SlackChannel,
  SlackFile,
  SlackMessage,
  SlackUser,
  SlackView,
  TeamInfo,
  Usergroup,
} from './workspace-types';

export type { SeedChannel, SeedUser } from './directory';

/** The whole state of the emulated workspace; tests read it directly. */
export class Workspace {
  readonly ids = new IdGenerator();
  readonly clock: TsClock;
  readonly users = new Map<string, SlackUser>();
  readonly channels = new Map<string, SlackChannel>();
  readonly usergroups = new Map<string, Usergroup>();
  readonly files = new Map<string, SlackFile>();
  readonly calls: ApiCallRecord[] = [];
  readonly store = new MessageStore();
  readonly viewStore: ViewStore;
  readonly pinList: PinRecord[] = [];
  readonly bookmarkList: Bookmark[] = [];
  /** Emits 'change' with what changed (a Web API method, 'response_url', a user action) so a client can refresh. */
  readonly changes = new EventEmitter();

  constructor(
    readonly team: TeamInfo,
    readonly bot: BotIdentity,
    private readonly nowMs: () => number = Date.now,
  ) {
    this.clock = new TsClock(nowMs);
    this.viewStore = new ViewStore({ ids: this.ids, teamId: team.id, appId: bot.appId, botId: bot.botId });
    this.addUser({ id: bot.userId, name: bot.name, isBot: true });
  }

  /** Tells listeners (the sandbox page) that something a client shows may have changed. */
  notifyChange(what: string): void {
    this.changes.emit('change', what);
  }

  /** Current time in whole seconds, as Slack's `created`/`last_set` fields use. */
  nowSeconds(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  /** Adds a user (a human unless isBot). */
  addUser(u: SeedUser): SlackUser {
    const isBotUser = u.id === this.bot.userId;
    const user = buildUser(
      {
        ...u,
        id: u.id ?? this.ids.next('U'),
        teamId: this.team.id,
        botId: isBotUser ? this.bot.botId : undefined,
        appId: isBotUser ? this.bot.appId : undefined,
      },
      this.nowSeconds(),
    );
    this.users.set(user.id, user);
    return user;
  }

  /** Adds a channel with exactly the given members (only the bot when none are given); botIsMember overrides. */
  addChannel(c: SeedChannel): SlackChannel {
    const listed = c.members ?? [this.bot.userId];
    const botIn = c.botIsMember ?? listed.includes(this.bot.userId);
    const members = [...listed.filter((id) => id !== this.bot.userId), ...(botIn ? [this.bot.userId] : [])];
    return this.insertChannel({
      id: c.id ?? this.ids.next(c.isPrivate ? 'G' : 'C'),
      name: c.name,
      isPrivate: c.isPrivate,
      isGeneral: c.isGeneral,
      members,
      creator: c.creator ?? this.bot.userId,
      created: this.nowSeconds(),
    });
  }

  /** Stores a fully described channel. */
  insertChannel(c: NewChannel): SlackChannel {
    const channel = buildChannel(c);
    this.channels.set(channel.id, channel);
    return channel;
  }

  /** Adds a user group. */
  addUsergroup(g: { id?: string; handle: string; name?: string; users: string[] }): Usergroup {
    const group = buildUsergroup(
      { ...g, id: g.id ?? this.ids.next('S'), teamId: this.team.id, createdBy: this.bot.userId },
      this.nowSeconds(),
    );
    this.usergroups.set(group.id, group);
    return group;
  }

  /** Finds a channel by name (with or without '#'). */
  channelByName(name: string): SlackChannel | undefined {
    const bare = name.replace(/^#/, '');
    return [...this.channels.values()].find((c) => c.name === bare && !c.is_im);
  }

  /** Finds a channel by id, or by name as chat.postMessage also accepts. */
  resolveChannel(idOrName: string): SlackChannel | undefined {
    return this.channels.get(idOrName) ?? this.channelByName(idOrName);
  }

  /** Returns the direct-message channel between the bot and a user, opening it on first use. */
  imWith(userId: string): SlackChannel {
    const existing = [...this.channels.values()].find((c) => c.is_im && c.user === userId);
    if (existing) return existing;
    const id = this.ids.next('D');
    return this.insertChannel({
      id, name: id, isIm: true, imUser: userId, members: [userId, this.bot.userId],
      creator: userId, created: this.nowSeconds(),
    });
  }

  /** Whether a user (the bot by default) is a member of the channel. */
  isMember(channelId: string, userId: string = this.bot.userId): boolean {
    return this.channels.get(channelId)?.members.includes(userId) ?? false;
  }

  /** Top-level messages of a channel, oldest first. */
  messages(channelId: string): SlackMessage[] {
    return this.store.messages(channelId);
  }

  /** Replies in a thread, oldest first (the parent is not included). */
  replies(channelId: string, threadTs: string): SlackMessage[] {
    return this.store.replies(channelId, threadTs);
  }

  /** Ephemeral messages, from chat.postEphemeral, response_url posts and slash command answers. */
  ephemerals(channelId?: string, userId?: string): EphemeralMessage[] {
    return this.store.ephemerals(channelId, userId);
  }

  /** Pins of a channel, oldest first. */
  pins(channelId: string): PinRecord[] {
    return this.pinList.filter((p) => p.channel === channelId);
  }

  /** Reactions on messages, optionally of one channel and/or one message. */
  reactions(channelId?: string, ts?: string): ReactionRecord[] {
    const channelIds = channelId ? [channelId] : [...this.channels.keys()];
    return channelIds.flatMap((ch) =>
      this.allMessages(ch)
        .filter((m) => ts === undefined || m.ts === ts)
        .flatMap((m) => (m.reactions ?? []).map((r) => ({ channel: ch, ts: m.ts, name: r.name, users: [...r.users] }))),
    );
  }

  /** Bookmarks of a channel. */
  bookmarks(channelId: string): Bookmark[] {
    return this.bookmarkList.filter((b) => b.channel_id === channelId);
  }

  /** Every known view (open modals and home tabs), by id. */
  get views(): Map<string, SlackView> {
    return this.viewStore.views;
  }

  /** The user's open modal stack, bottom first. */
  openViews(userId: string): SlackView[] {
    return this.viewStore.openViews(userId);
  }

  /** The user's published home tab. */
  homeView(userId: string): SlackView | undefined {
    return this.viewStore.homeView(userId);
  }

  /** Field errors the app returned for the last submission of a view. */
  viewErrors(viewId: string): Record<string, string> | undefined {
    return this.viewStore.errors(viewId);
  }

  /** API calls made with a given method name. */
  callsTo(method: string): ApiCallRecord[] {
    return this.calls.filter((c) => c.method === method);
  }

  private allMessages(channelId: string): SlackMessage[] {
    const top = this.messages(channelId);
    const replies = top.filter((m) => (m.reply_count ?? 0) > 0).flatMap((m) => this.replies(channelId, m.ts));
    return [...new Set([...top, ...replies])];
  }
}
