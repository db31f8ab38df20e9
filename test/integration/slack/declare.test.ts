import { BACKEND } from '../../support/test-database';
import { eventually, startHarness, type Harness } from '../../support/harness';

describe(`declaring an incident (${BACKEND} backend)`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('creates INC-n, its channel, the pinned header, the topic and the announcement from one command', async () => {
    const res = await h.emulator.slashCommand({ user: h.users.ana, channel: h.channels.general, text: 'declare sev1 Checkout API 5xx' });
    expect(res.status).toBe(200);
    expect((res.json as { text: string }).text).toContain('Declaring *Checkout API 5xx* as SEV-1');
    const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
    const channel = await eventually(() => {
      const c = h.emulator.workspace.channelByName(`inc-${day}-checkout-api-5xx`);
      expect(c).toBeDefined();
      return c!;
    });
    await eventually(() => expect(h.emulator.workspace.pins(channel.id)).toHaveLength(1));
    expect(channel.members).toEqual(expect.arrayContaining([h.users.ana, h.emulator.botUserId]));
    await eventually(() => expect(channel.topic.value).toContain('SEV-1 | Investigating | Commander: <@' + h.users.ana + '>'));
    const header = h.emulator.workspace.messages(channel.id)[0];
    expect(JSON.stringify(header.blocks)).toContain('INC-1 · SEV-1 · Checkout API 5xx');
    const announcement = await eventually(() => {
      const m = h.emulator.workspace.messages(h.channels.incidents).at(-1);
      expect(m?.text).toContain('INC-1');
      return m!;
    });
    expect(JSON.stringify(announcement.blocks)).toContain(`<#${channel.id}>`);
    await eventually(() => expect(h.emulator.workspace.ephemerals(h.channels.general, h.users.ana).map((e) => e.text).join('\n')).toContain(`Declared INC-1 (SEV-1): <#${channel.id}>`));
  });
});
