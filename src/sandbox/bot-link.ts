import { postSigned, type BotResponse } from './bot-transport';
import { eventEnvelope, type AppContext } from './payloads';

/** Where the bot listens and the secrets it shares with Slack. */
export interface BotConnection {
  requestUrl: string;
  signingSecret: string;
  botToken: string;
}

export interface RawBotRequest {
  body: string;
  contentType: string;
  timestamp?: number;
  signature?: string;
  headers?: Record<string, string>;
}

export interface EventDelivery {
  eventId?: string;
  retryNum?: number;
  retryReason?: string;
}

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/** Sends Slack's signed requests to the bot: forms, interaction payloads and Events API envelopes. */
export class BotLink {
  private readonly pending = new Set<Promise<unknown>>();
  /** Failures of deliveries made in the background (echoed bot messages). */
  readonly backgroundErrors: Error[] = [];
  /** True while Slack gives up on delivering events (the app is down): what people do is kept, the app hears nothing. */
  droppingEvents = false;

  constructor(
    readonly app: AppContext,
    private readonly connection: () => BotConnection,
  ) {}

  /** POSTs any body to the bot, signed unless a signature is given. */
  postToBot(o: RawBotRequest): Promise<BotResponse> {
    const { requestUrl, signingSecret } = this.connection();
    return postSigned({ url: requestUrl, signingSecret, ...o });
  }

  /** POSTs a form body (slash commands). */
  sendForm(body: string, headers?: Record<string, string>): Promise<BotResponse> {
    return this.postToBot({ body, contentType: FORM_CONTENT_TYPE, headers });
  }

  /** POSTs an interaction payload as Slack does: a form with one `payload` field. */
  sendInteraction(payload: Record<string, unknown>): Promise<BotResponse> {
    return this.sendForm(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
  }

  /** Wraps an event in an event_callback envelope and POSTs it as JSON, with retry headers when asked. */
  sendEvent(event: Record<string, unknown>, o: EventDelivery = {}): Promise<BotResponse> {
    if (this.droppingEvents) return Promise.resolve({ status: 0, body: '', elapsedMs: 0 });
    const eventId = o.eventId ?? this.app.workspace.ids.next('Ev');
    const body = JSON.stringify(eventEnvelope(this.app, event, eventId));
    const headers: Record<string, string> = {};
    if (o.retryNum !== undefined) {
      headers['X-Slack-Retry-Num'] = String(o.retryNum);
      headers['X-Slack-Retry-Reason'] = o.retryReason ?? 'http_timeout';
    }
    return this.postToBot({ body, contentType: 'application/json', headers });
  }

  /** Delivers an event without waiting for it; settle() waits for all such deliveries. */
  sendEventInBackground(event: Record<string, unknown>): void {
    const delivery = this.sendEvent(event).catch((error: unknown) => {
      this.backgroundErrors.push(error instanceof Error ? error : new Error(String(error)));
    });
    this.pending.add(delivery);
    void delivery.finally(() => this.pending.delete(delivery));
  }

  /** Waits until every background delivery has been answered. */
  async settle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}
