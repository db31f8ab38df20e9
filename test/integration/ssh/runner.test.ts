import { createServer, type AddressInfo } from 'node:net';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sshRunner } from '../../../src/adapters/ssh/ssh-runner';
import { normalizeFingerprint } from '../../../src/config/sections/regions';
import type { RegionTarget } from '../../../src/adapters/ssh/targets';
import type { RunnerResult, SshRunner } from '../../../src/domain/ports';
import { closedPort, generateTestKey, startSshServer, type TestSshServer } from '../../support/ssh-server';

/** An SSH server the runner talks to: ssh2's Server in this process, or OpenSSH sshd started by .ci/run. */
interface Sshd {
  port: number;
  user: string;
  keyPath: string;
  fingerprint: string;
  workDir: string;
  addScript(name: string, body: string): void;
  stop(): Promise<void>;
}

async function ssh2Sshd(): Promise<Sshd> {
  const s = await startSshServer();
  return { port: s.port, user: 'deploy', keyPath: s.clientKeyPath, fingerprint: s.hostKey.fingerprint, workDir: s.workDir, addScript: s.addScript, stop: s.stop };
}

// .ci/run starts sshd on loopback and exports where it is; see the "OpenSSH sshd" step there.
async function openSshd(): Promise<Sshd> {
  const env = process.env;
  const workDir = env.TEST_SSHD_DIR as string;
  return {
    port: Number(env.TEST_SSHD_PORT),
    user: env.TEST_SSHD_USER as string,
    keyPath: env.TEST_SSHD_KEY as string,
    fingerprint: normalizeFingerprint(env.TEST_SSHD_HOST_KEY_SHA256 as string),
    workDir,
    addScript(name, body) {
      writeFileSync(join(workDir, 'bin', name), `#!/bin/sh\n${body}\n`);
      chmodSync(join(workDir, 'bin', name), 0o755);
    },
    stop: async () => undefined,
  };
}

// The same tests run against OpenSSH sshd when TEST_SSHD_PORT is set: .ci/run starts it on loopback and sets it.
const SERVERS: [string, () => Promise<Sshd>][] = [['ssh2 Server', ssh2Sshd]];
if (process.env.TEST_SSHD_PORT) SERVERS.push(['OpenSSH sshd', openSshd]);

function target(sshd: Sshd, overrides: Partial<RegionTarget> = {}): RegionTarget {
  return { id: 'eu', label: 'eu', host: '127.0.0.1', port: sshd.port, user: sshd.user, keyEnv: 'SSH_KEY_EU', keyPath: sshd.keyPath, hostKeySha256: sshd.fingerprint, ...overrides };
}

async function run(runner: SshRunner, command: string, o: { timeoutMs?: number; maxOutputBytes?: number } = {}): Promise<RunnerResult & { output: string; bytes: number }> {
  const chunks: Buffer[] = [];
  const result = await runner.run('eu', command, { timeoutMs: o.timeoutMs ?? 10_000, maxOutputBytes: o.maxOutputBytes ?? 1 << 20, onOutput: (c) => chunks.push(c) });
  const all = Buffer.concat(chunks);
  return { ...result, output: all.toString('utf8'), bytes: all.length };
}

function processesMatching(text: string): string[] {
  return execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n').filter((line) => line.includes(text) && !line.includes('ps -eo'));
}

