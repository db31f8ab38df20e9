import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectDatabase } from '../../src/db/db';
import { readMigrations } from '../../src/db/migrate';
import { spawnBot } from '../support/spawn-bot';
import { BACKEND, createTestDatabase } from '../support/test-database';

const SLACK = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'test-secret', SLACK_API_URL: 'http://127.0.0.1:9/api/', LOG_LEVEL: 'error' };

describe(`starting the bot as a process (${BACKEND} backend)`, () => {
  it('exits with a message naming each missing Slack variable and the README section', async () => {
    const bot = spawnBot({});
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
