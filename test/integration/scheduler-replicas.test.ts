import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { connectDatabase, type Database } from '../../src/db/db';
import { SlackEmulator } from '../../src/sandbox';
import { insertJobs } from '../../src/store/jobs';
import { BACKEND, createTestDatabase, type TestDatabase } from '../support/test-database';

const SECRET = 'replicas-secret';
const TOKEN = 'xoxb-replicas';
const REMINDERS = 200;

/** The shipped config (beside the shipped runbooks), ticking every second with a 3-second lease so a killed replica's jobs move on quickly. */
function fastTimersConfig(): string {
  const doc = parseDocument(readFileSync('incident.config.yml', 'utf8'));
  doc.setIn(['reminders', 'tick_seconds'], 1);
  doc.setIn(['reminders', 'lease_seconds'], 3);
  const dir = mkdtempSync(join(tmpdir(), 'replicas-'));
  // Runbooks and commands are found beside the config file.
  for (const folder of ['runbooks', 'commands']) if (existsSync(folder)) symlinkSync(resolve(folder), join(dir, folder));
  writeFileSync(join(dir, 'incident.config.yml'), doc.toString());
  return join(dir, 'incident.config.yml');
}

interface Replica {
  child: ChildProcess;
  ready: Promise<void>;
  exited: Promise<unknown>;
}

/**
 * Starts a replica as `npm start` does, but as one node process (tsx as a loader, not its CLI, which forks a child
 * that SIGKILL would leave running): killing it kills the bot.
 */
function startReplica(env: Record<string, string>): Replica {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: join(__dirname, '..', '..'), env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise((r) => child.once('exit', r));
  const ready = new Promise<void>((resolveReady, reject) => {
    const onData = (d: Buffer) => {
      out += d;
      if (/incident bot ready: HTTP/.test(out)) resolveReady();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(() => reject(new Error(`replica exited before it was ready:\n${out}`)));
  });
  return { child, ready, exited };
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Puts `n` open SEV-1 incidents, each in its own channel, with a status reminder due now. */
async function dueReminders(db: Database, channels: { id: string; name: string }[]): Promise<void> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO incidents (idempotency_key, title, severity, status, declared_by, declared_at, channel_id, channel_name)
     SELECT 'load-' || c.name, 'Load ' || c.name, 'SEV-1', 'Investigating', 'U0LOADER1', now(), c.id, c.name
     FROM unnest($1::text[], $2::text[]) AS c (id, name) RETURNING id`,
    [channels.map((c) => c.id), channels.map((c) => c.name)],
  );
  const now = new Date();
  const payload = { severity: 'SEV-1', window: 'load', windowDueAt: now.toISOString(), lastUpdateId: null };
  await insertJobs(db, rows.map((r) => ({ kind: 'status_due', incidentId: Number(r.id), dedupeKey: 'load', dueAt: now, payload })), now);
}

describe(`three replicas against one Postgres (${BACKEND} backend)`, () => {
  let emulator: SlackEmulator;
  let testDb: TestDatabase;
  let db: Database;
  let bots: Replica[] = [];
  let channels: { id: string; name: string }[];

  beforeAll(async () => {
    emulator = new SlackEmulator({ botToken: TOKEN, signingSecret: SECRET });
    await emulator.start();
    emulator.addChannel({ name: 'incidents', members: [emulator.botUserId] });
    channels = Array.from({ length: REMINDERS }, (_, i) => emulator.addChannel({ name: `inc-load-${i}`, members: [emulator.botUserId] }));
    testDb = await createTestDatabase();
    const env = { SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: emulator.apiUrl, PORT: '0', DATABASE_URL: testDb.url, INCIDENT_CONFIG: fastTimersConfig(), LOG_LEVEL: 'error' };
    bots = [startReplica(env), startReplica(env), startReplica(env)];
    await Promise.all(bots.map((b) => b.ready));
    db = connectDatabase(testDb.url);
  }, 90_000);

  afterAll(async () => {
    for (const bot of bots) bot.child.kill('SIGKILL');
    await Promise.all(bots.map((b) => b.exited));
    await db?.close();
    await emulator.stop();
    await testDb.stop();
  });

  it('posts 200 reminders due at once exactly 200 times, although one replica is killed mid-run', async () => {
    const posted = () => channels.reduce((n, c) => n + emulator.workspace.messages(c.id).length, 0);
    await dueReminders(db, channels);
    const victim = bots[1].child.pid;
    const victimHolds = async () => (await db.query("SELECT 1 FROM jobs WHERE state = 'running' AND split_part(claimed_by, ':', 2) = $1", [String(victim)])).rows.length > 0;
    // Killed while it holds claimed jobs, some perhaps posted but not yet marked done.
    await until(async () => posted() >= REMINDERS / 5 && (await victimHolds()), 30_000, 'the first reminders');
    bots[1].child.kill('SIGKILL');
    await bots[1].exited;
    // What the dead replica still held (running, perhaps posted but not marked done) must be taken over.
    const { rows: held } = await db.query<{ id: string }>("SELECT id FROM jobs WHERE state = 'running' AND split_part(claimed_by, ':', 2) = $1", [String(victim)]);
    await until(async () => (await db.query("SELECT 1 FROM jobs WHERE kind = 'status_due' AND dedupe_key = 'load' AND state <> 'done'")).rows.length === 0, 30_000, 'every job done');
    // Leave time for a stray second post to show: one more lease and a few ticks.
    await new Promise((r) => setTimeout(r, 4000));
    const perChannel = channels.map((c) => emulator.workspace.messages(c.id).filter((m) => m.text.startsWith('Status update due for')).length);
    expect(perChannel.filter((n) => n !== 1)).toEqual([]);
    expect(posted()).toBe(REMINDERS);
    const { rows } = await db.query<{ message_ts: string; channel_id: string; claimed_by: string; attempts: number }>(
      `SELECT j.message_ts, i.channel_id, j.claimed_by, j.attempts FROM jobs j JOIN incidents i ON i.id = j.incident_id WHERE j.dedupe_key = 'load'`,
    );
    expect(rows.every((r) => emulator.workspace.messages(r.channel_id)[0]?.ts === r.message_ts)).toBe(true);
    expect(new Set(rows.map((r) => r.claimed_by.split(':')[1])).size).toBeGreaterThanOrEqual(2);
    // The jobs the killed replica held were taken over once its lease ran out.
    const { rows: takenOver } = await db.query<{ id: string }>("SELECT id FROM jobs WHERE id = ANY($1::bigint[]) AND state = 'done' AND attempts > 1", [held.map((r) => r.id)]);
    expect(takenOver.length).toBe(held.length);
    expect(rows.filter((r) => r.claimed_by.split(':')[1] !== String(victim)).length).toBeGreaterThan(REMINDERS / 2);
    const { rows: entries } = await db.query("SELECT count(*)::int AS n FROM timeline_entries WHERE kind = 'reminder'");
    expect(entries[0].n).toBe(REMINDERS);
  }, 90_000);
});
