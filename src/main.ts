import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatEnvProblems, readEnv, SANDBOX_NOTICE, type Env } from './config/env';
import { ConfigError, formatConfigProblems, loadIncidentConfig } from './config/load';
import type { IncidentConfig } from './config/schema';
import { startBot } from './bot';
import { startSandbox } from './sandbox/start-sandbox';

/** Entry point: parse env and config, refuse to start on a problem with a message that says what to fix. */
async function main(): Promise<void> {
  const envResult = readEnv(process.env);
  if (!envResult.ok) {
    console.error(formatEnvProblems(envResult.problems));
    process.exit(1);
  }
  const { env } = envResult;
  let config;
  try {
    config = loadIncidentConfig(env.configPath);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`The incident bot cannot start: ${env.configPath} has problems.\n${formatConfigProblems(err)}`);
    process.exit(1);
  }
  // Handlers go in before anything starts, so a signal right after the ready line still stops cleanly.
  let stop: () => Promise<void> = async () => undefined;
  const shutdown = async (signal: string) => {
    console.log(`${signal} received, stopping`);
    await stop().catch((err) => console.error('error while stopping', err));
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  const started = envResult.sandbox ? await runSandbox(env, config) : await runBot(env, config);
  stop = started.stop;
  console.log(started.readyLine);
}

interface Started {
  stop(): Promise<void>;
  /** Printed once `stop` is in place: tests and operators wait for it. */
  readyLine: string;
}

/** Connects to Slack; returns how to stop. */
async function runBot(env: Env, config: IncidentConfig): Promise<Started> {
  const bot = await startBot(env, config);
  const where = env.slack.mode === 'http' ? `HTTP on port ${bot.port} (POST /slack/events)` : `Socket Mode (health on port ${bot.port})`;
  const schema = bot.migrationsApplied.length ? `migrations applied: ${bot.migrationsApplied.join(', ')}` : 'schema up to date';
  return { stop: () => bot.stop(), readyLine: `incident bot ready: ${where}, database: ${bot.backend} (${schema})` };
}

/** No Slack credentials: the bot against the local sandbox workspace, on a fresh database that goes away on exit. */
async function runSandbox(env: Env, config: IncidentConfig): Promise<Started> {
  console.log(SANDBOX_NOTICE);
  const dataDir = mkdtempSync(join(tmpdir(), 'incident-sandbox-'));
  const ignored = env.databaseUrl ? ' (DATABASE_URL is not used by the sandbox)' : '';
  const sandbox = await startSandbox({ ...env, databaseUrl: undefined, dataDir }, config).catch((err: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  });
  console.log(`sandbox database: a fresh embedded one in ${dataDir}, removed on exit${ignored}`);
  return {
    async stop() {
      await sandbox.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
    readyLine: `incident bot sandbox ready: open ${sandbox.url}`,
  };
}

main().catch((err) => {
  console.error('The incident bot failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
