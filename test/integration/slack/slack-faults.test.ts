import { BACKEND } from '../../support/test-database';
import { eventually, startHarness, type Harness } from '../../support/harness';
import { blockText } from '../../support/incident-steps';

describe(`when Slack rate-limits or fails (${BACKEND} backend)`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('delays messages under 429 + Retry-After without losing or repeating any, and tells the person who asked', async () => {
    h.emulator.rateLimit('chat.postMessage', { times: 3, retryAfterSeconds: 1 });
    const res = await h.emulator.slashCommand({ user: h.users.ana, channel: h.channels.general, text: 'declare sev2 Rate limited declare' });
    expect(res.status).toBe(200);
    const channel = await eventually(() => {
      const c = [...h.emulator.workspace.channels.values()].find((x) => x.name.endsWith('rate-limited-declare'));
      expect(c && h.emulator.workspace.pins(c.id)).toHaveLength(1);
      return c!;
    }, 20_000);
    await eventually(() => expect(h.emulator.workspace.ephemerals(h.channels.general, h.users.ana).map((e) => e.text).join('\n')).toContain('Declared INC-'), 20_000);
    const told = h.emulator.workspace.ephemerals(h.channels.general, h.users.ana).map((e) => e.text ?? '');
    expect(told.some((t) => t.includes('Still working on it'))).toBe(true);
    expect(h.emulator.workspace.messages(channel.id).filter((m) => blockText(m).includes('Rate limited declare'))).toHaveLength(1);
    const announcements = h.emulator.workspace.messages(h.channels.incidents).filter((m) => blockText(m).includes('Rate limited declare'));
    expect(announcements).toHaveLength(1);
    const refused = h.emulator.workspace.callsTo('chat.postMessage').filter((c) => c.error === 'ratelimited');
    expect(refused).toHaveLength(3);
  });

  it('retries through a run of 5xx answers and creates the channel exactly once', async () => {
    h.emulator.failNext('conversations.create', { times: 2, status: 503 });
    await h.emulator.slashCommand({ user: h.users.ben, channel: h.channels.general, text: 'declare sev3 Slack flaky' });
    await eventually(() => {
      const matching = [...h.emulator.workspace.channels.values()].filter((x) => x.name.endsWith('slack-flaky'));
      expect(matching).toHaveLength(1);
      expect(h.emulator.workspace.pins(matching[0].id)).toHaveLength(1);
    }, 20_000);
  });
});
