import { BACKEND } from '../../support/test-database';
import { eventually, startHarness, type Harness } from '../../support/harness';
import { blockText, declareBySlash, textValues } from '../../support/incident-steps';

const lastEphemeral = (h: Harness, channel: string, user: string) => h.emulator.workspace.ephemerals(channel, user).at(-1)?.text ?? '';

describe(`incident lifecycle in Slack (${BACKEND} backend)`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('opens the declare form when the title is missing, with the default severity chosen', async () => {
    const res = await h.emulator.slashCommand({ user: h.users.ben, channel: h.channels.general, text: 'declare' });
    expect(res.problems ?? []).toEqual([]);
    const view = await eventually(() => {
      const v = h.emulator.workspace.openViews(h.users.ben).at(-1);
      expect(v?.callback_id).toBe('declare_incident');
      return v!;
    });
    expect(JSON.stringify(view.blocks)).toContain('"initial_option":{"text":{"type":"plain_text","text":"SEV-2 · Major"},"value":"SEV-2"}');
  });

  it('keeps the form open with the error on the title field when the title is empty', async () => {
    const view = h.emulator.workspace.openViews(h.users.ben).at(-1)!;
    const res = await h.emulator.submitView({ user: h.users.ben, viewId: view.id, values: { ...textValues({ title: '   ' }), severity: { value: { type: 'static_select', selected_option: { value: 'SEV-2' } } }, commander: { value: { type: 'users_select', selected_user: h.users.ben } }, visibility: { value: { type: 'radio_buttons', selected_option: { value: 'public' } } } } });
    expect(res.json).toEqual({ response_action: 'errors', errors: { title: 'Give the incident a title.' } });
    expect(h.emulator.workspace.openViews(h.users.ben)).toHaveLength(1);
  });

  it('declares once from the form even when it is submitted twice', async () => {
    const view = h.emulator.workspace.openViews(h.users.ben).at(-1)!;
    const values = {
      ...textValues({ title: 'Uploads failing in EU', description: 'S3 PUT 503s' }),
      severity: { value: { type: 'static_select', selected_option: { value: 'SEV-1' } } },
      commander: { value: { type: 'users_select', selected_user: h.users.cara } },
      visibility: { value: { type: 'radio_buttons', selected_option: { value: 'public' } } },
    };
    const channelsBefore = h.emulator.workspace.channels.size;
    await Promise.all([h.emulator.submitView({ user: h.users.ben, viewId: view.id, values }), h.emulator.submitView({ user: h.users.ben, viewId: view.id, values })]);
    const channel = await eventually(() => {
      const c = [...h.emulator.workspace.channels.values()].find((x) => x.name.endsWith('uploads-failing-in-eu'));
      expect(c && h.emulator.workspace.pins(c.id)).toHaveLength(1);
      return c!;
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(h.emulator.workspace.channels.size).toBe(channelsBefore + 1);
    const { rows } = await h.bot.database.query("SELECT count(*)::int AS n FROM incidents WHERE title = 'Uploads failing in EU'");
    expect(rows[0].n).toBe(1);
    expect(channel.members).toEqual(expect.arrayContaining([h.users.ben, h.users.cara]));
    expect(channel.topic.value).toContain(`Commander: <@${h.users.cara}>`);
  });

  it('tells someone declaring inside an incident channel that it already is one', async () => {
    const channel = await declareBySlash(h, 'sev3 Grafana down');
    const res = await h.emulator.slashCommand({ user: h.users.ana, channel: channel.id, text: 'declare sev2 Something else' });
    expect(res.status).toBe(200);
    await eventually(() => expect(lastEphemeral(h, channel.id, h.users.ana)).toMatch(/This channel already belongs to INC-\d+/));
  });

  it('answers an unknown severity with the valid ones, and a long title with the limit, declaring nothing', async () => {
    const before = h.emulator.workspace.channels.size;
    const bad = await h.emulator.slashCommand({ user: h.users.ana, channel: h.channels.general, text: 'declare sev9 Checkout down' });
    expect((bad.json as { text: string }).text).toMatch(/Unknown severity "sev9"\. Valid ones: SEV-1 \(sev1, 1, p1, critical\), SEV-2/);
    const long = await h.emulator.slashCommand({ user: h.users.ana, channel: h.channels.general, text: `declare ${'x'.repeat(130)}` });
    expect((long.json as { text: string }).text).toContain('keep it to 120');
    expect(h.emulator.workspace.channels.size).toBe(before);
  });

  it('gives a private incident a private channel and no details in #incidents', async () => {
    await h.emulator.slashCommand({ user: h.users.ana, channel: h.channels.general, text: 'declare' });
    const view = await eventually(() => {
      const v = h.emulator.workspace.openViews(h.users.ana).at(-1);
      expect(v?.callback_id).toBe('declare_incident');
      return v!;
    });
    await h.emulator.submitView({
      user: h.users.ana,
      viewId: view.id,
      values: {
        ...textValues({ title: 'Leaked API key' }),
        severity: { value: { type: 'static_select', selected_option: { value: 'SEV-1' } } },
        commander: { value: { type: 'users_select', selected_user: h.users.ana } },
        visibility: { value: { type: 'radio_buttons', selected_option: { value: 'private' } } },
      },
    });
    const channel = await eventually(() => {
      const c = [...h.emulator.workspace.channels.values()].find((x) => x.name.endsWith('leaked-api-key'));
      expect(c?.is_private).toBe(true);
      return c!;
    });
    await eventually(() => expect(blockText(h.emulator.workspace.messages(h.channels.incidents).at(-1))).toContain('a private incident was declared'));
    const announcements = h.emulator.workspace.messages(h.channels.incidents).map((m) => blockText(m)).join('\n');
    expect(announcements).not.toContain('Leaked');
    expect(channel.members).toContain(h.users.ana);
  });

  it('promotes the severity: header, topic and announcement follow, and the reason is on the timeline', async () => {
    const channel = await declareBySlash(h, 'sev2 Checkout latency');
    const res = await h.emulator.slashCommand({ user: h.users.ana, channel: channel.id, text: 'sev sev1 half of EU affected' });
    expect(res.problems ?? []).toEqual([]);
    await eventually(() => expect(channel.topic.value).toMatch(/^SEV-1 \| Investigating/));
    // The topic changes first, then the header and the announcement.
    await eventually(() => expect(blockText(h.emulator.workspace.messages(channel.id)[0])).toMatch(/INC-\d+ · SEV-1 · Checkout latency/));
    await eventually(() => {
      const announcement = h.emulator.workspace.messages(h.channels.incidents).find((m) => blockText(m).includes('Checkout latency'));
      expect(blockText(announcement)).toContain('SEV-1');
    });
    const { rows } = await h.bot.database.query("SELECT text, data FROM timeline_entries WHERE kind = 'severity_changed' ORDER BY id DESC LIMIT 1");
    expect(rows[0].text).toBe('Severity promoted from SEV-2 to SEV-1: half of EU affected');
    expect(rows[0].data).toEqual({ from: 'SEV-2', to: 'SEV-1', reason: 'half of EU affected' });
  });

  it('says where to go when a command needs an incident channel', async () => {
    const res = await h.emulator.slashCommand({ user: h.users.ana, channel: h.channels.general, text: 'sev 1' });
    expect(res.status).toBe(200);
    await eventually(() => expect(lastEphemeral(h, h.channels.general, h.users.ana)).toMatch(/works inside an incident channel\. Open incidents: INC-\d+ <#C/));
  });

  it('hands a role on: the person joins, gets the brief, and the header shows them', async () => {
    const channel = await declareBySlash(h, 'sev2 Webhook backlog');
    await h.emulator.slashCommand({ user: h.users.ana, channel: channel.id, text: `role comms <@${h.users.ben}|ben>` });
    await eventually(() => expect(h.emulator.workspace.ephemerals(channel.id, h.users.ben).map((e) => e.text).join()).toContain('You are now *Communications lead*'));
    expect(channel.members).toContain(h.users.ben);
    expect(blockText(h.emulator.workspace.messages(channel.id)[0])).toContain(`*Communications lead:* <@${h.users.ben}>`);
    const wrong = await h.emulator.slashCommand({ user: h.users.ana, channel: channel.id, text: 'role pilot @ben' });
    expect((wrong.json as { text: string }).text).toContain('Unknown role "pilot". Roles: commander, comms, scribe');
  });

  it('resolves through the form: final update, resolved header and topic, then reopens', async () => {
    const channel = await declareBySlash(h, 'sev2 Disk full on db-2');
    await h.emulator.slashCommand({ user: h.users.ana, channel: channel.id, text: 'resolve' });
    const view = await eventually(() => {
      const v = h.emulator.workspace.openViews(h.users.ana).at(-1);
      expect(v?.callback_id).toBe('resolve_incident');
      return v!;
    });
    const empty = await h.emulator.submitView({ user: h.users.ana, viewId: view.id, values: textValues({ summary: '' }) });
    expect((empty.json as { errors: Record<string, string> }).errors.summary).toContain('Say what resolved it');
    await h.emulator.submitView({ user: h.users.ana, viewId: view.id, values: textValues({ summary: 'Pruned WAL and grew the volume', root_cause: 'Archiver stuck' }) });
    await eventually(() => expect(channel.topic.value).toMatch(/\| Resolved \|/));
    const texts = h.emulator.workspace.messages(channel.id).map((m) => blockText(m)).join('\n');
    expect(texts).toContain('Pruned WAL and grew the volume');
    await eventually(() => expect(blockText(h.emulator.workspace.messages(channel.id)[0])).toContain('Reopen'));
    await eventually(async () => {
      const { rows } = await h.bot.database.query("SELECT kind FROM timeline_entries WHERE kind IN ('resolved', 'status_update', 'postmortem') ORDER BY id DESC LIMIT 3");
      expect(rows.map((r) => r.kind)).toEqual(['postmortem', 'status_update', 'resolved']);
    });
    await h.emulator.slashCommand({ user: h.users.ana, channel: channel.id, text: 'reopen the disk filled again' });
    await eventually(() => expect(channel.topic.value).toMatch(/\| Investigating \|/));
  });
});

describe(`permissions from the config (${BACKEND} backend)`, () => {
  let h: Harness;
  beforeAll(async () => {
    const { readFileSync } = await import('node:fs');
    const yaml = readFileSync('incident.config.yml', 'utf8').replace(/# permissions:\n#   declare:\n#     users: \[\]\n#     usergroups: \[S0614TZR7\]/, 'permissions:\n  declare:\n    users: []\n    usergroups: [S0ONCALL1]');
    h = await startHarness({ configYaml: yaml });
    h.emulator.addUsergroup({ id: 'S0ONCALL1', handle: 'oncall', users: [h.users.cara] });
  });
  afterAll(async () => {
    await h.stop();
  });

  it('lets a member of the on-call group declare and refuses anyone else, clearly', async () => {
    await h.emulator.slashCommand({ user: h.users.ana, channel: h.channels.general, text: 'declare sev2 Not allowed' });
    await eventually(() => expect(lastEphemeral(h, h.channels.general, h.users.ana)).toContain('not on the list of people who may declare'));
    const channel = await declareBySlash(h, 'sev2 Allowed', h.users.cara);
    expect(channel.name).toMatch(/allowed$/);
  });
});
