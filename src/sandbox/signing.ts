import { createHmac } from 'node:crypto';

/** Computes Slack's request signature: 'v0=' + hex HMAC-SHA256 of 'v0:<timestamp>:<body>'. */
export function signSlackRequest(signingSecret: string, timestamp: number, rawBody: string): string {
  const digest = createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex');
  return `v0=${digest}`;
}

/** Builds the two headers Slack adds to every request it sends to an app. */
export function signatureHeaders(signingSecret: string, rawBody: string, timestamp?: number): Record<string, string> {
  const ts = timestamp ?? Math.floor(Date.now() / 1000);
  return {
    'X-Slack-Request-Timestamp': String(ts),
    'X-Slack-Signature': signSlackRequest(signingSecret, ts, rawBody),
  };
}
