import { findIncidentByChannel } from '../../../src/store/incidents';
import { insertStatusUpdate } from '../../../src/store/status-updates';
import { BACKEND } from '../../support/test-database';
import { eventually, startHarness, type Harness } from '../../support/harness';

describe(`/incident list (${BACKEND} backend)`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  /** Declares from #general and waits for the "Declared INC-n" reply; returns the incident channel's id. */
  async function declare(user: string, text: string): Promise<string> {
    const seen = h.emulator.workspace.ephemerals(h.channels.general, user).length;
    await h.emulator.slashCommand({ user, channel: h.channels.general, text: `declare ${text}` });
    const reply = await eventually(() => {
      const found = h.emulator.workspace.ephemerals(h.channels.general, user).slice(seen).find((e) => e.text.startsWith('Declared INC-'));
      expect(found).toBeDefined();
      return found!;
    });
    return /<#(\w+)>/.exec(reply.text)![1];
  }

  /** Runs `/incident list` and returns the ephemeral answer's blocks as text. */
  async function list(user: string, channel: string): Promise<string> {
    const seen = h.emulator.workspace.ephemerals(channel, user).length;
    const res = await h.emulator.slashCommand({ user, channel, text: 'list' });
    expect(res.status).toBe(200);
    const reply = await eventually(() => {
      const found = h.emulator.workspace.ephemerals(channel, user).slice(seen).find((e) => e.source === 'response_url');
      expect(found).toBeDefined();
      return found!;
    });
    return `${reply.text}\n${JSON.stringify(reply.blocks)}`;
  }

  it('says there is no open incident and how to declare one', async () => {
    const text = await list(h.users.cara, h.channels.general);
    expect(text).toContain('No open incidents right now');
    expect(text).toContain('/incident declare [severity] <title>');
  });

  it('lists open incidents most severe first, then oldest, with age, commander, last update and channel', async () => {
    const search = await declare(h.users.ana, 'sev3 Search is slow');
    h.clock.advance(10);
    const checkout = await declare(h.users.ben, 'sev1 Checkout API 5xx');
    h.clock.advance(5);
    const login = await declare(h.users.ana, 'sev1 Login fails <!channel>');
    const postedAt = h.clock.now();
    await insertStatusUpdate(h.bot.database, {
      incidentId: (await findIncidentByChannel(h.bot.database, checkout))!.id, status: 'Identified', impact: 'Checkout fails for 30%', currentActions: 'Rolling back', nextUpdateMinutes: 15,
      audience: 'internal', postedBy: h.users.ben, postedAt,
    });
    h.clock.advance(65);
    const text = await list(h.users.cara, h.channels.general);
    expect(text).toContain('*3 open incidents*');
    const order = ['INC-2', 'INC-3', 'INC-1'].map((key) => text.indexOf(`*${key}*`));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]))).toBe(true);
    expect(text).toContain(
      `*INC-2* · SEV-1 · Checkout API 5xx\\nopen 1 h 10 min · commander <@${h.users.ben}> · last update ${postedAt.toISOString().slice(11, 16)} UTC (1 h 5 min ago) · <#${checkout}>`,
    );
    expect(text).toContain(`*INC-3* · SEV-1 · Login fails &lt;!channel&gt;\\nopen 1 h 5 min · commander <@${h.users.ana}> · no update yet · <#${login}>`);
    expect(text).toContain(`*INC-1* · SEV-3 · Search is slow\\nopen 1 h 20 min`);
    expect(text).toContain(`<#${search}>`);
    expect(h.emulator.workspace.messages(h.channels.general)).toHaveLength(0);
  });

  it('shows a private incident to everyone by its number only, without its title or channel', async () => {
    await h.emulator.slashCommand({ user: h.users.cara, channel: h.channels.general, text: 'declare' });
    const view = await eventually(() => {
      const open = h.emulator.workspace.openViews(h.users.cara);
      expect(open).toHaveLength(1);
      return open[0];
    });
    await h.emulator.submitView({
      user: h.users.cara,
      viewId: view.id,
      values: {
        title: { value: { type: 'plain_text_input', value: 'Leaked credentials' } },
        severity: { value: { type: 'static_select', selected_option: { value: 'SEV-2' } } },
        commander: { value: { type: 'users_select', selected_user: h.users.cara } },
        visibility: { value: { type: 'radio_buttons', selected_option: { value: 'private' } } },
      },
    });
    const privateChannel = await eventually(() => {
      const found = [...h.emulator.workspace.channels.values()].find((c) => c.is_private && c.name.includes('leaked-credentials'));
      expect(found).toBeDefined();
      return found!.id;
    });
    await eventually(() => expect(h.emulator.workspace.pins(privateChannel)).toHaveLength(1));
    const text = await list(h.users.ben, h.channels.incidents);
    expect(text).toContain('*INC-4 (private)* · SEV-2\\nopen under a minute');
    expect(text).not.toContain('Leaked credentials');
    expect(text).not.toContain(privateChannel);
  });
});
