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

/** Slack gives up on an Events API delivery not answered 2xx within this time, and retries it. */
const EVENT_DEADLINE_MS = 3000;

function retryReason(outcome: BotResponse | Error): string {
  if (outcome instanceof Error) return 'connection_failed';
  return outcome.elapsedMs > EVENT_DEADLINE_MS ? 'http_timeout' : 'http_error';
}

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
    /** Pauses before redelivering an event whose delivery failed; empty for no retries. */
    private readonly eventRetryDelaysMs: readonly number[] = [],
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

  /**
   * Wraps an event in an event_callback envelope and POSTs it as JSON, with retry headers when asked. When the
   * emulator retries events, a delivery that fails (no answer, not 2xx, or later than 3 s) is sent again after each
   * pause, signed anew and carrying X-Slack-Retry-Num and X-Slack-Retry-Reason, as Slack does; the last outcome counts.
   */
  async sendEvent(event: Record<string, unknown>, o: EventDelivery = {}): Promise<BotResponse> {
    if (this.droppingEvents) return { status: 0, body: '', elapsedMs: 0 };
    const eventId = o.eventId ?? this.app.workspace.ids.next('Ev');
    const body = JSON.stringify(eventEnvelope(this.app, event, eventId));
    let retryNum = o.retryNum;
    let reason = o.retryReason;
    for (let attempt = 0; ; attempt += 1) {
      const headers: Record<string, string> = {};
      if (retryNum !== undefined) {
        headers['X-Slack-Retry-Num'] = String(retryNum);
        headers['X-Slack-Retry-Reason'] = reason ?? 'http_timeout';
      }
      const outcome = await this.postToBot({ body, contentType: 'application/json', headers }).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
      const delivered = !(outcome instanceof Error) && outcome.status >= 200 && outcome.status < 300 && outcome.elapsedMs <= EVENT_DEADLINE_MS;
      if (delivered || attempt >= this.eventRetryDelaysMs.length) {
        if (outcome instanceof Error) throw outcome;
        return { ...outcome, retries: attempt };
      }
      await new Promise((resolve) => setTimeout(resolve, this.eventRetryDelaysMs[attempt]));
      retryNum = (retryNum ?? 0) + 1;
      reason = retryReason(outcome);
    }
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
