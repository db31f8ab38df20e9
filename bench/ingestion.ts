import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBot } from '../src/bot';
import { loadIncidentConfig } from '../src/config/load';
import { SlackEmulator } from '../src/sandbox';
import { freshServerDatabase } from './server-database';

const SECRET = 'bench-secret';
const TOKEN = 'xoxb-bench';

async function ingest(databaseUrl: string | undefined, messages: number, concurrency: number): Promise<Record<string, number>> {
  const emulator = new SlackEmulator({ botToken: TOKEN, signingSecret: SECRET });
  await emulator.start();
  const user = emulator.addUser({ name: 'bench' }).id;
  emulator.addChannel({ name: 'incidents', members: [user, emulator.botUserId] });
  const general = emulator.addChannel({ name: 'general', members: [user, emulator.botUserId] }).id;
  const bot = await startBot(
    {
      slack: { mode: 'http', botToken: TOKEN, signingSecret: SECRET },
      slackApiUrl: emulator.apiUrl,
      port: 0,
      healthPort: 0,
      databaseUrl,
      dataDir: mkdtempSync(join(tmpdir(), 'bench-ingest-')),
      configPath: 'incident.config.yml',
      logLevel: 'error',
    },
    loadIncidentConfig('incident.config.yml'),
    { scheduler: 'manual' },
  );
  emulator.connectBot({ requestUrl: `http://127.0.0.1:${bot.port}/slack/events`, signingSecret: SECRET, botToken: TOKEN });
  try {
    await emulator.slashCommand({ user, channel: general, text: 'declare sev3 Ingestion bench' });
    let channel: string | undefined;
    while (!channel) {
      await new Promise((r) => setTimeout(r, 50));
      channel = [...emulator.workspace.channels.values()].find((c) => c.name.endsWith('ingestion-bench'))?.id;
    }
    emulator.workspace.channels.get(channel)?.members.push(user);
    const count = async () => Number((await bot.database.query("SELECT count(*) AS n FROM timeline_entries WHERE kind IN ('message', 'reply')")).rows[0].n);
    const started = Date.now();
    for (let sent = 0; sent < messages; sent += concurrency) {
      await Promise.all(Array.from({ length: Math.min(concurrency, messages - sent) }, (_, i) => emulator.postMessage({ user, channel: channel as string, text: `message ${sent + i}` })));
    }
    while ((await count()) < messages) await new Promise((r) => setTimeout(r, 20));
    const seconds = (Date.now() - started) / 1000;
    return { messages, concurrency, seconds: Math.round(seconds * 100) / 100, perSecond: Math.round(messages / seconds) };
  } finally {
    await bot.stop();
    await emulator.stop();
  }
}

async function onFreshServer<T>(work: (url: string) => Promise<T>): Promise<T> {
  const server = await freshServerDatabase();
  try {
    return await work(server.url);
  } finally {
    await server.stop();
  }
}

/** Message events per second stored on the timeline by one process, on embedded PGlite and on the server. */
export async function benchIngestion(messages = 2000, concurrency = 20): Promise<Record<string, unknown>> {
  return {
    note: 'one bot process; the emulator sending the events runs in the same process',
    embedded: await ingest(undefined, messages, concurrency),
    server: await onFreshServer((url) => ingest(url, messages, concurrency)),
  };
}
