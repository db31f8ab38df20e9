import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { connectDatabase, type Database } from '../src/db/db';
import { startEmbeddedPostgres } from '../src/db/embedded';
import { SlackEmulator } from '../src/sandbox';
import { insertJobs } from '../src/store/jobs';
import { spawnBot, type SpawnedBot } from '../test/support/spawn-bot';
import { summarise } from './stats';

const SECRET = 'bench-secret';
const TOKEN = 'xoxb-bench';
const TICK_SECONDS = 1;

function benchConfig(): string {
  const doc = parseDocument(readFileSync('incident.config.yml', 'utf8'));
  doc.setIn(['reminders', 'tick_seconds'], TICK_SECONDS);
  const dir = mkdtempSync(join(tmpdir(), 'bench-timers-'));
  for (const folder of ['runbooks', 'commands']) if (existsSync(folder)) symlinkSync(resolve(folder), join(dir, folder));
  writeFileSync(join(dir, 'incident.config.yml'), doc.toString());
  return join(dir, 'incident.config.yml');
}

/** `n` open SEV-1 incidents, each in its own channel, with a status reminder due at `dueAt`. */
async function planDue(db: Database, emulator: SlackEmulator, round: string, n: number, dueAt: Date): Promise<string[]> {
  const channels = Array.from({ length: n }, (_, i) => emulator.addChannel({ name: `inc-${round}-${i}`, members: [emulator.botUserId] }));
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO incidents (idempotency_key, title, severity, status, declared_by, declared_at, channel_id, channel_name)
     SELECT 'bench-' || c.name, 'Bench ' || c.name, 'SEV-1', 'Investigating', 'U0BENCH01', $3, c.id, c.name
     FROM unnest($1::text[], $2::text[]) AS c (id, name) RETURNING id`,
    [channels.map((c) => c.id), channels.map((c) => c.name), dueAt],
  );
  const payload = { severity: 'SEV-1', window: round, windowDueAt: dueAt.toISOString(), lastUpdateId: null };
  await insertJobs(db, rows.map((r) => ({ kind: 'status_due', incidentId: Number(r.id), dedupeKey: round, dueAt, payload })), dueAt);
  return channels.map((c) => c.id);
}

async function waitForPosts(emulator: SlackEmulator, channels: string[], timeoutMs: number): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const firsts = channels.map((c) => emulator.workspace.messages(c)[0]?.ts);
    if (firsts.every((ts) => ts !== undefined)) return firsts.map((ts) => Number(ts) * 1000);
    if (Date.now() > deadline) throw new Error(`only ${firsts.filter(Boolean).length} of ${channels.length} reminders posted in time`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function round(emulator: SlackEmulator, db: Database, env: Record<string, string>, replicas: number, jobs: number) {
  const bots: SpawnedBot[] = Array.from({ length: replicas }, () => spawnBot(env));
  try {
    await Promise.all(bots.map((b) => b.ready(120_000)));
    const dueAt = new Date(Date.now() + 3000);
    const channels = await planDue(db, emulator, `r${replicas}`, jobs, dueAt);
    const postedAt = await waitForPosts(emulator, channels, 300_000);
    const duplicates = channels.reduce((n, c) => n + emulator.workspace.messages(c).length - 1, 0);
    const lastMs = Math.max(...postedAt) - dueAt.getTime();
    return { dueToPosted: summarise(postedAt.map((t) => t - dueAt.getTime())), throughputPerSecond: Math.round((jobs / lastMs) * 1000), duplicates };
  } finally {
    for (const b of bots) b.kill();
    await Promise.all(bots.map((b) => b.exited));
  }
}

/**
 * Reminder latency at volume: `jobs` status reminders fall due at the same moment; time from due to posted in Slack
 * (p50/p99, from the emulator's message ts) and throughput, for one replica and for three sharing the database.
 */
export async function benchTimers(options: { jobs?: number; replicas?: number[] } = {}): Promise<Record<string, unknown>> {
  const jobs = options.jobs ?? 1000;
  const emulator = new SlackEmulator({ botToken: TOKEN, signingSecret: SECRET });
  await emulator.start();
  emulator.addChannel({ name: 'incidents', members: [emulator.botUserId] });
  const embedded = process.env.BENCH_DATABASE_URL ? undefined : await startEmbeddedPostgres(mkdtempSync(join(tmpdir(), 'bench-timers-db-')));
  const url = process.env.BENCH_DATABASE_URL ?? (embedded?.url as string);
  const db = connectDatabase(url);
  const env = { SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: emulator.apiUrl, PORT: '0', LOG_LEVEL: 'error', DATABASE_URL: url, INCIDENT_CONFIG: benchConfig() };
  const report: Record<string, unknown> = { backend: embedded ? 'embedded' : 'server', jobs, tickSeconds: TICK_SECONDS };
  try {
    for (const replicas of options.replicas ?? [1, 3]) {
      const r = await round(emulator, db, env, replicas, jobs);
      report[`replicas${replicas}`] = r.dueToPosted;
      report[`replicas${replicas}PerSecond`] = r.throughputPerSecond;
      report[`replicas${replicas}Duplicates`] = r.duplicates;
    }
  } finally {
    await db.close();
    await emulator.stop();
    await embedded?.stop();
  }
  return report;
}
