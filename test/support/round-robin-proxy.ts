import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** One replica behind the proxy, and what the proxy saw of it. */
export interface Backend {
  port: number;
  /** Requests it answered. */
  answered: number;
  /** Requests sent to it and not yet answered. */
  inFlight: number;
  /** Set when it refused a connection or dropped one before answering; it gets no traffic until then. */
  deadUntil: number;
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** How long a backend that failed is left out, like a load balancer's passive health check. */
const DEAD_FOR_MS = 10_000;

/**
 * A round-robin HTTP load balancer on loopback, like a simple nginx or Envoy in front of the bot's replicas. A
 * backend that refuses the connection, or drops it before answering, is left out for a while, and the request
 * goes to the next one (Envoy's `retry_on: connect-failure,reset`): a request a dying replica never answered
 * is sent again, byte for byte, to a live one.
 */
export class RoundRobinProxy {
  readonly backends: Backend[];
  /** Requests sent again to another backend after one failed them. */
  resent = 0;
  /** Called each time a request is handed to a backend (tests use it to pick a moment to kill one). */
  onForward?: (backend: Backend) => void;
  private next = 0;
  private server?: Server;
  port = 0;

  constructor(ports: number[]) {
    this.backends = ports.map((port) => ({ port, answered: 0, inFlight: 0, deadUntil: 0 }));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/slack/events`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    for (let tries = 0; tries < this.backends.length; tries += 1) {
      const backend = this.pick();
      if (!backend) break;
      if (tries > 0) this.resent += 1;
      try {
        const answer = await this.forward(backend, req, body);
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body);
        return;
      } catch {
        backend.deadUntil = Date.now() + DEAD_FOR_MS;
      }
    }
    res.writeHead(502);
    res.end('no live backend');
  }

  /** The next live backend in turn. */
  private pick(): Backend | undefined {
    for (let i = 0; i < this.backends.length; i += 1) {
      const backend = this.backends[this.next];
      this.next = (this.next + 1) % this.backends.length;
      if (backend.deadUntil <= Date.now()) return backend;
    }
    return undefined;
  }

  private forward(backend: Backend, req: IncomingMessage, body: Buffer): Promise<Answer> {
    backend.inFlight += 1;
    return new Promise<Answer>((resolve, reject) => {
      const upstream = request({ host: '127.0.0.1', port: backend.port, method: req.method, path: req.url, headers: req.headers, agent: false }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(parts) }));
        res.on('error', reject);
        res.on('aborted', () => reject(new Error('answer cut short')));
      });
      upstream.on('error', reject);
      upstream.end(body);
      this.onForward?.(backend);
    }).then(
      (answer) => {
        backend.inFlight -= 1;
        backend.answered += 1;
        return answer;
      },
      (error: unknown) => {
        backend.inFlight -= 1;
        throw error;
      },
    );
  }
}
