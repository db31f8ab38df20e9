import { createHash } from 'node:crypto';

/** A command's output as it arrives: every byte kept for the store, the SHA-256 computed on the way. */
export class OutputBuffer {
  private readonly chunks: Buffer[] = [];
  private readonly hash = createHash('sha256');
  bytes = 0;

  append(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.hash.update(chunk);
    this.bytes += chunk.length;
  }

  /** The last `n` bytes (fewer when the output is shorter), without copying the rest. */
  tail(n: number): Buffer {
    const picked: Buffer[] = [];
    let size = 0;
    for (let i = this.chunks.length - 1; i >= 0 && size < n; i--) {
      picked.unshift(this.chunks[i]);
      size += this.chunks[i].length;
    }
    const joined = Buffer.concat(picked);
    return joined.subarray(Math.max(0, joined.length - n));
  }

  all(): Buffer {
    return Buffer.concat(this.chunks);
  }

  sha256(): string {
    return this.hash.copy().digest('hex');
  }
}

/**
 * Shares Slack's chat.update budget (tier 3, about 50 a minute per workspace) between every running command:
 * progress updates take a token or are skipped; final results never ask, they always go out.
 */
export class ProgressGate {
  private tokens: number;
  private last = Date.now();

  constructor(
    private readonly perMinute = 40,
    private readonly burst = 10,
  ) {
    this.tokens = burst;
  }

  /** Takes a token if one is left. */
  tryTake(): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 60_000) * this.perMinute);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/**
 * Calls `update` at most every `everyMs` while work goes on, never two at once (a slow or rate-limited call
 * just delays the next one), and skips a turn when the gate has no token left.
 */
export function throttledUpdates(update: () => Promise<void>, everyMs: number, gate: ProgressGate): { poke(): void; stop(): Promise<void> } {
  let inFlight: Promise<void> | null = null;
  let dirty = false;
  let stopped = false;
  const tick = () => {
    if (stopped || inFlight || !dirty || !gate.tryTake()) return;
    dirty = false;
    inFlight = update()
      .catch(() => undefined)
      .finally(() => {
        inFlight = null;
      });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    poke: () => {
      dirty = true;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await inFlight;
    },
  };
}

/** Work that outlives the Slack request that started it (a command run), so a shutdown can wait for it. */
export class BackgroundWork {
  private readonly running = new Set<Promise<unknown>>();

  /** Starts tracking `work`; its failure goes to `onError` instead of becoming an unhandled rejection. */
  track(work: Promise<unknown>, onError: (err: unknown) => void): void {
    const tracked = work.catch(onError).finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }

  /** Resolves when all tracked work is done, or after `timeoutMs`; true when it all finished. */
  async settle(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const done = (async () => {
      while (this.running.size > 0) await Promise.all(this.running);
      return true;
    })();
    const result = await Promise.race([done, gaveUp]);
    clearTimeout(timer);
    return result;
  }
}
