/** A failure queued for the next call(s) to a Web API method. */
export type Fault =
  | { kind: 'ratelimit'; retryAfterSeconds: number }
  | { kind: 'fail'; status: number; error: string };

/** Failures tests ask for: rate limits and errors, served in the order they were queued. Method '*' matches any. */
export class FaultPlan {
  private readonly queues = new Map<string, Fault[]>();

  /** Queues `times` HTTP 429 answers with a Retry-After header. */
  rateLimit(method: string, o: { times: number; retryAfterSeconds: number }): void {
    this.enqueue(method, o.times, { kind: 'ratelimit', retryAfterSeconds: o.retryAfterSeconds });
  }

  /** Queues `times` failures: HTTP `status` when given, else HTTP 200 with `{ ok: false, error }`. */
  failNext(method: string, o: { times: number; status?: number; error?: string }): void {
    const status = o.status ?? (o.error ? 200 : 500);
    this.enqueue(method, o.times, { kind: 'fail', status, error: o.error ?? 'internal_error' });
  }

  /** Takes the next queued failure for the method, if any. */
  take(method: string): Fault | undefined {
    for (const key of [method, '*']) {
      const queue = this.queues.get(key);
      if (queue && queue.length > 0) return queue.shift();
    }
    return undefined;
  }

  /** Drops every queued failure. */
  clear(): void {
    this.queues.clear();
  }

  private enqueue(method: string, times: number, fault: Fault): void {
    const queue = this.queues.get(method) ?? [];
    for (let i = 0; i < times; i += 1) queue.push(fault);
    this.queues.set(method, queue);
  }
}
