import { randomBytes } from 'node:crypto';

/** Issues Slack-looking ids (C…, U…, V…) that are unique within one emulator. */
export class IdGenerator {
  private counter = 0;

  /** Returns the next id with the given one-letter prefix, e.g. 'C0000001A'. */
  next(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter.toString(36).toUpperCase().padStart(8, '0')}`;
  }
}

/** Hands out message timestamps ('1700000000.000100') that always increase. */
export class TsClock {
  private lastMicros = 0;

  constructor(private readonly nowMs: () => number = Date.now) {}

  /** Returns a ts string strictly greater than every earlier one. */
  next(): string {
    const micros = Math.max(this.nowMs() * 1000, this.lastMicros + 100);
    this.lastMicros = micros;
    return formatTs(micros);
  }
}

/** Formats microseconds since the epoch as Slack's 'seconds.micros' string. */
export function formatTs(micros: number): string {
  const seconds = Math.floor(micros / 1_000_000);
  const rest = Math.floor(micros % 1_000_000);
  return `${seconds}.${String(rest).padStart(6, '0')}`;
}

/** Returns true when the value looks like a Slack ts ('1234567890.123456'). */
export function isTs(value: string): boolean {
  return /^\d{9,10}\.\d{6}$/.test(value);
}

/** Converts a ts string to integer microseconds (safe: below 2^53 for any real date). */
export function tsToMicros(ts: string): number {
  const [seconds = '0', fraction = ''] = ts.split('.');
  return Number(seconds) * 1_000_000 + Number(fraction.padEnd(6, '0').slice(0, 6));
}

/** Compares two ts strings numerically. */
export function compareTs(a: string, b: string): number {
  return tsToMicros(a) - tsToMicros(b);
}

/** Returns random lowercase hex of the given length, for trigger ids, hashes and secrets. */
export function randomHex(length: number): string {
  return randomBytes(Math.ceil(length / 2)).toString('hex').slice(0, length);
}