describe.each(SERVERS)('the SSH runner against %s', (_name, start) => {
  let sshd: Sshd;
  let runner: SshRunner;
  let connects = 0;
  beforeAll(async () => {
    sshd = await start();
    runner = sshRunner(new Map([['eu', target(sshd)]]), { onConnect: () => (connects += 1) });
  });
  afterAll(async () => {
    await runner.close();
    await sshd.stop();
  });

  it('runs a command, streams stdout and stderr, reports the exit code, and reuses the connection for the next', async () => {
    const first = await run(runner, 'echo to-stdout; echo to-stderr >&2; exit 3');
    expect(first).toMatchObject({ outcome: 'exited', exitCode: 3 });
    expect(first.output).toContain('to-stdout\n');
    expect(first.output).toContain('to-stderr\n');
    const second = await run(runner, 'printf "%s" "$((6 * 7))"');
    expect(second).toMatchObject({ outcome: 'exited', exitCode: 0, output: '42' });
    expect(connects).toBe(1);
  });

  it('closes a connection left idle past its reuse time, and connects afresh for the next command', async () => {
    let opened = 0;
    const brief = sshRunner(new Map([['eu', target(sshd)]]), { reuseMs: 150, onConnect: () => (opened += 1) });
    await run(brief, 'true');
    await run(brief, 'true');
    await new Promise((r) => setTimeout(r, 400));
    expect(await run(brief, 'echo again')).toMatchObject({ outcome: 'exited', output: 'again\n' });
    await brief.close();
    expect(opened).toBe(2);
  });

  it('reports every exit of many quick commands run at once on one connection', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => run(runner, `echo out-${i}; exit ${i % 3}`)));
    expect(results.map((r) => [r.outcome, r.exitCode, r.output])).toEqual(Array.from({ length: 12 }, (_, i) => ['exited', i % 3, `out-${i}\n`]));
  });

  it('kills a command at its timeout: the remote process is gone and the channel closed', async () => {
    const marker = `sleep 29.${Date.now() % 100000}`;
    const result = await run(runner, `${marker}; echo never`, { timeoutMs: 300 });
    expect(result.outcome).toBe('timed_out');
    expect(result.durationMs).toBeLessThan(1900);
    expect(result.output).not.toContain('never');
    expect(processesMatching(marker)).toEqual([]);
    expect(await run(runner, 'echo still-healthy')).toMatchObject({ outcome: 'exited', output: 'still-healthy\n' });
  });

  it('stops a command that floods its output at the limit and keeps exactly that much', async () => {
    const result = await run(runner, 'head -c 20000000 /dev/zero', { maxOutputBytes: 1_000_000 });
    expect(result).toMatchObject({ outcome: 'flooded', bytes: 1_000_000 });
    expect(await run(runner, 'echo after-flood')).toMatchObject({ outcome: 'exited', output: 'after-flood\n' });
  });

  it('refuses a host whose key is not the pinned one, and names both fingerprints', async () => {
    const wrong = generateTestKey().fingerprint;
    const other = sshRunner(new Map([['eu', target(sshd, { hostKeySha256: wrong })]]));
    const result = await run(other, 'touch should-not-run');
    await other.close();
    expect(result.outcome).toBe('failed');
    expect(result.message).toContain('Refusing to connect to eu');
    expect(result.message).toContain(`its host key is SHA256:${sshd.fingerprint}`);
    expect(result.message).toContain(`pins SHA256:${wrong}`);
  });

  it('says when the host refuses the key, and which key to install', async () => {
    const keyPath = join(sshd.workDir, `stranger-${Date.now()}`);
    writeFileSync(keyPath, generateTestKey().privateKey, { mode: 0o600 });
    const other = sshRunner(new Map([['eu', target(sshd, { keyPath })]]));
    const result = await run(other, 'true');
    await other.close();
    expect(result).toMatchObject({ outcome: 'failed' });
    expect(result.message).toContain(`refused the bot's SSH key for user ${sshd.user}`);
    expect(result.message).toContain('SSH_KEY_EU');
  });

  it('reaches a region through its jump host', async () => {
    const inner: TestSshServer = await startSshServer();
    const viaJump = sshRunner(
      new Map([['eu', { ...target(sshd), port: inner.port, keyPath: inner.clientKeyPath, hostKeySha256: inner.hostKey.fingerprint, jump: { ...target(sshd), label: 'the jump host of eu' } }]]),
    );
    const result = await run(viaJump, 'echo behind-the-jump');
    await viaJump.close();
    await inner.stop();
    expect(result).toMatchObject({ outcome: 'exited', exitCode: 0, output: 'behind-the-jump\n' });
  });

  it('kills running commands when it closes, and says why', async () => {
    const other = sshRunner(new Map([['eu', target(sshd)]]));
    const running = run(other, 'sleep 28.5; echo never');
    await new Promise((r) => setTimeout(r, 300));
    await other.close();
    const result = await running;
    expect(result.outcome).toBe('failed');
    expect(result.message).toContain('The bot was stopped while the command ran');
  });
});

describe('the SSH runner, before any connection', () => {
  const keyPath = join(mkdtempSync(join(tmpdir(), 'ssh-key-')), 'key');
  beforeAll(() => writeFileSync(keyPath, generateTestKey().privateKey, { mode: 0o600 }));
  const region = (o: Partial<RegionTarget>): RegionTarget => ({
    id: 'eu', label: 'eu', host: '127.0.0.1', port: 22, user: 'deploy', keyEnv: 'SSH_KEY_EU', keyPath, hostKeySha256: generateTestKey().fingerprint, ...o,
  });
  const once = async (t: RegionTarget) => {
    const runner = sshRunner(new Map([['eu', t]]));
    const result = await runner.run('eu', 'true', { timeoutMs: 1000, maxOutputBytes: 10, onOutput: () => undefined });
    await runner.close();
    return result;
  };

  it('says when the host is unreachable', async () => {
    const port = await closedPort();
    expect(await once(region({ port }))).toMatchObject({ outcome: 'failed', message: `eu (127.0.0.1:${port}) refused the connection: is sshd running and listening on port ${port}?` });
  });

  it('gives up on a host that accepts the connection and then says nothing, with a clear message', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    try {
      expect(await once(region({ port }))).toMatchObject({ outcome: 'failed', message: `eu (127.0.0.1:${port}) did not answer within 10 s: the host may be down, or a firewall blocks the bot.` });
    } finally {
      silent.close();
    }
  });

    it('says which environment variable to set when the key path is missing', async () => {
    const result = await once(region({ keyPath: undefined }));
    expect(result.message).toBe("No SSH key for eu: set SSH_KEY_EU in the bot's environment to the path of the private key file, then restart the bot.");
  });

  it('says when the region is not configured', async () => {
    const runner = sshRunner(new Map());
    const result = await runner.run('mars', 'true', { timeoutMs: 1000, maxOutputBytes: 10, onOutput: () => undefined });
    expect(result).toMatchObject({ outcome: 'failed', message: 'There is no region "mars" in incident.config.yml.' });
  });
});
