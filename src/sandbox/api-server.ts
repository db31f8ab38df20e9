import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SlackApiError } from './api-error';
import { API_METHODS, receiveUpload, type MethodContext } from './api-methods';
import type { FaultPlan } from './faults';
import { parseArgs, parseMultipart, readBody } from './http-body';
import type { ResponseUrls } from './response-urls';
import type { TriggerRegistry } from './triggers';
import type { Workspace } from './workspace';
import type { SlackMessage } from './workspace-types';

export interface ApiServerDeps {
  workspace: Workspace;
  faults: FaultPlan;
  triggers: TriggerRegistry;
  responseUrls: ResponseUrls;
  botToken: () => string;
  onBotMessage: (channelId: string, message: SlackMessage) => void;
}

type Answer = { status: number; body: unknown; headers?: Record<string, string> };

/** Methods that only read: they change nothing a client shows, so they send no change notification. */
const READ_ONLY_METHOD = /^auth\.|\.(info|list|history|replies|members|getPermalink|getUploadURLExternal)$/;

/** The HTTP side of the emulator: Web API methods, response_urls, file upload and download URLs. */
export class ApiServer {
  private server?: Server;
  private origin = '';

  constructor(private readonly deps: ApiServerDeps) {}

  /** 'http://127.0.0.1:PORT' once listening. */
  get baseUrl(): string {
    if (!this.origin) throw new Error('The Slack emulator is not started');
    return this.origin;
  }

  /** Listens on the loopback interface (port 0 picks a free port). */
  async start(port = 0): Promise<void> {
    const server = createServer((req, res) => void this.route(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** Stops listening and drops open connections. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const answer = await this.answer(req);
      const raw = typeof answer.body === 'string' || Buffer.isBuffer(answer.body);
      res.writeHead(answer.status, {
        'content-type': raw ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
        ...answer.headers,
      });
      res.end(raw ? answer.body : JSON.stringify(answer.body));
    } catch (error) {
      res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ ok: false, error: 'fatal_error', detail: String(error) }));
    }
  }

  private async answer(req: IncomingMessage): Promise<Answer> {
    const url = new URL(req.url ?? '/', this.origin);
    const [, area, id] = url.pathname.split('/');
    const raw = await readBody(req);
    if (area === 'api' && id) return this.callMethod(id, req, raw, url.searchParams);
    if (area === 'response' && id && req.method === 'POST') return this.postToResponseUrl(id, raw);
    if (area === 'upload' && id && req.method === 'POST') return this.upload(id, req, raw);
    if (area === 'files' && id && req.method === 'GET') return this.download(id, req);
    return { status: 404, body: 'not found' };
  }

  private async callMethod(method: string, req: IncomingMessage, raw: Buffer, query: URLSearchParams): Promise<Answer> {
    let args: Record<string, unknown>;
    try {
      args = parseArgs(req.headers['content-type'], raw, query);
    } catch {
      return { status: 200, body: { ok: false, error: 'invalid_json' } };
    }
    const answer = await this.runMethod(method, args, bearer(req) ?? stringOf(args.token));
    const body = answer.body as { ok: boolean; error?: string };
    const { token: _token, ...logged } = args;
    this.deps.workspace.calls.push({ method, args: logged, ok: body.ok === true, error: body.error, at: Date.now() });
    if (body.ok === true && !READ_ONLY_METHOD.test(method)) this.deps.workspace.notifyChange(method);
    return answer;
  }

  private async runMethod(method: string, args: Record<string, unknown>, token: string | undefined): Promise<Answer> {
    const fault = this.deps.faults.take(method);
    if (fault?.kind === 'ratelimit') {
      const headers = { 'retry-after': String(fault.retryAfterSeconds) };
      return { status: 429, headers, body: { ok: false, error: 'ratelimited' } };
    }
    if (fault?.kind === 'fail') return { status: fault.status, body: { ok: false, error: fault.error } };
    const handler = API_METHODS[method];
    if (!handler) return { status: 200, body: { ok: false, error: 'unknown_method' } };
    if (!token) return { status: 200, body: { ok: false, error: 'not_authed' } };
    if (token !== this.deps.botToken()) return { status: 200, body: { ok: false, error: 'invalid_auth' } };
    try {
      const result = await handler(this.context(), args);
      return { status: 200, body: { ok: true, ...result } };
    } catch (error) {
      if (error instanceof SlackApiError) return { status: 200, body: error.toBody() };
      throw error;
    }
  }

  private context(): MethodContext {
    const { workspace, triggers, onBotMessage } = this.deps;
    return { workspace, triggers, baseUrl: this.baseUrl, onBotMessage };
  }

  private postToResponseUrl(id: string, raw: Buffer): Answer {
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return { status: 400, body: { ok: false, error: 'invalid_payload' } };
    }
    const answer = this.deps.responseUrls.handle(id, body);
    this.deps.workspace.notifyChange('response_url');
    return answer;
  }

  private upload(fileId: string, req: IncomingMessage, raw: Buffer): Answer {
    const contentType = req.headers['content-type'] ?? '';
    const parts = contentType.startsWith('multipart/form-data') ? parseMultipart(raw, contentType) : [];
    const bytes = parts.find((p) => p.filename !== undefined)?.data ?? parts[0]?.data ?? raw;
    if (!receiveUpload(this.deps.workspace, fileId, bytes)) return { status: 404, body: 'file not found' };
    return { status: 200, body: `OK - ${bytes.length}` };
  }

  private download(fileId: string, req: IncomingMessage): Answer {
    const file = this.deps.workspace.files.get(fileId);
    if (bearer(req) !== this.deps.botToken()) return { status: 403, body: 'forbidden' };
    if (!file?.completed) return { status: 404, body: 'file not found' };
    return { status: 200, body: file.content, headers: { 'content-type': file.mimetype } };
  }
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
