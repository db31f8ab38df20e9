import { ApiServer } from './api-server';
import { BotLink, type BotConnection, type EventDelivery, type RawBotRequest } from './bot-link';
import type { BotResponse } from './bot-transport';
import { FaultPlan } from './faults';
import type { ActionInput } from './interactions';
import { ResponseUrls } from './response-urls';
import { SlackSide } from './slack-side';
import { TriggerRegistry } from './triggers';
import { UserActivity, type MessageRef } from './user-activity';
import { ViewInteractions, type ViewStateValues } from './view-interactions';
import { Workspace, type SeedChannel, type SeedUser } from './workspace';
import type { SlackChannel, SlackMessage, SlackUser, Usergroup } from './workspace-types';

export type { BotResponse } from './bot-transport';

export interface EmulatorOptions {
  botToken?: string;
  signingSecret?: string;
  botRequestUrl?: string;
  teamId?: string;
  teamName?: string;
  teamDomain?: string;
  botUserId?: string;
  botId?: string;
  appId?: string;
  botName?: string;
  /** The legacy verification token put in every payload's `token` field. */
  verificationToken?: string;
  /** Deliver the bot's own posts back to it as `message` events, as Slack does (default false). */
  echoBotMessages?: boolean;
  /**
   * Redeliver an event whose delivery failed (no answer, not 2xx, or past 3 s) after each of these pauses, as Slack
   * does after about 0 s, 1 min and 5 min, with X-Slack-Retry-Num. Default: no retries.
   */
  eventRetryDelaysMs?: number[];
  /** How long trigger ids stay valid (Slack: 3 s). */
  triggerTtlMs?: number;
  /** The workspace's clock in milliseconds (message ts, created times); a test passes its driven clock. */
  now?: () => number;
}

/** A stateful Slack workspace on loopback: the Web API the bot calls, and the users who send it requests. */
export class SlackEmulator {
  readonly workspace: Workspace;
  private readonly faults = new FaultPlan();
  private readonly server: ApiServer;
  private readonly link: BotLink;
  private readonly side: SlackSide;
  private readonly viewSide: ViewInteractions;
  private readonly activity: UserActivity;
  private connection: Partial<BotConnection>;

  constructor(options: EmulatorOptions = {}) {
    const teamId = options.teamId ?? 'T0SANDBOX';
    this.workspace = new Workspace(
      { id: teamId, name: options.teamName ?? 'Sandbox', domain: options.teamDomain ?? 'sandbox' },
      {
        userId: options.botUserId ?? 'U0SANDBOT',
        botId: options.botId ?? 'B0SANDBOT',
        appId: options.appId ?? 'A0SANDBOX',
        name: options.botName ?? 'incident-bot',
      },
      options.now,
    );
    this.connection = {
      requestUrl: options.botRequestUrl,
      signingSecret: options.signingSecret ?? 'sandbox-signing-secret',
      botToken: options.botToken ?? 'xoxb-sandbox-token',
    };
    const triggers = new TriggerRegistry(options.triggerTtlMs ?? 3000);
    const onBotMessage = (channelId: string, message: SlackMessage) => this.side.deliverBotMessage(channelId, message);
    const responseUrls = new ResponseUrls(this.workspace, onBotMessage);
    this.server = new ApiServer({
      workspace: this.workspace, faults: this.faults, triggers, responseUrls,
      botToken: () => this.connection.botToken ?? '', onBotMessage,
    });
    const app = { workspace: this.workspace, verificationToken: options.verificationToken ?? 'sandbox-verification-token' };
    this.link = new BotLink(app, () => this.botConnection(), options.eventRetryDelaysMs);
    const baseUrl = () => this.server.baseUrl;
    this.side = new SlackSide({ link: this.link, triggers, responseUrls, baseUrl, echoBotMessages: options.echoBotMessages ?? false });
    this.viewSide = new ViewInteractions(this.link, triggers);
    this.activity = new UserActivity({ workspace: this.workspace, send: (event) => this.link.sendEvent(event) });
  }

  /** Starts the HTTP server on 127.0.0.1 (port 0 picks a free one). */
  start(port = 0): Promise<void> {
    return this.server.start(port);
  }

  /** Waits for background deliveries, then stops the server. */
  async stop(): Promise<void> {
    await this.link.settle();
    await this.server.stop();
  }

  /** The Web API base URL to give WebClient as `slackApiUrl`. */
  get apiUrl(): string {
    return `${this.server.baseUrl}/api/`;
  }

  /** 'http://127.0.0.1:PORT', where response_urls and upload URLs live. */
  get baseUrl(): string {
    return this.server.baseUrl;
  }

  /** The bot's user id (what `<@…>` mentions of the bot contain). */
  get botUserId(): string {
    return this.workspace.bot.userId;
  }

