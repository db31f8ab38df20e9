import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Workspace } from './workspace';

/** Changes that arrive within this window go out as one event, so a burst of Web API calls redraws the page once. */
const BATCH_MS = 25;
const KEEPALIVE_MS = 20_000;

/** Server-sent events telling every open page that the workspace changed: `event: change`, data `{version, what}`. */
export class ChangeStream {
  private readonly clients = new Set<ServerResponse>();
  private readonly pending = new Set<string>();
  private version = 0;
  private timer?: NodeJS.Timeout;
  private readonly keepalive: NodeJS.Timeout;
  private readonly listener = (what: string) => this.changed(what);

  constructor(private readonly ws: Workspace) {
    ws.changes.on('change', this.listener);
    this.keepalive = setInterval(() => this.writeAll(': keepalive\n\n'), KEEPALIVE_MS);
    this.keepalive.unref();
  }

  /** Keeps the response open as an event stream until the page goes away. */
  attach(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(`retry: 1000\nevent: hello\ndata: ${JSON.stringify({ version: this.version })}\n\n`);
    this.clients.add(res);
    req.on('close', () => this.clients.delete(res));
  }

  /** Ends every stream and stops listening to the workspace. */
  close(): void {
    this.ws.changes.off('change', this.listener);
    clearInterval(this.keepalive);
    clearTimeout(this.timer);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private changed(what: string): void {
    this.version += 1;
    this.pending.add(what);
    this.timer ??= setTimeout(() => this.flush(), BATCH_MS);
  }

  private flush(): void {
    this.timer = undefined;
    const data = JSON.stringify({ version: this.version, what: [...this.pending] });
    this.pending.clear();
    this.writeAll(`event: change\ndata: ${data}\n\n`);
  }

  private writeAll(chunk: string): void {
    for (const res of this.clients) res.write(chunk);
  }
}
