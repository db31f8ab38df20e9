import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBot, type RunningBot } from '../../../src/bot';
import type { Env } from '../../../src/config/env';
import { loadIncidentConfig } from '../../../src/config/load';
import { SlackEmulator } from '../../../src/sandbox';
import type { SlackChannel, SlackFile } from '../../../src/sandbox/workspace-types';
import { fullTimeline } from '../../../src/store/timeline';
import { textValues } from '../../support/incident-steps';
import { BOT_TOKEN, eventually, SIGNING_SECRET, TestClock } from '../../support/harness';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

/**
 * The postmortem tests' world: like startHarness, but the workspace stamps messages with the bot's driven clock
 * (so a draft's times can be checked to the minute), and the bot can be stopped and started again on the same
 * database and workspace, to miss part of the channel.
 */
export interface PostmortemWorld {
  emulator: SlackEmulator;
  bot: RunningBot;
  clock: TestClock;
  env: Env;
  users: { ana: string; ben: string; cara: string };
  channels: { incidents: string; general: string };
  /** Moves the clock one second into the next whole minute, so steps taken "in the same minute" print the same time. */
  toNextMinute(): Date;
  stopBot(): Promise<void>;
  startBot(): Promise<void>;
  stop(): Promise<void>;
}

/** Boots the workspace (on the test clock, moved to the start of a minute) and the bot. */
export async function startWorld(): Promise<PostmortemWorld> {
  const config = loadIncidentConfig('incident.config.yml');
  const clock = new TestClock();
  const emulator = new SlackEmulator({ botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, now: () => clock.now().getTime() });
  await emulator.start();
  const ana = emulator.addUser({ name: 'ana', realName: 'Ana Ortiz' }).id;
  const ben = emulator.addUser({ name: 'ben', realName: 'Ben Okafor' }).id;
  const cara = emulator.addUser({ name: 'cara', realName: 'Cara Lind' }).id;
  const incidents = emulator.addChannel({ name: 'incidents', members: [ana, ben, cara, emulator.botUserId] }).id;
  const general = emulator.addChannel({ name: 'general', members: [ana, ben, cara] }).id;
  const db: TestDatabase = await createTestDatabase();
  const env: Env = {
    slack: { mode: 'http', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET },
    slackApiUrl: emulator.apiUrl,
    port: 0,
    healthPort: 0,
    databaseUrl: db.url,
    dataDir: mkdtempSync(join(tmpdir(), 'incident-bot-')),
    configPath: 'incident.config.yml',
    logLevel: 'error',
  };
  const boot = async () => {
    const bot = await startBot(env, config, { clock, scheduler: 'manual' });
    emulator.connectBot({ requestUrl: `http://127.0.0.1:${bot.port}/slack/events`, signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN });
    return bot;
  };
  const world: PostmortemWorld = {
    emulator, bot: await boot(), clock, env, users: { ana, ben, cara }, channels: { incidents, general },
    toNextMinute() {
      clock.advance((60_000 - (clock.now().getTime() % 60_000) + 1000) / 60_000);
      return clock.now();
    },
    async stopBot() {
      await world.bot.stop();
      emulator.dropEvents(true);
    },
    async startBot() {
      world.bot = await boot();
      emulator.dropEvents(false);
    },
    async stop() {
      await world.bot.stop();
      await emulator.stop();
      await db.stop();
    },
  };
  return world;
}

/** Declares an incident with the slash command and returns its channel once the header is pinned. */
export async function declareIn(w: PostmortemWorld, text: string): Promise<SlackChannel> {
  const before = new Set(w.emulator.workspace.channels.keys());
  const res = await w.emulator.slashCommand({ user: w.users.ana, channel: w.channels.general, text: `declare ${text}` });
  if (res.status !== 200) throw new Error(`declare answered ${res.status}: ${res.body}`);
  return eventually(() => {
    const created = [...w.emulator.workspace.channels.values()].find((c) => !before.has(c.id));
    if (!created || w.emulator.workspace.pins(created.id).length === 0) throw new Error('incident channel not ready yet');
    return created;
  });
}

/** The lines of one `## ` section of a Markdown document, without its heading and blank lines. */
export function section(markdown: string, heading: string): string[] {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  const end = markdown.indexOf('\n## ', start + 4);
  return markdown.slice(start + heading.length + 5, end < 0 ? undefined : end).split('\n').filter((l) => l.trim() !== '');
}

/** A draft line without its " ([Slack](…))" link, for comparing text. */
export const withoutLinks = (line: string): string => line.replace(/ \(\[Slack\]\([^)]+\)\)/g, '');

/** What people do in one incident channel, each step waiting until the bot has recorded it. */
export function channelSteps(w: PostmortemWorld, channel: SlackChannel, incidentId: number) {
  const ws = () => w.emulator.workspace;
  const entries = () => fullTimeline(w.bot.database, incidentId);
  const topView = (user: string, callbackId: string) =>
    eventually(() => {
      const v = ws().openViews(user).at(-1);
      if (v?.callback_id !== callbackId) throw new Error(`no ${callbackId} form open for ${user}`);
      return v;
    });
  const count = async (kind: string) => (await entries()).filter((e) => e.kind === kind).length;
  const until = (kind: string, n: number) => eventually(async () => expect(await count(kind)).toBe(n));
  return {
    /** Every draft uploaded to the channel so far, oldest first. */
    files: (): SlackFile[] => [...ws().files.values()].filter((f) => f.channels.includes(channel.id) && f.completed),
    say: (user: string, text: string, threadTs?: string) => w.emulator.postMessage({ user, channel: channel.id, text, threadTs }),
    stored: (ts: string) => eventually(async () => expect((await entries()).some((e) => e.slackTs === ts)).toBe(true)),
    command: (user: string, text: string) => w.emulator.slashCommand({ user, channel: channel.id, text }),
    async postStatus(user: string, status: string, impact: string, actions: string) {
      const before = await count('status_update');
      await w.emulator.slashCommand({ user, channel: channel.id, text: 'status' });
      await w.emulator.submitView({ user, viewId: (await topView(user, 'status_update')).id, values: statusValues(status, impact, actions) });
      await until('status_update', before + 1);
    },
    async resolve(user: string, summary: string, rootCause = '') {
      await w.emulator.slashCommand({ user, channel: channel.id, text: 'resolve' });
      await w.emulator.submitView({ user, viewId: (await topView(user, 'resolve_incident')).id, values: textValues({ summary, root_cause: rootCause }) });
    },
    until,
  };
}

const statusValues = (status: string, impact: string, actions: string) => ({
  status: { value: { type: 'static_select', selected_option: { value: status } } },
  impact: { value: { type: 'plain_text_input', value: impact } },
  current_actions: { value: { type: 'plain_text_input', value: actions } },
  next_update: { value: { type: 'number_input', value: '15' } },
  audience: { value: { type: 'radio_buttons', selected_option: { value: 'internal' } } },
});
