import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBot, type RunningBot } from '../../src/bot';
import type { Env } from '../../src/config/env';
import { loadIncidentConfig, parseIncidentConfig } from '../../src/config/load';
import type { IncidentConfig } from '../../src/config/schema';
import type { Clock } from '../../src/domain/ports';
import { SlackEmulator, type EmulatorOptions } from '../../src/sandbox';
import { BACKEND, createTestDatabase, type TestDatabase } from './test-database';

export const SIGNING_SECRET = 'test-signing-secret';
export const BOT_TOKEN = 'xoxb-test-token';

/** A clock the test moves by hand; it starts at the real time. */
export class TestClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(minutes: number): void {
    this.offsetMs += minutes * 60_000;
  }
}

/** The real bot (HTTP mode) on a fresh database, connected to a Slack emulator with a few people and channels. */
export interface Harness {
  emulator: SlackEmulator;
  bot: RunningBot;
  clock: TestClock;
  config: IncidentConfig;
  users: { ana: string; ben: string; cara: string };
  channels: { incidents: string; general: string };
  stop(): Promise<void>;
}

/** Boots the emulator and the bot; pass YAML to use another config, a function to route the database URL, env overrides, or emulator options. */
export async function startHarness(
  options: { configYaml?: string; databaseUrl?: (url: string) => string | Promise<string>; env?: Partial<Env>; emulator?: EmulatorOptions } = {},
): Promise<Harness> {
  const config = options.configYaml ? parseIncidentConfig(options.configYaml, 'test.config.yml') : loadIncidentConfig('incident.config.yml');
  const emulator = new SlackEmulator({ ...options.emulator, botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET });
  await emulator.start();
  const ana = emulator.addUser({ name: 'ana', realName: 'Ana Ortiz' }).id;
  const ben = emulator.addUser({ name: 'ben', realName: 'Ben Okafor' }).id;
  const cara = emulator.addUser({ name: 'cara', realName: 'Cara Lind' }).id;
  const incidents = emulator.addChannel({ name: 'incidents', members: [ana, ben, cara, emulator.botUserId] }).id;
  const general = emulator.addChannel({ name: 'general', members: [ana, ben, cara] }).id;
  let db: TestDatabase | undefined;
  try {
    db = await createTestDatabase();
    const env: Env = {
      slack: { mode: 'http', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET },
      slackApiUrl: emulator.apiUrl,
      port: 0,
      healthPort: 0,
      databaseUrl: options.databaseUrl ? await options.databaseUrl(db.url) : db.url,
      // An embedded test database is one PGlite session, like the bot's own embedded mode: one connection.
      databasePoolSize: BACKEND === 'embedded' ? 1 : undefined,
      dataDir: mkdtempSync(join(tmpdir(), 'incident-bot-')),
      configPath: 'incident.config.yml',
      logLevel: 'error',
      ...options.env,
    };
    const clock = new TestClock();
    // Reminders fire only when a test calls h.bot.scheduler.tick(), so the driven clock never races a cron tick.
    const bot = await startBot(env, config, { clock, scheduler: 'manual' });
    emulator.connectBot({ requestUrl: `http://127.0.0.1:${bot.port}/slack/events`, signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN });
    const testDb = db;
    return {
      emulator,
      bot,
      clock,
      config,
      users: { ana, ben, cara },
      channels: { incidents, general },
      async stop() {
        await bot.stop();
        await emulator.stop();
        await testDb.stop();
      },
    };
  } catch (err) {
    await emulator.stop();
    await db?.stop();
    throw err;
  }
}

/** Retries an assertion until it passes (work the bot does after its ack), failing with the last error. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
