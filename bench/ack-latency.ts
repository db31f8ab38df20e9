import { BENCH_SECRET, BENCH_TOKEN, startBenchWorkspace } from './bench-workspace';
import { SlackEmulator } from '../src/sandbox';
import { spawnBot, type SpawnedBot } from '../test/support/spawn-bot';
import { rssMb, withPeakRss } from './process-stats';
import { summarise, type LatencySummary } from './stats';

const LEVELS = [1, 10, 100];
const REQUESTS_PER_LEVEL = 100;

type Send = (emulator: SlackEmulator, i: number) => Promise<{ status: number; elapsedMs: number }>;

async function measure(emulator: SlackEmulator, concurrency: number, send: Send): Promise<number[]> {
  const samples: number[] = [];
  for (let done = 0; done < REQUESTS_PER_LEVEL; done += concurrency) {
    const burst = await Promise.all(Array.from({ length: concurrency }, (_, i) => send(emulator, done + i)));
    for (const r of burst) {
      if (r.status !== 200) throw new Error(`HTTP ${r.status}`);
      samples.push(r.elapsedMs);
    }
  }
  return samples;
}

const settle = () => new Promise((r) => setTimeout(r, 1500));

/**
 * Ack latency (p50/p99/max) of `/incident help`, `/incident declare` and a view submission at 1, 10 and 100
 * concurrent signed requests, beside a bare Bolt app that only acks, in the same run; plus the bot's RSS.
 */
export async function benchAckLatency(): Promise<Record<string, unknown>> {
  const ws = await startBenchWorkspace();
  const { emulator, user, channel, env } = ws;
  const bot = spawnBot(env);
  const bare = spawnBot(env, 'bench/bare-bolt.ts');
  const report: Record<string, unknown> = { backend: ws.backend, requestsPerLevel: REQUESTS_PER_LEVEL };
  const use = async (app: SpawnedBot) => emulator.connectBot({ requestUrl: `http://127.0.0.1:${await app.ready(60_000)}/slack/events`, signingSecret: BENCH_SECRET, botToken: BENCH_TOKEN });
  try {
    await use(bot);
    await bare.ready(60_000);
    report.rssIdleMb = rssMb(bot.child.pid);
    // One declare form left open: submitting it with an empty title is answered with a field error, every time.
    await emulator.slashCommand({ user, channel, text: 'declare' });
    let viewId: string | undefined;
    while (!(viewId = emulator.workspace.openViews(user).at(-1)?.id)) await new Promise((r) => setTimeout(r, 20));
    const submit: Send = (e) => e.submitView({ user, viewId: viewId as string, values: { title: { value: { type: 'plain_text_input', value: '' } } } });
    const sends: Record<string, Send> = {
      help: (e) => e.slashCommand({ user, channel, text: 'help' }),
      declare: (e, i) => e.slashCommand({ user, channel, text: `declare sev3 Bench ${Date.now()}-${i}` }),
      viewSubmission: submit,
    };
    let peak = 0;
    for (const level of LEVELS) {
      for (const [name, send] of Object.entries(sends)) {
        await use(bot);
        const ours = await withPeakRss(bot.child.pid, () => measure(emulator, level, send));
        peak = Math.max(peak, ours.peakMb);
        await settle();
        await use(bare);
        const floor = await measure(emulator, level, name === 'declare' ? sends.help : send);
        report[`${name}@${level}`] = summarise(ours.result);
        report[`bare-${name}@${level}`] = summarise(floor);
        report[`ratioP99 ${name}@${level}`] = ratio(report[`${name}@${level}`] as LatencySummary, report[`bare-${name}@${level}`] as LatencySummary);
      }
    }
    report.rssPeakMb = peak;
  } finally {
    bot.kill();
    bare.kill();
    await Promise.all([bot.exited, bare.exited]);
    await ws.stop();
  }
  return report;
}

const ratio = (a: LatencySummary, b: LatencySummary) => Math.round((a.p99 / b.p99) * 100) / 100;
