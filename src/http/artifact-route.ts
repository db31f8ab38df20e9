import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ArtifactStore, Clock } from '../domain/ports';
import type { HealthRoute } from './health-routes';

/** Where local artifacts are served: GET /artifacts/<token>, the token naming the key and when it expires. */
export const ARTIFACT_ROUTE = '/artifacts/:token';

/** Signs and checks artifact links: HMAC-SHA256 over the key and the expiry, so a link opens one file, for a while. */
export interface ArtifactLinkSigner {
  sign(key: string, expiresAt: Date): string;
  verify(token: string, now: Date): { key: string } | { problem: 'invalid' | 'expired' };
}

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/** A signer over `secret`. */
export function artifactLinkSigner(secret: string): ArtifactLinkSigner {
  const mac = (payload: string) => createHmac('sha256', secret).update(`artifact-link:${payload}`).digest();
  return {
    sign(key, expiresAt) {
      const payload = b64(JSON.stringify({ k: key, e: Math.floor(expiresAt.getTime() / 1000) }));
      return `${payload}.${b64(mac(payload))}`;
    },
    verify(token, now) {
      const [payload, signature, extra] = token.split('.');
      if (!payload || !signature || extra !== undefined) return { problem: 'invalid' };
      const given = Buffer.from(signature, 'base64url');
      const expected = mac(payload);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { problem: 'invalid' };
      const body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { k: string; e: number };
      return body.e * 1000 < now.getTime() ? { problem: 'expired' } : { key: body.k };
    },
  };
}

/** The secret that signs links: ARTIFACT_LINK_SECRET, or one derived from the signing secret (the same on every replica). */
export function linkSecret(explicit: string | undefined, signingSecret: string): string {
  return explicit ?? createHmac('sha256', signingSecret).update('incident-bot artifact links').digest('hex');
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(text);
}

/** GET /artifacts/<token>: the stored file as plain text when the token is genuine and unexpired. */
export function artifactRoute(deps: { signer: ArtifactLinkSigner; store: ArtifactStore; clock: Clock }): HealthRoute {
  return {
    path: ARTIFACT_ROUTE,
    method: ['GET'],
    handler: async (req: IncomingMessage & { params?: Record<string, string> }, res: ServerResponse) => {
      const checked = deps.signer.verify(req.params?.token ?? '', deps.clock.now());
      if ('problem' in checked) {
        const text = checked.problem === 'expired' ? 'This link has expired. The file is kept: its key is shown beside the link in Slack, and the bot\'s operators can fetch it from the artifact store.' : 'This link is not valid.';
        sendText(res, checked.problem === 'expired' ? 410 : 403, text);
        return;
      }
      try {
        const body = await deps.store.get(checked.key);
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-length': body.length, 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff' });
        res.end(body);
      } catch {
        sendText(res, 404, 'This file is no longer in the artifact store.');
      }
    },
  };
}
