import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SlackEmulator } from '../src/sandbox';
import { freshServerDatabase } from './server-database';

export const BENCH_SECRET = 'bench-secret';
export const BENCH_TOKEN = 'xoxb-bench';

/** An emulated workspace with one person in #incidents and #general, and the environment a bot process needs. */
export interface BenchWorkspace {
  emulator: SlackEmulator;
  user: string;
  channel: string;
  /** For `spawnBot`: on a fresh server schema with BENCH_DATABASE_URL, else on a fresh embedded data folder. */
  env: Record<string, string>;
  backend: 'server' | 'embedded';
  stop(): Promise<void>;
}

/** Starts the emulator, seeds it and prepares the bot's environment and database. */
export async function startBenchWorkspace(): Promise<BenchWorkspace> {
  const emulator = new SlackEmulator({ botToken: BENCH_TOKEN, signingSecret: BENCH_SECRET });
  await emulator.start();
  const user = emulator.addUser({ name: 'bench' }).id;
  emulator.addChannel({ name: 'incidents', members: [user, emulator.botUserId] });
  const channel = emulator.addChannel({ name: 'general', members: [user, emulator.botUserId] }).id;
  const env: Record<string, string> = { SLACK_BOT_TOKEN: BENCH_TOKEN, SLACK_SIGNING_SECRET: BENCH_SECRET, SLACK_API_URL: emulator.apiUrl, PORT: '0', LOG_LEVEL: 'error' };
  const server = process.env.BENCH_DATABASE_URL ? await freshServerDatabase() : undefined;
  if (server) env.DATABASE_URL = server.url;
  else env.DATA_DIR = mkdtempSync(join(tmpdir(), 'bench-'));
  return {
    emulator,
    user,
    channel,
    env,
    backend: server ? 'server' : 'embedded',
    async stop() {
      await emulator.stop();
      await server?.stop();
    },
  };
}