  /** Tells the emulator where the bot listens and which secrets it uses. */
  connectBot(o: BotConnection): void {
    this.connection = { ...o };
  }

  /** Seeds a user. */
  addUser(u: SeedUser): SlackUser {
    return this.workspace.addUser(u);
  }

  /** Seeds a channel with exactly `members` (include botUserId for the bot; only the bot when omitted). */
  addChannel(c: SeedChannel): SlackChannel {
    return this.workspace.addChannel(c);
  }

  /** Seeds a user group. */
  addUsergroup(g: { id?: string; handle: string; name?: string; users: string[] }): Usergroup {
    return this.workspace.addUsergroup(g);
  }

  /** The next `times` calls to `method` ('*' for any) get HTTP 429 with Retry-After. */
  rateLimit(method: string, o: { times: number; retryAfterSeconds: number }): void {
    this.faults.rateLimit(method, o);
  }

  /** The next `times` calls to `method` ('*' for any) fail: HTTP `status`, or `{ ok: false, error }`. */
  failNext(method: string, o: { times: number; status?: number; error?: string }): void {
    this.faults.failNext(method, o);
  }

  /** A user runs a slash command (default '/incident'). */
  slashCommand(o: { user: string; channel: string; command?: string; text: string; retryNum?: number }): Promise<BotResponse> {
    return this.side.slashCommand(o);
  }

  /** A user clicks a button in a stored message (channel + messageTs) or an open view (viewId). */
  clickButton(o: ActionInput): Promise<BotResponse> {
    return this.side.clickButton(o);
  }

  /** A user picks in a select, date picker, radio group… `value` is the option value / user / channel / date. */
  selectOption(o: ActionInput): Promise<BotResponse> {
    return this.side.selectOption(o);
  }

  /** A user submits the modal on top of their stack with these state values. */
  submitView(o: { user: string; viewId: string; values: ViewStateValues }): Promise<BotResponse> {
    return this.viewSide.submitView(o);
  }

  /** A user closes the modal on top of their stack (status 0 when the view did not ask for view_closed). */
  closeView(o: { user: string; viewId: string }): Promise<BotResponse> {
    return this.viewSide.closeView(o);
  }

  /** A user posts a message (or a thread reply); the bot gets the message event, and app_mention when mentioned. */
  postMessage(o: { user: string; channel: string; text: string; threadTs?: string }): Promise<{ ts: string; response: BotResponse; mentionResponse?: BotResponse }> {
    return this.side.postMessage(o);
  }

  /** The author edits a message; the bot gets message_changed. */
  editMessage(o: MessageRef & { text: string }): Promise<BotResponse> {
    return this.activity.editMessage(o);
  }

  /** The author deletes a message; the bot gets message_deleted (or a tombstone for a thread parent). */
  deleteMessage(o: MessageRef): Promise<BotResponse> {
    return this.activity.deleteMessage(o);
  }

  /** A user reacts to a message (`name` without colons); the bot gets reaction_added. */
  addReaction(o: MessageRef & { name: string }): Promise<BotResponse> {
    return this.activity.addReaction(o);
  }

  /** A user takes a reaction back; the bot gets reaction_removed. */
  removeReaction(o: MessageRef & { name: string }): Promise<BotResponse> {
    return this.activity.removeReaction(o);
  }

  /** A member pins a message; the bot gets pin_added. */
  pinMessage(o: MessageRef): Promise<BotResponse> {
    return this.activity.pinMessage(o);
  }

  /** A member unpins a message; the bot gets pin_removed. */
  unpinMessage(o: MessageRef): Promise<BotResponse> {
    return this.activity.unpinMessage(o);
  }

  /**
   * Stops (true) or resumes (false) delivering events, as when the app is down long enough for Slack to give up
   * retrying: messages, edits, reactions and pins are still stored, the app hears none of them.
   */
  dropEvents(dropping: boolean): void {
    this.link.droppingEvents = dropping;
  }

  /** Sends any event to the bot in a signed event_callback envelope. */
  sendEvent(event: Record<string, unknown>, o?: EventDelivery): Promise<BotResponse> {
    return this.link.sendEvent(event, o);
  }

  /** POSTs a raw body to the bot (signed unless `signature` is given), for negative tests. */
  postToBot(o: RawBotRequest): Promise<BotResponse> {
    return this.link.postToBot(o);
  }

  /** Waits until events delivered in the background (echoed bot messages) have been answered. */
  settle(): Promise<void> {
    return this.link.settle();
  }

  private botConnection(): BotConnection {
    const { requestUrl, signingSecret, botToken } = this.connection;
    if (!requestUrl) throw new Error('No bot connected: call connectBot() or pass botRequestUrl');
    return { requestUrl, signingSecret: signingSecret ?? '', botToken: botToken ?? '' };
  }
}
