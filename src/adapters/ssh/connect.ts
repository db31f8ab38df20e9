import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Duplex } from 'node:stream';
import { Client } from 'ssh2';
import type { HostTarget, RegionTarget } from './targets';

const READY_TIMEOUT_MS = 10_000;

/** A connection failure, with a message that says what is wrong and what to do about it. */
export class SshConnectError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SshConnectError';
  }
}

/** The key's SHA-256 fingerprint as OpenSSH prints it, without the "SHA256:" prefix. */
export function keyFingerprint(keyBlob: Buffer): string {
  return createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '');
}

function readKey(t: HostTarget): Buffer {
  if (!t.keyPath) {
    throw new SshConnectError(`No SSH key for ${t.label}: set ${t.keyEnv} in the bot's environment to the path of the private key file, then restart the bot.`);
  }
  try {
    return readFileSync(t.keyPath);
  } catch (err) {
    throw new SshConnectError(`Cannot read the SSH key for ${t.label} at ${t.keyPath} (from ${t.keyEnv}): ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`);
  }
}

function describeFailure(err: Error & { level?: string; code?: string }, t: HostTarget, seenKey: string | undefined): SshConnectError {
  const where = `${t.label} (${t.host}:${t.port})`;
  if (seenKey !== undefined && seenKey !== t.hostKeySha256) {
    return new SshConnectError(
      `Refusing to connect to ${where}: its host key is SHA256:${seenKey}, but incident.config.yml pins SHA256:${t.hostKeySha256}. ` +
        'Someone may be intercepting the connection, or the host was rebuilt. Check the key on the host itself (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub) before updating host_key_sha256.',
    );
  }
  if (err.level === 'client-authentication') {
    return new SshConnectError(`${where} refused the bot's SSH key for user ${t.user}. Add the public key of ${t.keyEnv} to ~${t.user}/.ssh/authorized_keys on the host.`);
  }
  if (err.code === 'ECONNREFUSED') return new SshConnectError(`${where} refused the connection: is sshd running and listening on port ${t.port}?`);
  if (err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN') return new SshConnectError(`The host name ${t.host} of ${t.label} does not resolve; check regions in incident.config.yml and DNS.`);
  if (err.level === 'client-timeout' || ['ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH'].includes(err.code ?? '')) {
    return new SshConnectError(`${where} did not answer within ${READY_TIMEOUT_MS / 1000} s: the host may be down, or a firewall blocks the bot.`);
  }
  return new SshConnectError(`Could not connect to ${where}: ${err.message}.`);
}

/** Opens an SSH connection, refusing any host key but the pinned one. `sock` carries it through a jump host. */
export function connectHost(t: HostTarget, sock?: Duplex): Promise<Client> {
  const privateKey = readKey(t);
  return new Promise((resolve, reject) => {
    const client = new Client();
    let seenKey: string | undefined;
    let ready = false;
    client.on('ready', () => {
      ready = true;
      resolve(client);
    });
    // Errors after the handshake end the connection; the pool notices through 'close'.
    client.on('error', (err) => {
      if (!ready) reject(describeFailure(err, t, seenKey));
    });
    try {
      client.connect({
        host: t.host,
        port: t.port,
        username: t.user,
        privateKey,
        sock,
        readyTimeout: READY_TIMEOUT_MS,
        keepaliveInterval: 15_000,
        keepaliveCountMax: 3,
        hostVerifier: (key: Buffer) => {
          seenKey = keyFingerprint(key);
          return seenKey === t.hostKeySha256;
        },
      });
    } catch (err) {
      reject(new SshConnectError(`The SSH key for ${t.label} (${t.keyEnv}) cannot be used: ${(err as Error).message}. Passphrase-protected keys are not supported.`));
    }
  });
}

/** Connects to a region's host, through its jump host when it has one; `close` ends both. */
export async function connectRegion(t: RegionTarget): Promise<{ client: Client; close(): void; onClose(fn: () => void): void }> {
  if (!t.jump) {
    const client = await connectHost(t);
    return { client, close: () => client.end(), onClose: (fn) => client.once('close', fn) };
  }
  const jump = await connectHost(t.jump);
  try {
    const sock = await new Promise<Duplex>((resolve, reject) =>
      jump.forwardOut('127.0.0.1', 0, t.host, t.port, (err, channel) =>
        err ? reject(new SshConnectError(`${t.jump?.label} could not reach ${t.host}:${t.port}: ${err.message}.`)) : resolve(channel),
      ),
    );
    const client = await connectHost(t, sock);
    client.once('close', () => jump.end());
    jump.once('close', () => client.end());
    return { client, close: () => client.end(), onClose: (fn) => client.once('close', fn) };
  } catch (err) {
    jump.end();
    throw err;
  }
}
