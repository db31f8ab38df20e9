import { connectDatabase, type Database } from '../../src/db/db';
import { SlackEmulator, type BotResponse } from '../../src/sandbox';
import { eventually } from '../support/harness';
import { RoundRobinProxy } from '../support/round-robin-proxy';
import { spawnBot, type SpawnedBot } from '../support/spawn-bot';
import { BACKEND, createTestDatabase, type TestDatabase } from '../support/test-database';

const SECRET = 'replicas-http-secret';
const TOKEN = 'xoxb-replicas-http';
const COMMANDS = 60;
const MESSAGES = 150;
const SLOW_NOTICE = /^:hourglass: Still working/;

/** What each kind of command is answered with, to tell a real answer from an empty one. */
const EXPECTED: Record<string, RegExp> = { help: /\/incident declare/, list: /Replicas under load/, timeline: /INC-\d+/ };
const KINDS = Object.keys(EXPECTED);

/** Runs the tasks, `width` at a time. */
async function inParallel(tasks: (() => Promise<void>)[], width: number): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < tasks.length) await tasks[next++]();
  }));
}

describe(`three replicas in HTTP mode behind a round-robin load balancer, one killed mid-run (${BACKEND} backend)`, () => {
  let emulator: SlackEmulator;
  let testDb: TestDatabase;
  let db: Database;
  let proxy: RoundRobinProxy;
  let bots: SpawnedBot[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    const env = { SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, PORT: '0', DATABASE_URL: testDb.url, LOG_LEVEL: 'error' };
    // Slack redelivers an event that was not answered 2xx (after about 0 s, 1 min and 5 min; shortened here).
    emulator = new SlackEmulator({ botToken: TOKEN, signingSecret: SECRET, eventRetryDelaysMs: [200, 1000, 3000] });
    await emulator.start();
    bots = [0, 1, 2].map(() => spawnBot({ ...env, SLACK_API_URL: emulator.apiUrl }));
    const ports = await Promise.all(bots.map((b) => b.ready(60_000)));
    proxy = new RoundRobinProxy(ports);
    await proxy.start();
    emulator.connectBot({ requestUrl: proxy.url, signingSecret: SECRET, botToken: TOKEN });
    db = connectDatabase(testDb.url);
  }, 90_000);

  afterAll(async () => {
    for (const bot of bots) bot.kill('SIGKILL');
    await Promise.all(bots.map((b) => b.exited));
    await proxy?.stop();
    await db?.close();
    await emulator?.stop();
    await testDb?.stop();
  });

  it('answers every slash command once and stores every message once', async () => {
    const commander = emulator.addUser({ name: 'commander' }).id;
    const general = emulator.addChannel({ name: 'general', members: [commander] }).id;
    emulator.addChannel({ name: 'incidents', members: [commander, emulator.botUserId] });
    await emulator.slashCommand({ user: commander, channel: general, text: 'declare sev3 Replicas under load' });
    const channel = await eventually(() => {
      const created = [...emulator.workspace.channels.values()].find((c) => c.name.endsWith('replicas-under-load'));
      expect(created && emulator.workspace.pins(created.id).length).toBeTruthy();
      return created!.id;
    }, 20_000);

    // One person per command, so each answer can be counted; a few people chatting in the channel.
    const askers = Array.from({ length: COMMANDS }, (_, i) => ({ user: emulator.addUser({ name: `asker${i}` }).id, kind: KINDS[i % KINDS.length] }));
    const talkers = Array.from({ length: 6 }, (_, i) => emulator.addUser({ name: `talker${i}` }).id);
    const commandAnswers: BotResponse[] = [];
    const posted: { ts: string; response: BotResponse }[] = [];
    const tasks: (() => Promise<void>)[] = [];
    for (let c = 0, m = 0; c < COMMANDS || m < MESSAGES; ) {
      if (c < COMMANDS && (m >= MESSAGES || tasks.length % 7 < 2)) {
        const { user, kind } = askers[c++];
        tasks.push(async () => void commandAnswers.push(await emulator.slashCommand({ user, channel, text: kind })));
      } else {
        const text = `replica check ${m}`;
        const user = talkers[m++ % talkers.length];
        tasks.push(async () => void posted.push(await emulator.postMessage({ user, channel, text })));
      }
    }

    // A third of the way in, the second replica is killed (SIGKILL) just after it was handed a request.
    const victim = proxy.backends[1];
    let forwarded = 0;
    proxy.onForward = (backend) => {
      forwarded += 1;
      if (backend !== victim || forwarded < tasks.length / 3 || proxy.onForward === undefined) return;
      proxy.onForward = undefined;
      setTimeout(() => bots[1].kill('SIGKILL'), 3);
    };
    await inParallel(tasks, 10);
    expect(await bots[1].exited).toBeNull();

    // The load balancer left the dead replica out and sent what it failed to the others.
    expect(victim.deadUntil).toBeGreaterThan(0);
    expect(proxy.resent).toBeGreaterThanOrEqual(1);
    expect(proxy.backends.map((b) => b.answered > 0)).toEqual([true, true, true]);

    // Every command: a 200, and exactly one answer, the right one, to the person who typed it.
    expect(commandAnswers.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
    await eventually(() => {
      const wrong = askers.flatMap(({ user, kind }) => {
        const answers = emulator.workspace.ephemerals(channel, user).filter((e) => !SLOW_NOTICE.test(e.text));
        return answers.length === 1 && EXPECTED[kind].test(JSON.stringify(answers[0])) ? [] : [{ user, kind, answers: answers.map((a) => a.text.slice(0, 80)) }];
      });
      expect(wrong).toEqual([]);
    }, 15_000);
    expect(emulator.workspace.messages(channel).filter((msg) => msg.user === emulator.botUserId && /^replica check/.test(msg.text))).toEqual([]);

    // Every message: delivered (200, perhaps after Slack's retry) and on the timeline exactly once.
    expect(posted).toHaveLength(MESSAGES);
    expect(posted.map((p) => p.response.status).filter((s) => s !== 200)).toEqual([]);
    const { rows } = await db.query<{ slack_ts: string; n: number }>(
      "SELECT slack_ts, count(*)::int AS n FROM timeline_entries WHERE kind = 'message' AND text LIKE 'replica check %' GROUP BY slack_ts",
    );
    expect(rows.filter((r) => r.n !== 1)).toEqual([]);
    expect(rows.map((r) => r.slack_ts).sort()).toEqual(posted.map((p) => p.ts).sort());
  }, 120_000);
});
