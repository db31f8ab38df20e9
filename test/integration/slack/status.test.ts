import type { SlackChannel, SlackView } from '../../../src/sandbox/workspace-types';
import { BACKEND } from '../../support/test-database';
import { eventually, startHarness, type Harness } from '../../support/harness';

type Form = { status: string | null; impact: string; actions: string; next: string | null; audience: 'internal' | 'customer' };

const formValues = (f: Form) => ({
  status: { value: { type: 'static_select', selected_option: f.status ? { value: f.status } : null } },
  impact: { value: { type: 'plain_text_input', value: f.impact } },
  current_actions: { value: { type: 'plain_text_input', value: f.actions } },
  next_update: { value: { type: 'number_input', value: f.next } },
  audience: { value: { type: 'radio_buttons', selected_option: { value: f.audience } } },
});

const text = (x: { blocks?: unknown[] } | undefined) => JSON.stringify(x?.blocks ?? []);
const inputOf = (view: SlackView, blockId: string) =>
  (view.blocks as { block_id?: string; element?: Record<string, unknown> }[]).find((b) => b.block_id === blockId)?.element ?? {};

describe(`status updates (${BACKEND} backend)`, () => {
  let h: Harness;
  let channel: SlackChannel;
  const ws = () => h.emulator.workspace;
  const db = () => h.bot.database;

  const topView = (user: string, callbackId: string, notId?: string) =>
    eventually(() => {
      const v = ws().openViews(user).at(-1);
      expect(v?.callback_id).toBe(callbackId);
      expect(v?.id).not.toBe(notId);
      return v!;
    });

  const openForm = async (user: string, channelId: string, notId?: string) => {
    const res = await h.emulator.slashCommand({ user, channel: channelId, text: 'status' });
    expect(res.problems ?? []).toEqual([]);
    return topView(user, 'status_update', notId);
  };

  const declare = async (text: string): Promise<SlackChannel> => {
    const before = new Set(ws().channels.keys());
    await h.emulator.slashCommand({ user: h.users.ana, channel: h.channels.general, text: `declare ${text}` });
    return eventually(() => {
      const c = [...ws().channels.values()].find((x) => !before.has(x.id));
      expect(c && ws().pins(c.id)).toHaveLength(1);
      return c!;
    });
  };

  beforeAll(async () => {
    h = await startHarness();
    channel = await declare('sev1 Checkout API 5xx');
  });
  afterAll(async () => {
    await h.stop();
  });

  it('opens the status form in the incident channel at the current status, with SEV-1’s 15-minute cadence', async () => {
    const view = await openForm(h.users.ana, channel.id);
    expect(inputOf(view, 'status').initial_option).toMatchObject({ value: 'Investigating' });
    expect(inputOf(view, 'next_update')).toMatchObject({ type: 'number_input', initial_value: '15', is_decimal_allowed: false });
    expect(inputOf(view, 'audience').initial_option).toMatchObject({ value: 'internal' });
    expect(inputOf(view, 'impact').initial_value).toBeUndefined();
    expect(text(view)).toContain('INC-1 · SEV-1:* Checkout API 5xx');
  });

  it('keeps the form open with an error on each wrong field, posting nothing', async () => {
    const view = ws().openViews(h.users.ana).at(-1)!;
    const before = ws().messages(channel.id).length;
    const res = await h.emulator.submitView({ user: h.users.ana, viewId: view.id, values: formValues({ status: 'Identified', impact: '  ', actions: '\n - \n', next: '1.5', audience: 'internal' }) });
    const errors = (res.json as { errors: Record<string, string> }).errors;
    expect(Object.keys(errors).sort()).toEqual(['current_actions', 'impact', 'next_update']);
    expect(errors.impact).toContain('Describe the impact');
    expect(errors.next_update).toContain('whole number of minutes from 1 to 1440');
    expect(ws().viewErrors(view.id)).toEqual(errors);
    expect(res.problems ?? []).toEqual([]);
    expect(ws().openViews(h.users.ana)).toHaveLength(1);
    expect(ws().messages(channel.id)).toHaveLength(before);
  });

  it('refuses Resolved on the status field and points to /incident resolve', async () => {
    const view = ws().openViews(h.users.ana).at(-1)!;
    const res = await h.emulator.submitView({ user: h.users.ana, viewId: view.id, values: formValues({ status: 'Resolved', impact: 'None', actions: 'Nothing', next: '15', audience: 'internal' }) });
    expect(res.json).toEqual({ response_action: 'errors', errors: { status: expect.stringContaining('use `/incident resolve`') } });
    expect(ws().viewErrors(view.id)?.status).toContain('starts the postmortem');
  });

  it('asks for the next update when the severity has a cadence', async () => {
    const view = ws().openViews(h.users.ana).at(-1)!;
    const res = await h.emulator.submitView({ user: h.users.ana, viewId: view.id, values: formValues({ status: 'Identified', impact: 'x', actions: 'y', next: null, audience: 'internal' }) });
    expect(res.json).toEqual({ response_action: 'errors', errors: { next_update: expect.stringContaining('SEV-1 expects an update every 15 minutes') } });
  });

  it('posts an internal update in the incident channel and #incidents, records it, and shows the new status', async () => {
    const view = ws().openViews(h.users.ana).at(-1)!;
    const impact = 'Checkout fails for ~30% of EU customers <!channel>';
    const res = await h.emulator.submitView({ user: h.users.ana, viewId: view.id, values: formValues({ status: 'Identified', impact, actions: '- Rolling back deploy 1234\n\n- Watching the error rate', next: '10', audience: 'internal' }) });
    expect(res.problems ?? []).toEqual([]);
    expect(ws().openViews(h.users.ana)).toHaveLength(0);
    const posted = await eventually(() => {
      const m = ws().messages(channel.id).find((x) => text(x).includes('INCIDENT UPDATE'));
      expect(m).toBeDefined();
      return m!;
    });
    for (const line of ['INCIDENT UPDATE · SEV-1 · INC-1: Checkout API 5xx', '*Status:* Identified', '~30% of EU customers &lt;!channel&gt;', '• Rolling back deploy 1234\\n• Watching the error rate', '(in 10 min)', `Posted by <@${h.users.ana}>`]) {
      expect(text(posted)).toContain(line);
    }
    expect(text(posted)).not.toContain('<!channel>');
    await eventually(() => expect(ws().messages(h.channels.incidents).map(text).filter((t) => t.includes('INCIDENT UPDATE · SEV-1 · INC-1'))).toHaveLength(1));
    await eventually(() => expect(channel.topic.value).toContain('SEV-1 | Identified |'));
    // The topic changes first, then the header and the announcement.
    await eventually(() => expect(text(ws().messages(channel.id)[0])).toContain('*Status:* Identified'));
    await eventually(() => expect(text(ws().messages(h.channels.incidents).find((m) => m.text.startsWith('INC-1 ')))).toContain('*Status:* Identified'));
    const { rows: updates } = await db().query('SELECT status, impact, current_actions, next_update_minutes, audience, posted_by FROM status_updates WHERE incident_id = 1');
    expect(updates).toEqual([{ status: 'Identified', impact, current_actions: 'Rolling back deploy 1234\nWatching the error rate', next_update_minutes: 10, audience: 'internal', posted_by: h.users.ana }]);
    const { rows: entries } = await db().query("SELECT text, actor_id, data FROM timeline_entries WHERE incident_id = 1 AND kind = 'status_update'");
    expect(entries).toEqual([{ text: `Identified (internal update): ${impact}`, actor_id: h.users.ana, data: expect.objectContaining({ status: 'Identified', nextUpdateMinutes: 10, audience: 'internal' }) }]);
    const { rows: incident } = await db().query('SELECT status, mitigated_at FROM incidents WHERE id = 1');
    expect(incident).toEqual([{ status: 'Identified', mitigated_at: null }]);
  });

  it('prefills the form from the last update the second time', async () => {
    const view = await openForm(h.users.ben, channel.id);
    expect(inputOf(view, 'status').initial_option).toMatchObject({ value: 'Identified' });
    expect(inputOf(view, 'impact').initial_value).toBe('Checkout fails for ~30% of EU customers <!channel>');
    expect(inputOf(view, 'current_actions').initial_value).toBe('Rolling back deploy 1234\nWatching the error rate');
    expect(inputOf(view, 'next_update').initial_value).toBe('10');
    await h.emulator.closeView({ user: h.users.ben, viewId: view.id });
  });

  it('opens the same prefilled form from the header’s Post update button', async () => {
    const header = ws().messages(channel.id)[0];
    const res = await h.emulator.clickButton({ user: h.users.cara, channel: channel.id, messageTs: header.ts, actionId: 'incident_post_update' });
    expect(res.problems ?? []).toEqual([]);
    const view = await topView(h.users.cara, 'status_update');
    expect(inputOf(view, 'status').initial_option).toMatchObject({ value: 'Identified' });
    expect(inputOf(view, 'impact').initial_value).toContain('Checkout fails');
  });

  it('records mitigation the first time the status becomes Monitoring, and only then', async () => {
    const values = formValues({ status: 'Monitoring', impact: 'Errors back to normal', actions: 'Watching the error rate', next: '15', audience: 'internal' });
    await h.emulator.submitView({ user: h.users.cara, viewId: ws().openViews(h.users.cara).at(-1)!.id, values });
    const first = await eventually(async () => {
      const { rows } = await db().query('SELECT mitigated_at FROM incidents WHERE id = 1');
      expect(rows[0].mitigated_at).not.toBeNull();
      return new Date(rows[0].mitigated_at).getTime();
    });
    h.clock.advance(5);
    const again = await openForm(h.users.cara, channel.id);
    await h.emulator.submitView({ user: h.users.cara, viewId: again.id, values });
    await eventually(async () => {
      const { rows } = await db().query("SELECT count(*)::int AS n FROM status_updates WHERE incident_id = 1 AND status = 'Monitoring'");
      expect(rows[0].n).toBe(2);
    });
    const { rows } = await db().query('SELECT mitigated_at FROM incidents WHERE id = 1');
    expect(new Date(rows[0].mitigated_at).getTime()).toBe(first);
  });

  it('shows customer text for review, posts nothing until the review is submitted, and Back keeps what was typed', async () => {
    const count = () => [ws().messages(channel.id).length, ws().messages(h.channels.incidents).length];
    const before = count();
    const form = await openForm(h.users.ana, channel.id);
    const values = formValues({ status: 'Monitoring', impact: 'Some payments took longer than usual', actions: 'Internal: draining node eu-3', next: '30', audience: 'customer' });
    const res = await h.emulator.submitView({ user: h.users.ana, viewId: form.id, values });
    expect((res.json as { response_action: string }).response_action).toBe('push');
    const review = await eventually(() => {
      const v = ws().openViews(h.users.ana).at(-1)!;
      expect(v.callback_id).toBe('status_customer_review');
      expect(v.submit).toMatchObject({ text: 'Post to channels' });
      return v;
    });
    expect(ws().openViews(h.users.ana)).toHaveLength(2);
    for (const line of ['We are currently experiencing issues with Checkout API 5xx', '*Impact:* Some payments took longer than usual', 'updates every 30 minutes', 'We apologize']) {
      expect(text(review)).toContain(line);
    }
    expect(text(review)).not.toContain('draining node');
    expect(text(review)).toContain(`<#${channel.id}> and <#${h.channels.incidents}>`);
    await h.emulator.closeView({ user: h.users.ana, viewId: review.id });
    expect(ws().openViews(h.users.ana).map((v) => v.id)).toEqual([form.id]);
    await new Promise((r) => setTimeout(r, 200));
    expect(count()).toEqual(before);

    await h.emulator.submitView({ user: h.users.ana, viewId: form.id, values });
    const second = await eventually(() => {
      const v = ws().openViews(h.users.ana).at(-1)!;
      expect(v.submit).toMatchObject({ text: 'Post to channels' });
      return v;
    });
    const submitted = await h.emulator.submitView({ user: h.users.ana, viewId: second.id, values: {} });
    expect(submitted.problems ?? []).toEqual([]);
    expect(ws().openViews(h.users.ana)).toHaveLength(0);
    await eventually(() => expect(count()).toEqual([before[0] + 1, before[1] + 1]));
    expect(text(ws().messages(channel.id).at(-1))).toContain('We are currently experiencing issues with Checkout API 5xx');
    expect(text(ws().messages(h.channels.incidents).at(-1))).toContain('We are currently experiencing issues with Checkout API 5xx');
    const { rows } = await db().query("SELECT count(*)::int AS n FROM status_updates WHERE incident_id = 1 AND audience = 'customer'");
    expect(rows[0].n).toBe(1);
  });

  it('tells someone typing it outside an incident channel where to go', async () => {
    const res = await h.emulator.slashCommand({ user: h.users.ben, channel: h.channels.general, text: 'status' });
    expect(res.status).toBe(200);
    await eventually(() => expect(ws().ephemerals(h.channels.general, h.users.ben).at(-1)?.text).toContain(`\`/incident status\` works inside an incident channel. Open incidents: INC-1 <#${channel.id}>`));
    expect(ws().openViews(h.users.ben)).toHaveLength(0);
  });

  it('posts a private incident’s update only in its own channel', async () => {
    await h.emulator.slashCommand({ user: h.users.ana, channel: h.channels.general, text: 'declare' });
    const declareForm = await topView(h.users.ana, 'declare_incident');
    const before = new Set(ws().channels.keys());
    await h.emulator.submitView({
      user: h.users.ana,
      viewId: declareForm.id,
      values: {
        title: { value: { type: 'plain_text_input', value: 'Leaked API key' } },
        severity: { value: { type: 'static_select', selected_option: { value: 'SEV-3' } } },
        commander: { value: { type: 'users_select', selected_user: h.users.ana } },
        visibility: { value: { type: 'radio_buttons', selected_option: { value: 'private' } } },
      },
    });
    const secret = await eventually(() => {
      const c = [...ws().channels.values()].find((x) => !before.has(x.id));
      expect(c && ws().pins(c.id)).toHaveLength(1);
      return c!;
    });
    const view = await openForm(h.users.ana, secret.id);
    expect(inputOf(view, 'next_update').initial_value).toBeUndefined();
    const incidentsBefore = ws().messages(h.channels.incidents).length;
    await h.emulator.submitView({ user: h.users.ana, viewId: view.id, values: formValues({ status: 'Identified', impact: 'No customer impact known', actions: 'Rotating the key', next: null, audience: 'internal' }) });
    await eventually(() => expect(ws().messages(secret.id).map(text).join()).toContain('INCIDENT UPDATE · SEV-3 · INC-2: Leaked API key'));
    expect(text(ws().messages(secret.id).at(-1))).toContain('none scheduled');
    await new Promise((r) => setTimeout(r, 200));
    expect(ws().messages(h.channels.incidents)).toHaveLength(incidentsBefore);
  });

  it('refuses an update on a resolved incident, saying to reopen it first', async () => {
    await db().query("UPDATE incidents SET resolved_at = now(), status = 'Resolved' WHERE id = 1");
    await h.emulator.slashCommand({ user: h.users.ben, channel: channel.id, text: 'status' });
    await eventually(() => expect(ws().ephemerals(channel.id, h.users.ben).at(-1)?.text).toContain('INC-1 is resolved, so no more updates are posted. If it is not over, reopen it with `/incident reopen` first.'));
    expect(ws().openViews(h.users.ben)).toHaveLength(0);
  });
});
