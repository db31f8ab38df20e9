import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SlackEmulator } from '../../../src/sandbox';

describe('an app that is down: dropped events', () => {
  let emulator: SlackEmulator;
  let server: Server;
  const heard: string[] = [];
  let ana: string;
  let channel: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        heard.push((JSON.parse(body) as { event: { type: string } }).event.type);
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    emulator = new SlackEmulator({ now: () => Date.UTC(2025, 2, 14, 10, 0) });
    await emulator.start();
    emulator.connectBot({ requestUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, signingSecret: 's', botToken: 'xoxb-t' });
    ana = emulator.addUser({ name: 'ana' }).id;
    channel = emulator.addChannel({ name: 'inc', members: [ana, emulator.botUserId] }).id;
  });
  afterAll(async () => {
    await emulator.stop();
    await new Promise((resolve) => server.close(resolve));
  });

  it('keeps what people post, edit and pin while events are dropped, and tells the app nothing', async () => {
    emulator.dropEvents(true);
    const parent = await emulator.postMessage({ user: ana, channel, text: 'db-2 is down' });
    const reply = await emulator.postMessage({ user: ana, channel, text: 'failing over', threadTs: parent.ts });
    await emulator.editMessage({ user: ana, channel, ts: parent.ts, text: 'db-2 is down hard' });
    await emulator.pinMessage({ user: ana, channel, ts: parent.ts });
    expect(parent.response.status).toBe(0);
    expect(heard).toEqual([]);
    expect(emulator.workspace.messages(channel).map((m) => m.text)).toEqual(['db-2 is down hard']);
    expect(emulator.workspace.replies(channel, parent.ts).map((m) => m.ts)).toEqual([reply.ts]);
    expect(emulator.workspace.pins(channel)).toHaveLength(1);
  });

  it('delivers again once resumed', async () => {
    emulator.dropEvents(false);
    const res = await emulator.postMessage({ user: ana, channel, text: 'back' });
    expect(res.response.status).toBe(200);
    expect(heard).toEqual(['message']);
  });

  it('stamps messages with the clock it was given', () => {
    const first = emulator.workspace.messages(channel)[0];
    expect(Math.floor(Number(first.ts))).toBe(Date.UTC(2025, 2, 14, 10, 0) / 1000);
  });
});
