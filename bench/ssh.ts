import { spawn, spawnSync } from 'node:child_process';
import { loadCommandCatalog } from '../src/commands/catalog';
import { checkParams } from '../src/commands/params';
import { sshRunner } from '../src/adapters/ssh/ssh-runner';
import type { RegionTarget } from '../src/adapters/ssh/targets';
import type { SshRunner } from '../src/domain/ports';
import { normalizeFingerprint } from '../src/config/sections/regions';
import { startSshServer } from '../test/support/ssh-server';
import { summarise } from './stats';

const RUNS = 50;
const PACKS = 10;

interface Sshd {
  kind: string;
  target: Omit<RegionTarget, 'id' | 'label'>;
  stop(): Promise<void>;
}

// OpenSSH sshd when .ci/run (or you) started one and set TEST_SSHD_*; otherwise ssh2's Server in this process.
async function startSshd(): Promise<Sshd> {
  const e = process.env;
  if (e.TEST_SSHD_PORT) {
    const target = { host: '127.0.0.1', port: Number(e.TEST_SSHD_PORT), user: e.TEST_SSHD_USER as string, keyEnv: 'TEST_SSHD_KEY', keyPath: e.TEST_SSHD_KEY, hostKeySha256: normalizeFingerprint(e.TEST_SSHD_HOST_KEY_SHA256 as string) };
    return { kind: 'OpenSSH sshd', target, stop: async () => undefined };
  }
  const server = await startSshServer();
  server.addScript('docker', 'echo "NAME STATUS"; echo "app-api-1 Up 3 hours (healthy)"');
  const target = { host: '127.0.0.1', port: server.port, user: 'deploy', keyEnv: 'SSH_KEY_PATH', keyPath: server.clientKeyPath, hostKeySha256: server.hostKey.fingerprint };
  return { kind: 'ssh2 Server (in process)', target, stop: server.stop };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function runOnce(runner: SshRunner, region: string, line: string): Promise<void> {
  const result = await runner.run(region, line, { timeoutMs: 30_000, maxOutputBytes: 1 << 20, onOutput: () => undefined });
  if (result.outcome !== 'exited') throw new Error(`${line} on ${region}: ${result.outcome} ${result.message ?? ''}`);
}

function openSshOnce(t: Sshd['target'], line: string): Promise<void> {
  const args = ['-i', t.keyPath as string, '-p', String(t.port), '-o', 'BatchMode=yes', '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'LogLevel=ERROR', `${t.user}@${t.host}`, line];
  return new Promise((resolve, reject) => {
    const child = spawn('ssh', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ssh exited ${code}: ${err}`))));
  });
}

async function series(n: number, one: () => Promise<unknown>): Promise<number[]> {
  const samples = [];
  for (let i = 0; i < n; i++) samples.push(await timed(one));
  return samples;
}

/**
 * One catalog command (container-status) 50 times through the bot's runner (one reused connection), through a fresh
 * runner each time (handshake included), and through the OpenSSH client (`ssh host cmd`); then the evidence pack
 * (every evidence command of the catalog) over 3 regions in parallel, cold and warm.
 */
export async function benchSsh(): Promise<Record<string, unknown>> {
  const catalog = loadCommandCatalog('commands');
  const line = (id: string) => {
    const checked = checkParams(catalog.get(id) as NonNullable<ReturnType<typeof catalog.get>>, {});
    if (!checked.ok) throw new Error(checked.problems.join('; '));
    return checked.commandLine;
  };
  const sshd = await startSshd();
  const regions = ['eu', 'us', 'in'];
  const targets = new Map(regions.map((id) => [id, { ...sshd.target, id, label: id }]));
  const status = line('container-status');
  const report: Record<string, unknown> = { server: sshd.kind, runs: RUNS, command: status };
  try {
    const runner = sshRunner(targets);
    report.runnerReused = summarise(await series(RUNS, () => runOnce(runner, 'eu', status)));
    report.runnerFreshConnection = summarise(await series(RUNS, async () => {
      const fresh = sshRunner(targets);
      await runOnce(fresh, 'eu', status);
      await fresh.close();
    }));
    const hasSsh = spawnSync('ssh', ['-V']).error === undefined;
    if (hasSsh) report.openSshClient = summarise(await series(RUNS, () => openSshOnce(sshd.target, status)));
    else report.openSshClientSkipped = 'no ssh binary on PATH (apt-get install openssh-client)';
    const evidence = catalog.list().filter((c) => c.class === 'evidence').map((c) => line(c.id));
    report.evidencePack = `${evidence.length} evidence commands x ${regions.length} regions, in parallel`;
    const pack = (r: SshRunner) => Promise.all(regions.flatMap((region) => evidence.map((cmd) => runOnce(r, region, cmd))));
    report.evidencePackCold = summarise(await series(PACKS, async () => {
      const fresh = sshRunner(targets);
      await pack(fresh);
      await fresh.close();
    }));
    report.evidencePackWarm = summarise(await series(PACKS, () => pack(runner)));
    await runner.close();
    const p50 = (k: string) => (report[k] as { p50: number } | undefined)?.p50;
    if (hasSsh) report.openSshVsRunnerP50 = Math.round(((p50('openSshClient') as number) / (p50('runnerReused') as number)) * 10) / 10;
  } finally {
    await sshd.stop();
  }
  return report;
}
