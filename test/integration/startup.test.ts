import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectDatabase } from '../../src/db/db';
import { readMigrations } from '../../src/db/migrate';
import { spawnBot, type SpawnedBot } from '../support/spawn-bot';
import { BACKEND, createTestDatabase } from '../support/test-database';

/** Resolves with the first group of `pattern` once the process prints it; rejects if it exits first. */
async function waitFor(bot: SpawnedBot, pattern: RegExp, timeoutMs = 60000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void bot.exited.then(() => (exited = true));
  for (;;) {
    const match = pattern.exec(bot.output());
    if (match) return match[1];
    if (exited || Date.now() > deadline) throw new Error(`never printed ${pattern}:\n${bot.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const SLACK = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'test-secret', SLACK_API_URL: 'http://127.0.0.1:9/api/', LOG_LEVEL: 'error' };

describe(`starting the bot as a process (${BACKEND} backend)`, () => {
  it('with no Slack credentials, starts the sandbox on a fresh database and prints its URL, where the page answers', async () => {
    const bot = spawnBot({ PORT: '0', LOG_LEVEL: 'error' });
    try {
      const url = await waitFor(bot, /incident bot sandbox ready: open (http:\/\/localhost:\d+\/sandbox)/);
      expect(bot.output()).toContain('No Slack credentials (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET) are set: starting the sandbox');
      expect(bot.output()).toContain('README.md, section "Create the Slack app"');
      const page = await fetch(url.replace('localhost', '127.0.0.1'));
      expect([page.status, await page.text()]).toEqual([200, expect.stringContaining('<title>Incident bot sandbox</title>')]);
    } finally {
      bot.kill();
      expect(await bot.exited).toBe(0);
    }
    const dataDir = /a fresh embedded one in (\S+), removed on exit/.exec(bot.output())?.[1] ?? '';
    expect([dataDir, existsSync(dataDir)]).toEqual([expect.stringContaining('incident-sandbox-'), false]);
  }, 90_000);

  it('exits with a message naming each missing Slack variable when only some are set', async () => {
    const bot = spawnBot({ SLACK_APP_TOKEN: 'xapp-1' });
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toContain('missing SLACK_BOT_TOKEN');
    expect(bot.output()).toContain('missing SLACK_SIGNING_SECRET');
    expect(bot.output()).toContain('README.md, section "Create the Slack app"');
  });

  it('refuses an invalid config with the problem and its place in the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'incident-config-'));
    const file = join(dir, 'broken.yml');
    writeFileSync(file, 'default_severity: SEV-9\nseverites: []\n');
    const bot = spawnBot({ ...SLACK, INCIDENT_CONFIG: file, DATA_DIR: dir });
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toContain(`${file} has problems`);
    expect(bot.output()).toMatch(/broken\.yml:2 severites/);
  });

  it('starts two processes on one empty database at once, each migration applied once, both ready', async () => {
    const db = await createTestDatabase();
    const env = { ...SLACK, DATABASE_URL: db.url, PORT: '0' };
    const bots = [spawnBot(env), spawnBot(env)];
    try {
      const ports = await Promise.all(bots.map((b) => b.ready()));
      for (const port of ports) {
        const res = await fetch(`http://127.0.0.1:${port}/readyz`);
        expect(res.status).toBe(200);
      }
      const check = connectDatabase(db.url);
      const { rows } = await check.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version');
      await check.close();
      expect(rows.map((r) => r.version)).toEqual(readMigrations().map((m) => m.version));
    } finally {
      bots.forEach((b) => b.kill());
      await Promise.all(bots.map((b) => b.exited));
      await db.stop();
    }
  });

  it('keeps its embedded database across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'incident-data-'));
    const env = { ...SLACK, DATA_DIR: dataDir, PORT: '0' };
    const first = spawnBot(env);
    await first.ready(30000);
    expect(first.output()).toContain('database: embedded (migrations applied: 001');
    first.kill();
    expect(await first.exited).toBe(0);
    const second = spawnBot(env);
    try {
      const port = await second.ready(30000);
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      expect(second.output()).toContain('database: embedded (schema up to date)');
    } finally {
      second.kill();
      await second.exited;
    }
  });
});
