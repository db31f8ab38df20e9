import { request } from 'node:http';
import { request as requestTls } from 'node:https';
import { signatureHeaders } from './signing';

/** The bot's HTTP answer to a request from the emulator. */
export interface BotResponse {
  status: number;
  body: string;
  /** The body parsed as JSON, when it is JSON. */
  json?: unknown;
  /** How long the bot took to answer; Slack gives up after 3 seconds. */
  elapsedMs: number;
  /** For an event: how many times it was redelivered after failed deliveries (see the emulator's eventRetryDelaysMs). */
  retries?: number;
  /** What Slack would have complained about in the answer (late ack, invalid blocks, rejected view). */
  problems?: string[];
}

export interface SignedPost {
  url: string;
  body: string;
  contentType: string;
  signingSecret: string;
  /** Unix seconds for X-Slack-Request-Timestamp; now when omitted. */
  timestamp?: number;
  /** Overrides the computed X-Slack-Signature (for negative tests). */
  signature?: string;
  headers?: Record<string, string>;
}

const BOT_TIMEOUT_MS = 30_000;

/** POSTs a body to the bot with Slack's signature headers and resolves with its answer. */
export function postSigned(p: SignedPost): Promise<BotResponse> {
  const signed = signatureHeaders(p.signingSecret, p.body, p.timestamp);
  if (p.signature !== undefined) signed['X-Slack-Signature'] = p.signature;
  const headers = {
    'Content-Type': p.contentType,
    'Content-Length': String(Buffer.byteLength(p.body)),
    ...signed,
    ...p.headers,
  };
  const url = new URL(p.url);
  const send = url.protocol === 'https:' ? requestTls : request;
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = send(url, { method: 'POST', headers, agent: false, timeout: BOT_TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body, json: parseJson(body), elapsedMs: Date.now() - started });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`The bot did not answer ${p.url} within ${BOT_TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(p.body);
  });
}

function parseJson(body: string): unknown {
  if (body.trim() === '') return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
