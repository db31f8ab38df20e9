import { readFileSync } from 'node:fs';
import { signSlackRequest } from '../../../src/sandbox/signing';
import { BACKEND } from '../../support/test-database';
import { eventually, startHarness, type Harness, SIGNING_SECRET } from '../../support/harness';

const fixture = (name: string) => readFileSync(`test/fixtures/slack/http/${name}`, 'utf8');

describe(`the bot as Slack talks to it (${BACKEND} backend)`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('answers /incident help with every subcommand, only to the person who asked', async () => {
    const res = await h.emulator.slashCommand({ user: h.users.ana, channel: h.channels.general, text: 'help' });
    expect(res.status).toBe(200);
    const reply = res.json as { response_type: string; text: string };
    expect(reply.response_type).toBe('ephemeral');
    for (const sub of ['declare', 'sev', 'role', 'status', 'note', 'timeline', 'list', 'resolve', 'runbook', 'run', 'evidence']) {
      expect(res.body).toContain(`/incident ${sub}`);
    }
    expect(h.emulator.workspace.messages(h.channels.general)).toHaveLength(0);
  });

  it('answers an unknown subcommand with help that names it', async () => {
    const res = await h.emulator.slashCommand({ user: h.users.ana, channel: h.channels.general, text: 'explode now' });
    expect((res.json as { text: string }).text).toContain('unknown subcommand explode');
    expect(res.body).toContain('/incident declare');
  });

  it('refuses a forged signature with 401 and does nothing', async () => {
    const body = fixture('slash_command.docs_example.form-urlencoded.txt').replace(/text=[^&]*/, 'text=help').replace('%2Fwebhook-collect', '%2Fincident');
    const res = await h.emulator.postToBot({ body, contentType: 'application/x-www-form-urlencoded', signature: 'v0=' + '0'.repeat(64) });
    expect(res.status).toBe(401);
    expect(res.body).not.toContain('/incident declare');
    const metrics = await (await fetch(`http://127.0.0.1:${h.bot.port}/metrics`)).text();
    expect(metrics).toMatch(/incident_bot_commands_total\{subcommand="help",outcome="ok"\} 1\n/);
  });

  it('refuses a correctly signed request whose timestamp is more than five minutes old', async () => {
    const body = fixture('slash_command.docs_example.form-urlencoded.txt').replace(/text=[^&]*/, 'text=help').replace('%2Fwebhook-collect', '%2Fincident');
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await h.emulator.postToBot({
      body,
      contentType: 'application/x-www-form-urlencoded',
      timestamp: stale,
      signature: signSlackRequest(SIGNING_SECRET, stale, body),
    });
    expect(res.status).toBe(401);
  });

  it('serves a signed request once: the same request replayed within the five minutes gets the first answer and runs nothing', async () => {
    const body = fixture('slash_command.docs_example.form-urlencoded.txt').replace(/text=[^&]*/, 'text=help').replace('%2Fwebhook-collect', '%2Fincident');
    const at = Math.floor(Date.now() / 1000);
    const signed = { body, contentType: 'application/x-www-form-urlencoded', timestamp: at, signature: signSlackRequest(SIGNING_SECRET, at, body) };
    const helpRuns = async () => Number(/incident_bot_commands_total\{subcommand="help",outcome="ok"\} (\d+)/.exec(await (await fetch(`http://127.0.0.1:${h.bot.port}/metrics`)).text())?.[1] ?? 0);
    const first = await h.emulator.postToBot(signed);
    const runsAfterFirst = await helpRuns();
    const replay = await h.emulator.postToBot(signed);
    expect(first.body).toContain('/incident declare');
    expect(replay.status).toBe(200);
    expect(replay.body).toBe(first.body);
    expect(await helpRuns()).toBe(runsAfterFirst);
    const metrics = await (await fetch(`http://127.0.0.1:${h.bot.port}/metrics`)).text();
    expect(metrics).toMatch(/incident_bot_events_total\{type="request",outcome="replay"\} 1/);
  });

  it('serves again a request whose first delivery was never answered (its replica died), and answers later deliveries the same way', async () => {
    const body = fixture('slash_command.docs_example.form-urlencoded.txt').replace(/text=[^&]*/, 'text=help').replace('%2Fwebhook-collect', '%2Fincident');
    const at = Math.floor(Date.now() / 1000) - 7; // not the second the test above signed in
    const signed = { body, contentType: 'application/x-www-form-urlencoded', timestamp: at, signature: signSlackRequest(SIGNING_SECRET, at, body) };
    // What a replica that took the request and died before answering leaves behind.
    await h.bot.database.query('INSERT INTO seen_request_signatures (signature) VALUES ($1)', [signed.signature]);
    const resent = await h.emulator.postToBot(signed);
    expect(resent.body).toContain('/incident declare');
    const { rows } = await h.bot.database.query<{ answer: string }>('SELECT answer FROM seen_request_signatures WHERE signature = $1', [signed.signature]);
    expect(rows[0].answer).toContain('/incident declare');
    const replay = await h.emulator.postToBot(signed);
    expect(replay.body).toBe(resent.body);
  });

  it('answers url_verification with the challenge', async () => {
    const body = fixture('url_verification.json');
    const res = await h.emulator.postToBot({ body, contentType: 'application/json' });
    expect(res.status).toBe(200);
    expect(res.body).toContain(JSON.parse(body).challenge);
  });

  it('processes a redelivered event once (Slack retries with the same event id)', async () => {
    const event = { type: 'app_home_opened', user: h.users.ben, channel: 'D0000000001', tab: 'home', event_ts: '1700000000.000100' };
    const first = await h.emulator.sendEvent(event, { eventId: 'Ev0DUPLICATE1' });
    // Slack retries later, so the retry carries a new timestamp and signature (not a replay of the same request).
    await new Promise((r) => setTimeout(r, 1100));
    const retry = await h.emulator.sendEvent(event, { eventId: 'Ev0DUPLICATE1', retryNum: 1, retryReason: 'http_timeout' });
    expect([first.status, retry.status]).toEqual([200, 200]);
    await eventually(() => expect(h.emulator.workspace.homeView(h.users.ben)).toBeDefined());
    await new Promise((r) => setTimeout(r, 300));
    expect(h.emulator.workspace.callsTo('views.publish').filter((c) => c.args.user_id === h.users.ben)).toHaveLength(1);
    const { rows } = await h.bot.database.query('SELECT event_id FROM slack_events WHERE event_id = $1', ['Ev0DUPLICATE1']);
    expect(rows).toHaveLength(1);
  });

  it('reports readiness and metrics over HTTP beside the Slack endpoint', async () => {
    const base = `http://127.0.0.1:${h.bot.port}`;
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/incident_bot_commands_total\{subcommand="help",outcome="ok"\} [1-9]/);
    expect(metrics).toMatch(/incident_bot_events_total\{type="app_home_opened",outcome="duplicate"\} 1/);
  });
});
