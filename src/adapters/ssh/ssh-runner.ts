import type { Client } from 'ssh2';
import type { RunnerResult, SshRunner } from '../../domain/ports';
import { SshConnectError } from './connect';
import { execWithLimits, type ExecOptions } from './exec';
import { ConnectionPool, type Lease } from './pool';
import type { RegionTarget } from './targets';

const OPEN_RETRIES = 3;

const failed = (message: string, durationMs = 0): RunnerResult => ({ outcome: 'failed', exitCode: null, signal: null, durationMs, message });

/** Runs the command; a channel the server would not open yet (sessions still closing) is asked for again. */
async function execWithRetry(client: Client, commandLine: string, o: ExecOptions): Promise<RunnerResult> {
  for (let attempt = 1; ; attempt++) {
    const { started, ...result } = await execWithLimits(client, commandLine, o);
    if (started || attempt > OPEN_RETRIES) return result;
    await new Promise((r) => setTimeout(r, 100 * attempt));
  }
}

export interface SshRunnerOptions {
  /** How long an idle connection stays open for the next command (default 3 minutes). */
  reuseMs?: number;
  /** Called after each new connection is ready (metrics, tests). */
  onConnect?: (regionId: string) => void;
}

/** The SSH runner on ssh2: one pinned, reused connection per region, commands as exec channels on it. */
export function sshRunner(targets: ReadonlyMap<string, RegionTarget>, options: SshRunnerOptions = {}): SshRunner {
  const pool = new ConnectionPool(options.reuseMs ?? 180_000, options.onConnect);
  const running = new Set<(reason: string) => void>();
  let closing = false;
  const execOptions = (lease: Lease, target: RegionTarget, o: Parameters<SshRunner['run']>[2]): ExecOptions => ({
    ...o,
    label: `${target.id} (${target.host})`,
    register: (stop) => {
      running.add(stop);
      return () => running.delete(stop);
    },
    dropConnection: () => pool.drop(lease),
  });
  return {
    async run(regionId, commandLine, o) {
      const target = targets.get(regionId);
      if (!target) return failed(`There is no region "${regionId}" in incident.config.yml.`);
      if (closing) return failed('The bot is shutting down; run the command again once it is back.');
      const started = performance.now();
      let lease: Lease;
      try {
        lease = await pool.acquire(target);
      } catch (err) {
        const message = err instanceof SshConnectError ? err.message : `Could not connect to ${regionId}: ${(err as Error).message}.`;
        return failed(message, Math.round(performance.now() - started));
      }
      try {
        return await execWithRetry(lease.client, commandLine, execOptions(lease, target, o));
      } finally {
        pool.release(lease);
      }
    },
    async close() {
      closing = true;
      for (const stop of running) stop('The bot was stopped while the command ran; it was killed. Run it again once the bot is back.');
      // Give killed channels a moment to close so their results are recorded, then end every connection.
      const deadline = Date.now() + 3500;
      while (running.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      pool.closeAll();
    },
  };
}
