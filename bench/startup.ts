import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SlackEmulator } from '../src/sandbox';
import { freshServerDatabase } from './server-database';
import { spawnBot } from '../test/support/spawn-bot';
import { rssMb } from './process-stats';
import { summarise } from './stats';


async function timeToReady(env: Record<string, string>): Promise<{ ms: number; rssMb: number }> {
  const started = Date.now();
  const bot = spawnBot(env);
  try {
    await bot.ready(60_000);
    return { ms: Date.now() - started, rssMb: rssMb(bot.child.pid) };
  } finally {
    bot.kill();
    await bot.exited;
  }
}

/** Start-up time from spawn to the ready line, and idle RSS, on embedded PGlite (fresh and existing data) and the server. */
export async function benchStartup(runs = 3): Promise<Record<string, unknown>> {
  const emulator = new SlackEmulator({ botToken: 'xoxb-bench', signingSecret: 'bench-secret' });
  await emulator.start();
  const base = { SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: 'bench-secret', SLACK_API_URL: emulator.apiUrl, PORT: '0', LOG_LEVEL: 'error' };
  const report: Record<string, unknown> = {};
  try {
    const fresh = [];
    const existing = [];
    const server = [];
    for (let i = 0; i < runs; i++) {
      const dataDir = mkdtempSync(join(tmpdir(), 'bench-start-'));
      fresh.push(await timeToReady({ ...base, DATA_DIR: dataDir }));
      existing.push(await timeToReady({ ...base, DATA_DIR: dataDir }));
      const schema = await freshServerDatabase();
      server.push(await timeToReady({ ...base, DATABASE_URL: schema.url }));
      await schema.stop();
    }
    for (const [name, samples] of Object.entries({ embeddedFreshData: fresh, embeddedExistingData: existing, server })) {
      report[name] = summarise(samples.map((s) => s.ms));
      report[`${name}RssMb`] = Math.max(...samples.map((s) => s.rssMb));
    }
  } finally {
    await emulator.stop();
  }
  return report;
}
