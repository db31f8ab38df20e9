import { BACKEND } from '../support/test-database';
import { eventually, startHarness, type Harness } from '../support/harness';
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
    });
  });
  afterAll(async () => {
    await proxy.up();
    await h.stop();
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
});
