import { BENCH_SECRET, BENCH_TOKEN, startBenchWorkspace } from './bench-workspace';
import { SlackEmulator } from '../src/sandbox';
import { spawnBot, type SpawnedBot } from '../test/support/spawn-bot';
import { summarise } from './stats';


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
  emulator.connectBot({ requestUrl: `http://127.0.0.1:${port}/slack/events`, signingSecret: BENCH_SECRET, botToken: BENCH_TOKEN });
}

/**
 * Ack latency of `/incident declare` under N concurrent signed requests, beside a bare Bolt app that only
 * acks, in one run. Both run as their own processes; the emulator and the load live in this one.
 */
export async function benchLifecycle(options: { concurrency?: number; rounds?: number } = {}): Promise<Record<string, unknown>> {
  const concurrency = options.concurrency ?? 50;
  const rounds = options.rounds ?? 4;
  const ws = await startBenchWorkspace();
  const { emulator, user, channel, env } = ws;
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
    await ws.stop();
  }
  const [declare, help, bareBolt] = [summarise(series.declare), summarise(series.help), summarise(series.bareBolt)];
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  return {
    backend: ws.backend,
    concurrency,
    rounds,
    declare,
    help,
    bareBolt,
    declareVsBareP50: ratio(declare.p50, bareBolt.p50),
    declareVsBareP99: ratio(declare.p99, bareBolt.p99),
  };
}
