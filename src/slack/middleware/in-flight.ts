import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';

/** Counts listener runs still going after their ack, so a shutdown can let them finish. */
export class InFlightWork {
  private running = 0;
  private waiters: (() => void)[] = [];

  /** Global middleware: wraps every listener run. */
  middleware(): Middleware<AnyMiddlewareArgs> {
    return async ({ next }) => {
      this.running += 1;
      try {
        await next();
      } finally {
        this.running -= 1;
        if (this.running === 0) this.waiters.splice(0).forEach((wake) => wake());
      }
    };
  }

  /** Resolves when no listener is running, or after `timeoutMs`; true when everything finished. */
  async idle(timeoutMs: number): Promise<boolean> {
    if (this.running === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const finished = new Promise<boolean>((resolve) => this.waiters.push(() => resolve(true)));
    const gaveUp = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const result = await Promise.race([finished, gaveUp]);
    clearTimeout(timer);
    return result;
  }
}
