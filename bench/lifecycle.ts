import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SlackEmulator } from '../src/sandbox';
import { spawnBot, type SpawnedBot } from '../test/support/spawn-bot';
import { freshServerDatabase } from './server-database';
import { summarise } from './stats';

const SECRET = 'bench-secret';
const TOKEN = 'xoxb-bench';

async function burst(emulator: SlackEmulator, user: string, channel: string, concurrency: number, text: (i: number) => string): Promise<number[]> {
  return Promise.all(
    Array.from({ length: concurrency }, async (_, i) => {
      const res = await emulator.slashCommand({ user, channel, text: text(i) });
      if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${res.body}`);
      return res.elapsedMs;
    }),
  );
}

async function connect(emulator: SlackEmulator, app: SpawnedBot): Promise<void> {
  const port = await app.ready(60_000);
  emulator.connectBot({ requestUrl: `http://127.0.0.1:${port}/slack/events`, signingSecret: SECRET, botToken: TOKEN });
}

/**
 * Ack latency of `/incident declare` under N concurrent signed requests, beside a bare Bolt app that only
 * acks, in one run. Both run as their own processes; the emulator and the load live in this one.
 */
export async function benchLifecycle(options: { concurrency?: number; rounds?: number } = {}): Promise<Record<string, unknown>> {
  const concurrency = options.concurrency ?? 50;
  const rounds = options.rounds ?? 4;
  const emulator = new SlackEmulator({ botToken: TOKEN, signingSecret: SECRET });
  await emulator.start();
  const user = emulator.addUser({ name: 'bench' }).id;
  emulator.addChannel({ name: 'incidents', members: [user, emulator.botUserId] });
  const channel = emulator.addChannel({ name: 'general', members: [user, emulator.botUserId] }).id;
  const env: Record<string, string> = { SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: emulator.apiUrl, PORT: '0', LOG_LEVEL: 'error' };
  const server = process.env.BENCH_DATABASE_URL ? await freshServerDatabase() : undefined;
  if (server) env.DATABASE_URL = server.url;
  else env.DATA_DIR = mkdtempSync(join(tmpdir(), 'bench-'));
  const series: Record<string, number[]> = { declare: [], help: [], bareBolt: [] };
  const runs: [keyof typeof series, SpawnedBot, (r: number, i: number) => string][] = [];
  const bot = spawnBot(env);
  const bare = spawnBot(env, 'bench/bare-bolt.ts');
  try {
    runs.push([ 'declare', bot, (r, i) => `declare sev2 Bench ${r}-${i} checkout errors` ], ['help', bot, () => 'help'], ['bareBolt', bare, () => 'help']);
    for (let round = 0; round < rounds; round++) {
      for (const [name, app, text] of runs) {
        await connect(emulator, app);
        series[name].push(...(await burst(emulator, user, channel, concurrency, (i) => text(round, i))));
        // Let the work the bot does after its acks (channels, headers, announcements) finish before the next series.
        await new Promise((r) => setTimeout(r, 2000));
      }
    }
  } finally {
    bot.kill();
    bare.kill();
    await Promise.all([bot.exited, bare.exited]);
    await emulator.stop();
    await server?.stop();
  }
  const [declare, help, bareBolt] = [summarise(series.declare), summarise(series.help), summarise(series.bareBolt)];
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  return {
    backend: env.DATABASE_URL ? 'server' : 'embedded',
    concurrency,
    rounds,
    declare,
    help,
    bareBolt,
    declareVsBareP50: ratio(declare.p50, bareBolt.p50),
    declareVsBareP99: ratio(declare.p99, bareBolt.p99),
  };
}
