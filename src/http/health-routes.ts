import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';

export interface HealthRoute {
  path: string;
  method: string[];
  handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** `/healthz` (the process is up), `/readyz` (the database answers) and `/metrics` (Prometheus). */
export function healthRoutes(deps: { ping: () => Promise<void>; registry: Registry }): HealthRoute[] {
  return [
    { path: '/healthz', method: ['GET'], handler: (_req, res) => sendJson(res, 200, { status: 'ok' }) },
    {
      path: '/readyz',
      method: ['GET'],
      handler: async (_req, res) => {
        try {
          await deps.ping();
          sendJson(res, 200, { status: 'ready', database: 'ok' });
        } catch (err) {
          sendJson(res, 503, { status: 'not ready', database: (err as Error).message });
        }
      },
    },
    {
      path: '/metrics',
      method: ['GET'],
      handler: async (_req, res) => {
        res.writeHead(200, { 'content-type': deps.registry.contentType });
        res.end(await deps.registry.metrics());
      },
    },
  ];
}
