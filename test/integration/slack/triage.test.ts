import { validateMessageBlocks } from '../../../src/sandbox/block-kit-validate';
import type { SlackChannel } from '../../../src/sandbox/workspace-types';
import { eventually, startHarness, type Harness } from '../../support/harness';
import { blockText, declareBySlash, textValues } from '../../support/incident-steps';
import { BACKEND } from '../../support/test-database';

type Json = Record<string, unknown>;

// The latest ephemeral the bot showed this user in this channel holding an element with this action id.
function ephemeralWith(h: Harness, channel: string, user: string, actionId: string) {
  const found = h.emulator.workspace.ephemerals(channel, user).filter((e) => JSON.stringify(e.blocks ?? []).includes(`"action_id":"${actionId}"`)).at(-1);
  if (!found) throw new Error(`no ephemeral with ${actionId} yet`);
  return found;
}

async function entries(h: Harness, incidentId: number, kind: string): Promise<{ actor_id: string; data: Json }[]> {
  const { rows } = await h.bot.database.query<{ actor_id: string; data: Json }>('SELECT actor_id, data FROM timeline_entries WHERE incident_id = $1 AND kind = $2 ORDER BY id', [incidentId, kind]);
  return rows;
}

async function incidentRow(h: Harness, channelId: string): Promise<{ id: number; severity: string; symptom: string | null }> {
  const { rows } = await h.bot.database.query<{ id: string; severity: string; symptom: string | null }>('SELECT id, severity, symptom FROM incidents WHERE channel_id = $1', [channelId]);
  return { ...rows[0], id: Number(rows[0].id) };
}

async function pick(h: Harness, channel: SlackChannel, rowId: string, user = h.users.ana): Promise<void> {
  await h.emulator.slashCommand({ user, channel: channel.id, text: 'triage' });
  const picker = await eventually(() => ephemeralWith(h, channel.id, user, 'triage_pick'));
  await h.emulator.selectOption({ user, channel: channel.id, messageTs: picker.ts, actionId: 'triage_pick', value: rowId });
}

