import { SlackEmulator } from '../../src/sandbox';
import type { SlackFile } from '../../src/sandbox/workspace-types';
import { eventually } from '../support/harness';
import { textValues } from '../support/incident-steps';
import { spawnBot, type SpawnedBot } from '../support/spawn-bot';
import { BACKEND, createTestDatabase, type TestDatabase } from '../support/test-database';

const TOKEN = 'xoxb-kill-test';
const SECRET = 'kill-test-secret';

describe(`kill -9 of the bot in the middle of an incident (${BACKEND} backend)`, () => {
  let emulator: SlackEmulator;
  let db: TestDatabase;
  let bot: SpawnedBot | undefined;
  let env: Record<string, string>;
  const start = async () => {
    bot = spawnBot(env);
    const port = await bot.ready(60_000);
    emulator.connectBot({ requestUrl: `http://127.0.0.1:${port}/slack/events`, signingSecret: SECRET, botToken: TOKEN });
  };

  beforeAll(async () => {
    emulator = new SlackEmulator({ botToken: TOKEN, signingSecret: SECRET });
    await emulator.start();
    db = await createTestDatabase();
    env = { SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: emulator.apiUrl, PORT: '0', DATABASE_URL: db.url, LOG_LEVEL: 'error' };
    if (BACKEND === 'embedded') env.DATABASE_POOL_SIZE = '1';
  }, 60_000);
  afterAll(async () => {
    bot?.kill('SIGKILL');
    await bot?.exited;
    await emulator.stop();
    await db.stop();
  });

  it('loses nothing: after a restart the postmortem holds every message, including those sent while it was dead', async () => {
    const ana = emulator.addUser({ name: 'ana' }).id;
    emulator.addChannel({ name: 'incidents', members: [ana, emulator.botUserId] });
    const general = emulator.addChannel({ name: 'general', members: [ana, emulator.botUserId] }).id;
    await start();
    await emulator.slashCommand({ user: ana, channel: general, text: 'declare sev2 Killed mid incident' });
    const channel = await eventually(() => {
      const c = [...emulator.workspace.channels.values()].find((x) => x.name.endsWith('killed-mid-incident'));
      expect(c && emulator.workspace.pins(c.id)).toHaveLength(1);
      return c!;
    }, 20_000);
    for (const text of ['before one', 'before two']) await emulator.postMessage({ user: ana, channel: channel.id, text });

    bot?.kill('SIGKILL');
    expect(await bot?.exited).toBeNull();
    emulator.dropEvents(true);
    for (const text of ['while dead one', 'while dead two']) await emulator.postMessage({ user: ana, channel: channel.id, text });
    emulator.dropEvents(false);

    await start();
    await emulator.postMessage({ user: ana, channel: channel.id, text: 'after restart' });
    await emulator.slashCommand({ user: ana, channel: channel.id, text: 'resolve' });
    const view = await eventually(() => {
      const v = emulator.workspace.openViews(ana).at(-1);
      expect(v?.callback_id).toBe('resolve_incident');
      return v!;
    }, 20_000);
    await emulator.submitView({ user: ana, viewId: view.id, values: textValues({ summary: 'Restarted the bot twice' }) });
    const file = await eventually(() => {
      const f = [...emulator.workspace.files.values()].find((x: SlackFile) => x.channels.includes(channel.id) && x.completed);
      expect(f).toBeDefined();
      return f!;
    }, 30_000);
    const markdown = (file as SlackFile & { content: Buffer }).content.toString('utf8');
    for (const text of ['before one', 'before two', 'while dead one', 'while dead two', 'after restart']) expect(markdown).toContain(text);
    expect(markdown).toMatch(/backfill/i);
    expect(markdown.split('while dead one').length - 1).toBe(1);
  }, 120_000);
});
