import { SlackApiError } from './api-error';
import { randomHex } from './ids';

interface TriggerEntry {
  userId: string;
  issuedAt: number;
  used: boolean;
}

/** Trigger ids handed out with slash commands and interactions: single use, valid for a few seconds. */
export class TriggerRegistry {
  private readonly entries = new Map<string, TriggerEntry>();
  private counter = 0;

  constructor(
    private readonly ttlMs = 3000,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** Issues a fresh trigger id for a user's action. */
  issue(userId: string): string {
    this.counter += 1;
    const id = `${this.counter}${randomHex(3)}.${Math.floor(this.nowMs() / 1000)}.${randomHex(32)}`;
    this.entries.set(id, { userId, issuedAt: this.nowMs(), used: false });
    return id;
  }

  /** Exchanges a trigger id for the user it was issued to; throws Slack's error when it cannot be used. */
  consume(triggerId: string): string {
    const entry = this.entries.get(triggerId);
    if (!entry) throw new SlackApiError('invalid_trigger_id', ['[ERROR] invalid `trigger_id`']);
    if (entry.used) throw new SlackApiError('exchanged_trigger_id');
    if (this.nowMs() - entry.issuedAt > this.ttlMs) throw new SlackApiError('expired_trigger_id');
    entry.used = true;
    return entry.userId;
  }
}
