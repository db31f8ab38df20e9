import { startBot, type RunningBot } from '../bot';
import type { Env } from '../config/env';
import type { IncidentConfig } from '../config/schema';
import type { Clock } from '../domain/ports';
import { SlackEmulator } from './emulator';
import { SandboxServer } from './sandbox-server';

/** The slash commands of the app manifest (manifest.yml), the only ones the sandbox workspace knows. */
export const SANDBOX_COMMANDS = ['/incident'];

/** The people of the sandbox workspace: `you` is who the page starts as; the others are teammates to switch to. */
export const SANDBOX_PEOPLE = [
  { name: 'you', realName: 'You' },
  { name: 'ana', realName: 'Ana Ortiz' },
  { name: 'ben', realName: 'Ben Okafor' },
  { name: 'cara', realName: 'Cara Lind' },
] as const;

type Person = (typeof SANDBOX_PEOPLE)[number]['name'];

/** A running sandbox: the page's URL, the local workspace, the bot connected to it, and how to stop both. */
export interface RunningSandbox {
  url: string;
  port: number;
  emulator: SlackEmulator;
  bot: RunningBot;
  users: Record<Person, string>;
  channels: { incidents: string; general: string };
  stop(): Promise<void>;
}

/**
 * Starts the real bot (HTTP mode, on a free internal port) against a local Slack workspace seeded with a few
 * people and channels, and serves the workspace's page on `env.port` at /sandbox.
 */
export async function startSandbox(env: Env, config: IncidentConfig, options: { clock?: Clock; host?: string } = {}): Promise<RunningSandbox> {
  const { botToken, signingSecret } = env.slack;
  const emulator = new SlackEmulator({ botToken, signingSecret, teamName: 'Sandbox', teamDomain: 'sandbox' });
  await emulator.start();
  const { users, channels } = seedWorkspace(emulator, config);
  let bot: RunningBot | undefined;
  const server = new SandboxServer({ emulator, commands: SANDBOX_COMMANDS, defaultUser: users.you });
  try {
    bot = await startBot({ ...env, slack: { mode: 'http', botToken, signingSecret }, slackApiUrl: emulator.apiUrl, port: 0 }, config, { clock: options.clock });
    emulator.connectBot({ requestUrl: `http://127.0.0.1:${bot.port}/slack/events`, signingSecret, botToken });
    const port = await server.start(env.port, options.host);
    const running = bot;
    return {
      url: `http://localhost:${port}/sandbox`,
      port,
      emulator,
      bot: running,
      users,
      channels,
      async stop() {
        await server.stop();
        await running.stop();
        await emulator.stop();
      },
    };
  } catch (error) {
    await server.stop();
    await bot?.stop();
    await emulator.stop();
    throw error;
  }
}

/** Seeds the people, the configured incidents channel and #general, everyone and the bot in both. */
function seedWorkspace(emulator: SlackEmulator, config: IncidentConfig): Pick<RunningSandbox, 'users' | 'channels'> {
  const users = Object.fromEntries(SANDBOX_PEOPLE.map((p) => [p.name, emulator.addUser(p).id])) as Record<Person, string>;
  const members = [...Object.values(users), emulator.botUserId];
  const configured = config.channels.incidents_channel.replace(/^#/, '');
  const byId = /^[CG][A-Z0-9]{6,}$/.test(configured);
  const incidents = emulator.addChannel({ id: byId ? configured : undefined, name: byId ? 'incidents' : configured, members }).id;
  const general = emulator.addChannel({ name: 'general', members, isGeneral: true }).id;
  return { users, channels: { incidents, general } };
}
