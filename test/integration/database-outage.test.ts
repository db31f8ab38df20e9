import { BACKEND } from '../support/test-database';
import { eventually, startHarness, type Harness } from '../support/harness';
import { declareBySlash } from '../support/incident-steps';
import { TcpProxy, throughProxy } from '../support/tcp-proxy';

describe(`when the database goes away under the bot (${BACKEND} backend)`, () => {
  let h: Harness;
  let proxy: TcpProxy;
  beforeAll(async () => {
    h = await startHarness({
      databaseUrl: async (url) => {
        const u = new URL(url);
        proxy = new TcpProxy(u.hostname, Number(u.port || 5432));
        await proxy.up();
        return throughProxy(url, proxy);
      },
      // Slack redelivers an event that was not answered 2xx (after about 0 s, 1 min and 5 min; shortened here).
      emulator: { eventRetryDelaysMs: [200, 1000, 2000, 4000] },
    });
  });
  afterAll(async () => {
    await proxy.up();
    await h.stop();
    await proxy.down();
  });

  const base = () => `http://127.0.0.1:${h.bot.port}`;

  it('answers "try again" while it is down, stays up, reports not ready, and works again when it is back', async () => {
    expect((await fetch(`${base()}/readyz`)).status).toBe(200);
    await proxy.down();

    const res = await h.emulator.slashCommand({ user: h.users.ana, channel: h.channels.general, text: 'list' });
    expect(res.status).toBe(200);
    await eventually(() => expect(h.emulator.workspace.ephemerals(h.channels.general, h.users.ana).at(-1)?.text).toContain('database is not answering right now'));
    const ready = await fetch(`${base()}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { status: string }).status).toBe('not ready');
    expect((await fetch(`${base()}/healthz`)).status).toBe(200);
    expect((await h.emulator.slashCommand({ user: h.users.ana, channel: h.channels.general, text: 'help' })).status).toBe(200);

    await proxy.up();
    await eventually(async () => expect((await fetch(`${base()}/readyz`)).status).toBe(200));
    await h.emulator.slashCommand({ user: h.users.ana, channel: h.channels.general, text: 'declare sev3 After the outage' });
    await eventually(() => expect([...h.emulator.workspace.channels.values()].some((c) => c.name.endsWith('after-the-outage'))).toBe(true));
  });

  it('fails the delivery of an event it cannot store, so Slack retries it, and stores the retry once the database is back', async () => {
    const channel = await declareBySlash(h, 'sev3 Messages during an outage');
    await proxy.down();
    const posting = h.emulator.postMessage({ user: h.users.ben, channel: channel.id, text: 'primary is not answering, failing over' });
    await new Promise((r) => setTimeout(r, 500));
    await proxy.up();
    const { ts, response } = await posting;
    expect(response.status).toBe(200);
    expect(response.retries).toBeGreaterThanOrEqual(1);
    const { rows } = await h.bot.database.query("SELECT text FROM timeline_entries WHERE kind = 'message' AND slack_ts = $1", [ts]);
    expect(rows).toEqual([{ text: 'primary is not answering, failing over' }]);
  });
});
