import { readFileSync } from 'node:fs';
import { WebClient } from '@slack/web-api';
import { parseDocument } from 'yaml';
import type { SlackChannel } from '../../src/sandbox/workspace-types';
import { insertJobs } from '../../src/store/jobs';
import { BACKEND } from '../support/test-database';
import { BOT_TOKEN, startHarness, type Harness } from '../support/harness';
import { declareBySlash } from '../support/incident-steps';

function configWithTwoAttempts(): string {
  const doc = parseDocument(readFileSync('incident.config.yml', 'utf8'));
  doc.setIn(['reminders', 'max_attempts'], 2);
  doc.setIn(['reminders', 'lease_seconds'], 60);
  return doc.toString();
}

describe(`the scheduler (${BACKEND} backend)`, () => {
  let h: Harness;
  const ws = () => h.emulator.workspace;
  const tick = () => h.bot.scheduler.tick();
  const db = () => h.bot.database;
  const reminders = (channel: SlackChannel) => ws().messages(channel.id).filter((m) => m.text.includes('Status update due for'));
  const job = async (id: number) => (await db().query('SELECT state, attempts, message_ts, last_error, claimed_by, due_at FROM jobs WHERE id = $1', [id])).rows[0];

  /** A status reminder job for incident `incidentId`, already claimed by a process whose lease ends `leaseMinutes` from now. */
  async function claimedElsewhere(incidentId: number, key: string, leaseMinutes: number): Promise<number> {
    const now = h.clock.now();
    const payload = { severity: 'SEV-1', window: key, windowDueAt: now.toISOString(), lastUpdateId: null };
    await insertJobs(db(), [{ kind: 'status_due', incidentId, dedupeKey: key, dueAt: now, payload }], now);
    const { rows } = await db().query(
      `UPDATE jobs SET state = 'running', attempts = 1, claimed_by = 'killed-replica', claimed_at = $2, lease_until = $3
       WHERE incident_id = $1 AND dedupe_key = $4 RETURNING id`,
      [incidentId, now, new Date(now.getTime() + leaseMinutes * 60_000), key],
    );
    return Number(rows[0].id);
  }

  beforeAll(async () => {
    h = await startHarness({ configYaml: configWithTwoAttempts() });
  });
  afterAll(async () => {
    await h.stop();
  });

  it('after a long pause posts one reminder for the missed window, not one per missed tick, and plans the next from now', async () => {
    const channel = await declareBySlash(h, 'sev1 Checkout API 5xx');
    h.clock.advance(120);
    await tick();
    await tick();
    expect(reminders(channel).map((m) => m.text)).toEqual([`<@${h.users.ana}> Status update due for INC-1 (SEV-1): no update yet, open 2 h · 1 h 45 min overdue`]);
    const { rows } = await db().query("SELECT due_at FROM jobs WHERE incident_id = 1 AND kind = 'status_due' AND state = 'pending'");
    expect(rows).toHaveLength(1);
    expect(Math.round((new Date(rows[0].due_at).getTime() - h.clock.now().getTime()) / 60_000)).toBe(15);
    expect(ws().messages(channel.id).filter((m) => m.text.includes('escalated to'))).toHaveLength(3);
  });

  it('takes over a killed replica’s job once its lease runs out, and posts it once', async () => {
    const channel = await declareBySlash(h, 'sev1 Login fails');
    const id = await claimedElsewhere(2, 'crash-test', 1);
    await tick();
    expect(reminders(channel)).toHaveLength(0);
    expect(await job(id)).toMatchObject({ state: 'running', claimed_by: 'killed-replica' });
    h.clock.advance(1.1);
    await tick();
    expect(reminders(channel)).toHaveLength(1);
    expect(await job(id)).toMatchObject({ state: 'done', attempts: 2, message_ts: reminders(channel)[0].ts, claimed_by: expect.not.stringMatching('killed-replica') });
  });

  it('does not post again when the killed replica had posted and stored the message ts before dying', async () => {
    const incidentChannel = (await db().query('SELECT channel_id FROM incidents WHERE id = 2')).rows[0].channel_id as string;
    const before = ws().messages(incidentChannel).length;
    const id = await claimedElsewhere(2, 'posted-and-stored', 0);
    await db().query("UPDATE jobs SET message_ts = '1700000000.000100' WHERE id = $1", [id]);
    await tick();
    expect(ws().messages(incidentChannel)).toHaveLength(before);
    expect(await job(id)).toMatchObject({ state: 'done', message_ts: '1700000000.000100' });
    const { rows } = await db().query("SELECT data FROM timeline_entries WHERE incident_id = 2 AND slack_ts = '1700000000.000100'");
    expect(rows).toEqual([{ data: { kind: 'status_due', messageTs: '1700000000.000100' } }]);
  });

  it('finds the message a killed replica posted but had no time to record, instead of posting it twice', async () => {
    const incidentChannel = (await db().query('SELECT channel_id FROM incidents WHERE id = 2')).rows[0].channel_id as string;
    const id = await claimedElsewhere(2, 'posted-not-stored', 0);
    const client = new WebClient(BOT_TOKEN, { slackApiUrl: h.emulator.apiUrl });
    const earlier = await client.chat.postMessage({
      channel: incidentChannel,
      text: 'Status update due for INC-2 (SEV-1): posted by the replica that died',
      metadata: { event_type: 'incident_bot_job', event_payload: { job_id: String(id) } },
    });
    const before = ws().messages(incidentChannel).length;
    await tick();
    expect(ws().messages(incidentChannel)).toHaveLength(before);
    expect(await job(id)).toMatchObject({ state: 'done', message_ts: earlier.ts });
  });

  it('retries a failed post with backoff, then gives up after the configured attempts, logging and counting it', async () => {
    await db().query("UPDATE jobs SET state = 'cancelled' WHERE state = 'pending'");
    const channel = await declareBySlash(h, 'sev1 Uploads failing');
    const { rows } = await db().query("SELECT id FROM jobs WHERE incident_id = 3 AND kind = 'status_due' AND state = 'pending'");
    const id = Number(rows[0].id);
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    h.clock.advance(15);
    h.emulator.failNext('chat.postMessage', { times: 1, error: 'fatal_error' });
    await tick();
    expect(await job(id)).toMatchObject({ state: 'pending', attempts: 1, last_error: expect.stringContaining('fatal_error') });
    expect(Math.round((new Date((await job(id)).due_at).getTime() - h.clock.now().getTime()) / 1000)).toBe(15);
    await tick();
    expect(reminders(channel)).toHaveLength(0);
    h.emulator.failNext('chat.postMessage', { times: 1, error: 'fatal_error' });
    h.clock.advance(0.25);
    await tick();
    expect(await job(id)).toMatchObject({ state: 'failed', attempts: 2 });
    expect(reminders(channel)).toHaveLength(0);
    const metrics = await (await fetch(`http://127.0.0.1:${h.bot.port}/metrics`)).text();
    expect(metrics).toContain('incident_bot_jobs_total{kind="status_due",outcome="retried"} 1');
    expect(metrics).toContain('incident_bot_jobs_total{kind="status_due",outcome="failed"} 1');
    expect(logged.mock.calls.flat().join(' ')).toMatch(/job \d+ \(status_due of INC-3\) gave up after 2 attempt\(s\): An API error occurred: fatal_error/);
    logged.mockRestore();
    // The cadence goes on: the next reminder was planned before the first post was tried; it mentions, once.
    h.clock.advance(15);
    await tick();
    expect(reminders(channel).map((m) => m.text)).toEqual([`<@${h.users.ana}> Status update due for INC-3 (SEV-1): no update yet, open 30 min · 15 min overdue`]);
  });
});
