import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect as netConnect, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server, utils, type Connection, type ServerChannel } from 'ssh2';

/** A key pair in OpenSSH format, with its SHA-256 fingerprint (bare base64, as in host_key_sha256). */
export interface TestKey {
  privateKey: string;
  publicKey: string;
  fingerprint: string;
}

/** Generates an ed25519 key pair. */
export function generateTestKey(): TestKey {
  const pair = utils.generateKeyPairSync('ed25519');
  const parsed = utils.parseKey(pair.public);
  if (parsed instanceof Error) throw parsed;
  const fingerprint = createHash('sha256').update(parsed.getPublicSSH()).digest('base64').replace(/=+$/, '');
  return { privateKey: pair.private, publicKey: pair.public, fingerprint };
}

/** An SSH server on loopback (ssh2's Server) that runs each exec request with /bin/sh in its own folder. */
export interface TestSshServer {
  port: number;
  hostKey: TestKey;
  /** The client key the server accepts, written to a file (what SSH_KEY_* points at). */
  clientKeyPath: string;
  /** Where commands run; `bin/` in it comes first on PATH (fake `docker` and friends go there). */
  workDir: string;
  /** TCP connections accepted so far. */
  connections: number;
  /** Command lines received, in order. */
  commands: string[];
  /** Writes an executable script into `bin/`. */
  addScript(name: string, body: string): void;
  stop(): Promise<void>;
}

function runExec(command: string, channel: ServerChannel, workDir: string, children: Set<ChildProcess>): ChildProcess {
  const child = spawn('/bin/sh', ['-c', command], {
    cwd: workDir,
    detached: true,
    env: { PATH: `${join(workDir, 'bin')}:${process.env.PATH ?? '/usr/bin:/bin'}`, HOME: workDir, LANG: 'C.UTF-8' },
  });
  children.add(child);
  child.stdout?.pipe(channel, { end: false });
  child.stderr?.pipe(channel.stderr, { end: false });
  child.on('close', (code, signal) => {
    children.delete(child);
    if (code !== null) channel.exit(code);
    else channel.exit((signal ?? 'KILL').replace(/^SIG/, ''), false, '');
    channel.end();
  });
  // The whole process group goes, as a pty's hangup would take it.
  channel.on('close', () => killGroup(child, 'SIGKILL'));
  return child;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function acceptSessions(client: Connection, workDir: string, commands: string[], children: Set<ChildProcess>): void {
  client.on('session', (acceptSession) => {
    const session = acceptSession();
    let child: ChildProcess | undefined;
    session.on('exec', (accept, _reject, info) => {
      commands.push(info.command);
      child = runExec(info.command, accept(), workDir, children);
    });
    session.on('signal', (accept, _reject, info) => {
      accept?.();
      if (child) killGroup(child, `SIG${info.name}` as NodeJS.Signals);
    });
  });
  // Lets the server act as a jump host (ssh -J).
  client.on('tcpip', (accept, reject, info) => {
    const socket = netConnect(info.destPort, info.destIP, () => {
      const channel = accept();
      channel.pipe(socket).pipe(channel);
    });
    socket.on('error', () => reject());
  });
}

/** Starts the server on 127.0.0.1 with a fresh host key; it accepts `clientKey` (a fresh one by default). */
export async function startSshServer(options: { clientKey?: TestKey; hostKey?: TestKey } = {}): Promise<TestSshServer> {
  const hostKey = options.hostKey ?? generateTestKey();
  const clientKey = options.clientKey ?? generateTestKey();
  const allowed = utils.parseKey(clientKey.publicKey);
  if (allowed instanceof Error) throw allowed;
  const workDir = mkdtempSync(join(tmpdir(), 'ssh-test-'));
  mkdirSync(join(workDir, 'bin'));
  const clientKeyPath = join(workDir, 'client_key');
  writeFileSync(clientKeyPath, clientKey.privateKey, { mode: 0o600 });
  const commands: string[] = [];
  const children = new Set<ChildProcess>();
  const clients = new Set<Connection>();
  const server = new Server({ hostKeys: [hostKey.privateKey] }, (client) => {
    clients.add(client);
    client.on('close', () => clients.delete(client));
    client.on('error', () => undefined);
    client.on('authentication', (ctx) => {
      const sameKey = ctx.method === 'publickey' && ctx.key.algo === allowed.type && ctx.key.data.equals(allowed.getPublicSSH());
      if (!sameKey) return ctx.reject(['publickey']);
      if (ctx.signature && ctx.blob && !allowed.verify(ctx.blob, ctx.signature, ctx.hashAlgo)) return ctx.reject(['publickey']);
      ctx.accept();
    });
    client.on('ready', () => acceptSessions(client, workDir, commands, children));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const state: TestSshServer = {
    port: (server.address() as AddressInfo).port,
    hostKey,
    clientKeyPath,
    workDir,
    connections: 0,
    commands,
    addScript(name, body) {
      const file = join(workDir, 'bin', name);
      writeFileSync(file, `#!/bin/sh\n${body}\n`);
      chmodSync(file, 0o755);
    },
    async stop() {
      for (const child of children) killGroup(child, 'SIGKILL');
      for (const client of clients) client.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(workDir, { recursive: true, force: true });
    },
  };
  server.on('connection', () => (state.connections += 1));
  return state;
}

/** A loopback port with nothing listening on it (for "unreachable host"). */
export async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
