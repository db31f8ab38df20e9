import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { SlackEmulator } from './emulator';
import { readBody } from './http-body';
import { SandboxApi, type ApiAnswer } from './sandbox-api';
import { sandboxState } from './sandbox-state';
import { ChangeStream } from './sandbox-stream';

const WEB_DIR = join(__dirname, 'web');
const STATIC_FILE = /^[a-z][a-z0-9-]*\.(js|css|svg)$/;
const STATIC_TYPES: Record<string, string> = { js: 'text/javascript', css: 'text/css', svg: 'image/svg+xml' };
const MAX_BODY = 256 * 1024;
/** The page never needs more than this; nothing else may load it in a frame or run inline script. */
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'self'; img-src 'self' data: https: http:; frame-ancestors 'none'",
};

export interface SandboxServerOptions {
  emulator: SlackEmulator;
  /** Slash commands the workspace knows (the app manifest's), e.g. ['/incident']. */
  commands: string[];
  /** Who the page acts as until the person picks someone else. */
  defaultUser: string;
}

/** Serves the sandbox page, its JSON endpoints, the change stream and uploaded files under /sandbox. */
export class SandboxServer {
  private server?: Server;
  private readonly api: SandboxApi;
  private readonly stream: ChangeStream;

  constructor(private readonly options: SandboxServerOptions) {
    this.api = new SandboxApi(options.emulator, options.commands);
    this.stream = new ChangeStream(options.emulator.workspace);
  }

  /** Listens on host:port (port 0 picks a free one); a port in use gets a message saying what to do. */
  async start(port: number, host = '127.0.0.1'): Promise<number> {
    const server = createServer((req, res) => void this.route(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', (err: NodeJS.ErrnoException) =>
        reject(err.code === 'EADDRINUSE' ? new Error(`port ${port} is already in use: set PORT to a free port, e.g. PORT=3005 npm start`) : err),
      );
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    return (server.address() as AddressInfo).port;
  }

  /** Ends the change streams and stops listening. */
  async stop(): Promise<void> {
    this.stream.close();
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const [root, area, name, ...rest] = url.pathname.split('/').slice(1);
    try {
      if (url.pathname === '/') return redirect(res, '/sandbox');
      if (root !== 'sandbox') return send(res, { status: 404, body: { ok: false, error: 'not found: the sandbox is at /sandbox' } });
      if (req.method === 'GET' && (area === undefined || area === '')) return await this.sendFile(res, 'index.html', 'text/html');
      if (req.method === 'GET' && area === 'static' && name && STATIC_FILE.test(name)) {
        return await this.sendFile(res, name, STATIC_TYPES[name.split('.').pop() ?? '']);
      }
      if (req.method === 'GET' && area === 'stream') return this.stream.attach(req, res);
      if (req.method === 'GET' && area === 'files' && name) return this.sendUpload(res, name);
      if (req.method === 'GET' && area === 'api' && name === 'state') return this.sendState(res, url.searchParams);
      if (req.method === 'POST' && area === 'api' && name && this.api.has(name) && rest.length === 0) {
        // JSON only: another site cannot send that to localhost without a CORS preflight, which is never granted.
        if (!String(req.headers['content-type']).startsWith('application/json')) return send(res, { status: 415, body: { ok: false, error: 'send JSON' } });
        return send(res, await this.api.handle(name, await readJson(req)));
      }
      send(res, { status: 404, body: { ok: false, error: 'not found' } });
    } catch (error) {
      send(res, { status: 500, body: { ok: false, error: error instanceof Error ? error.message : String(error) } });
    }
  }

  private async sendFile(res: ServerResponse, name: string, type: string): Promise<void> {
    const body = await readFile(join(WEB_DIR, name)).catch(() => undefined);
    if (!body) return send(res, { status: 404, body: { ok: false, error: 'not found' } });
    res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-cache', ...SECURITY_HEADERS });
    res.end(body);
  }

  private sendState(res: ServerResponse, query: URLSearchParams): void {
    const ws = this.options.emulator.workspace;
    const user = query.get('user') || this.options.defaultUser;
    if (!ws.users.has(user)) return send(res, { status: 400, body: { ok: false, error: `unknown user ${user}` } });
    const state = sandboxState(ws, { user, channel: query.get('channel') ?? undefined, thread: query.get('thread') ?? undefined });
    send(res, { status: 200, body: { ok: true, ...state } });
  }

  /** An uploaded file's bytes: what `url_private` serves the bot, for a person's browser (text shown as text, never as HTML). */
  private sendUpload(res: ServerResponse, fileId: string): void {
    const file = this.options.emulator.workspace.files.get(fileId);
    if (!file?.completed) return send(res, { status: 404, body: { ok: false, error: 'file not found' } });
    const shown = /^image\/(png|jpeg|gif)$/.test(file.mimetype) ? file.mimetype : isText(file.content) ? 'text/plain; charset=utf-8' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': shown, 'content-disposition': `inline; filename="${file.name.replace(/[^\w.-]/g, '_')}"`, ...SECURITY_HEADERS });
    res.end(file.content);
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) throw new Error('request too large');
  const raw = await readBody(req);
  if (raw.length === 0) return {};
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, answer: ApiAnswer): void {
  res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...SECURITY_HEADERS });
  res.end(JSON.stringify(answer.body));
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location });
  res.end();
}

function isText(bytes: Buffer): boolean {
  return !bytes.subarray(0, 4096).includes(0);
}