describe(`triage with the failure-class matrix (${BACKEND} backend)`, () => {
  let h: Harness;
  let channel: SlackChannel;
  beforeAll(async () => {
    h = await startHarness();
    channel = await declareBySlash(h, 'sev2 Checkout API 5xx');
  });
  afterAll(async () => {
    await h.stop();
  });

  it('records a picked symptom on the incident and the timeline, suggests its severity and posts its runbooks within Block Kit limits', async () => {
    await h.emulator.slashCommand({ user: h.users.ana, channel: channel.id, text: 'triage' });
    const picker = await eventually(() => ephemeralWith(h, channel.id, h.users.ana, 'triage_pick'));
    expect(blockText(picker)).toContain('Not triaged yet.');
    expect(blockText(picker)).toContain('API answers 5xx to over 5% of requests for more than 5 minutes');
    await h.emulator.selectOption({ user: h.users.ana, channel: channel.id, messageTs: picker.ts, actionId: 'triage_pick', value: 'api-errors' });

    const posted = await eventually(() => {
      const runbooks = h.emulator.workspace.messages(channel.id).filter((m) => m.text.startsWith('Runbook '));
      expect(runbooks.map((m) => m.text)).toEqual(['Runbook db-failover: Primary database down - fail over to the replica', 'Runbook redis-down: Redis down or evicting - sessions, cache and rate limits']);
      return h.emulator.workspace.messages(channel.id);
    });
    for (const m of posted) expect(validateMessageBlocks(m.blocks ?? [])).toEqual([]);
    const notice = posted.find((m) => m.text.includes('triaged'))!;
    expect(blockText(notice)).toContain(`<@${h.users.ana}> triaged INC-1: *API answers 5xx to over 5% of requests for more than 5 minutes*`);
    expect(blockText(notice)).toContain('This symptom usually means *SEV-1*; INC-1 is SEV-2.');
    await eventually(() => expect(h.emulator.workspace.ephemerals(channel.id, h.users.ana).map((e) => e.text)).toContain(':compass: Triaged INC-1 as *API answers 5xx to over 5% of requests for more than 5 minutes*; its runbook is posted in the channel.'));

    const incident = await incidentRow(h, channel.id);
    expect(incident).toMatchObject({ severity: 'SEV-2', symptom: 'API answers 5xx to over 5% of requests for more than 5 minutes' });
    const { rows: triage } = await h.bot.database.query('SELECT row_id, triaged_by FROM incident_triage WHERE incident_id = $1', [incident.id]);
    expect(triage).toEqual([{ row_id: 'api-errors', triaged_by: h.users.ana }]);
    expect(await entries(h, incident.id, 'triaged')).toEqual([
      {
        actor_id: h.users.ana,
        data: { rowId: 'api-errors', symptom: 'API answers 5xx to over 5% of requests for more than 5 minutes', likelyCause: 'The primary database or Redis is down', runbookId: 'db-failover', runbookIds: ['db-failover', 'redis-down'], suggestedSeverity: 'SEV-1' },
      },
    ]);
    expect((await entries(h, incident.id, 'runbook_posted')).map((e) => e.data)).toEqual([
      { runbookId: 'db-failover', title: 'Primary database down - fail over to the replica' },
      { runbookId: 'redis-down', title: 'Redis down or evicting - sessions, cache and rate limits' },
    ]);
  });

  it('applies the suggested severity with the usual severity change, and the notice says who did', async () => {
    const notice = h.emulator.workspace.messages(channel.id).find((m) => m.text.includes('triaged'))!;
    await h.emulator.clickButton({ user: h.users.ben, channel: channel.id, messageTs: notice.ts, actionId: 'triage_apply_severity' });
    await eventually(async () => expect((await incidentRow(h, channel.id)).severity).toBe('SEV-1'));
    await eventually(() => expect(blockText(h.emulator.workspace.messages(channel.id).find((m) => m.ts === notice.ts))).toContain(`<@${h.users.ben}> changed the severity to *SEV-1*`));
    expect(blockText(h.emulator.workspace.messages(channel.id).find((m) => m.ts === notice.ts))).not.toContain('triage_apply_severity');
    const changes = await entries(h, 1, 'severity_changed');
    expect(changes.at(-1)).toEqual({ actor_id: h.users.ben, data: { from: 'SEV-2', to: 'SEV-1', reason: 'as the triaged symptom suggests' } });
  });

  it('changes nothing when the same symptom is picked again, and says how to see its runbook', async () => {
    const before = h.emulator.workspace.messages(channel.id).length;
    await pick(h, channel, 'api-errors', h.users.cara);
    await eventually(() => expect(h.emulator.workspace.ephemerals(channel.id, h.users.cara).map((e) => e.text).join('\n')).toContain(`INC-1 is already triaged as "API answers 5xx to over 5% of requests for more than 5 minutes" (by <@${h.users.ana}>)`));
    expect(h.emulator.workspace.messages(channel.id)).toHaveLength(before);
    expect(await entries(h, 1, 'triaged')).toHaveLength(1);
  });

  it('shows the same menu from the header\'s Triage button, with the current failure class', async () => {
    const header = h.emulator.workspace.messages(channel.id)[0];
    await h.emulator.clickButton({ user: h.users.ben, channel: channel.id, messageTs: header.ts, actionId: 'incident_triage' });
    const picker = await eventually(() => ephemeralWith(h, channel.id, h.users.ben, 'triage_pick'));
    expect(blockText(picker)).toContain(`Currently triaged as *API answers 5xx to over 5% of requests for more than 5 minutes* (by <@${h.users.ana}>).`);
  });

  it('shows the matrix read-only outside an incident channel, and declares with a symptom: prefilled form, runbook posted', async () => {
    await h.emulator.slashCommand({ user: h.users.cara, channel: h.channels.general, text: 'triage' });
    const overview = await eventually(() => ephemeralWith(h, h.channels.general, h.users.cara, 'triage_declare'));
    expect(JSON.stringify(overview.blocks)).not.toContain('triage_pick');
    expect(validateMessageBlocks(overview.blocks)).toEqual([]);
    await h.emulator.clickButton({ user: h.users.cara, channel: h.channels.general, messageTs: overview.ts, actionId: 'triage_declare', blockId: 'matrix-uploads-failing' });
    const view = await eventually(() => {
      const v = h.emulator.workspace.openViews(h.users.cara).at(-1);
      expect(v?.callback_id).toBe('declare_incident');
      return v!;
    });
    const shown = JSON.stringify(view.blocks);
    expect(shown).toContain('"initial_value":"Uploads fail while the rest of the API answers"');
    expect(shown).toContain('"initial_option":{"text":{"type":"plain_text","text":"SEV-2 · Major"},"value":"SEV-2"}');
    expect(shown).toContain('"initial_option":{"text":{"type":"plain_text","text":"Uploads fail while the rest of the API answers"},"value":"uploads-failing"}');
    await h.emulator.submitView({
      user: h.users.cara,
      viewId: view.id,
      values: {
        ...textValues({ title: 'Uploads fail while the rest of the API answers' }),
        severity: { value: { type: 'static_select', selected_option: { value: 'SEV-2' } } },
        commander: { value: { type: 'users_select', selected_user: h.users.cara } },
        visibility: { value: { type: 'radio_buttons', selected_option: { value: 'public' } } },
        symptom: { value: { type: 'static_select', selected_option: { value: 'uploads-failing' } } },
      },
    });
    const created = await eventually(() => {
      const c = [...h.emulator.workspace.channels.values()].find((x) => x.name.endsWith('uploads-fail-while-the-rest-of-the-api-answers'));
      expect(c && h.emulator.workspace.messages(c.id).some((m) => m.text.startsWith('Runbook storage-down'))).toBe(true);
      return c!;
    });
    const incident = await incidentRow(h, created.id);
    expect(incident.symptom).toBe('Uploads fail while the rest of the API answers');
    expect((await entries(h, incident.id, 'triaged')).map((e) => e.data.rowId)).toEqual(['uploads-failing']);
    expect(blockText(h.emulator.workspace.messages(created.id).find((m) => m.text.includes('triaged')))).not.toContain('usually means');
  });
});
