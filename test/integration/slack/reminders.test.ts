import type { SlackChannel, SlackMessage } from '../../../src/sandbox/workspace-types';
import { BACKEND } from '../../support/test-database';
import { eventually, startHarness, type Harness } from '../../support/harness';
import { blockText, declareBySlash, textValues } from '../../support/incident-steps';

const statusForm = (impact: string, next: string) => ({
  status: { value: { type: 'static_select', selected_option: { value: 'Identified' } } },
  impact: { value: { type: 'plain_text_input', value: impact } },
  current_actions: { value: { type: 'plain_text_input', value: 'Rolling back deploy 1234' } },
  next_update: { value: { type: 'number_input', value: next } },
  audience: { value: { type: 'radio_buttons', selected_option: { value: 'internal' } } },
});

const actionIds = (m: SlackMessage) =>
  ((m.blocks ?? []) as { type: string; elements?: { action_id?: string }[] }[]).filter((b) => b.type === 'actions').flatMap((b) => (b.elements ?? []).map((e) => e.action_id));

/** Minutes from `now` to the next Friday at 16:00 UTC. */
function minutesToFriday(now: Date): number {
  const friday = new Date(now);
  friday.setUTCHours(16, 0, 0, 0);
  friday.setUTCDate(friday.getUTCDate() + ((5 - friday.getUTCDay() + 7) % 7 || 7));
  return (friday.getTime() - now.getTime()) / 60_000;
}

describe(`status update reminders (${BACKEND} backend)`, () => {
  let h: Harness;
  let channel: SlackChannel;
  const ws = () => h.emulator.workspace;
  const tick = () => h.bot.scheduler.tick();
  const statusReminders = () => ws().messages(channel.id).filter((m) => m.text.includes('Status update due for'));
  const escalations = () => ws().messages(channel.id).filter((m) => m.text.includes('escalated to'));
  const pending = async () =>
    (await h.bot.database.query("SELECT kind FROM jobs WHERE incident_id = 1 AND state = 'pending' ORDER BY due_at, kind")).rows.map((r) => r.kind);

  async function postUpdate(user: string, fromMessage: SlackMessage, next: string): Promise<void> {
    const seen = ws().messages(channel.id).filter((m) => m.text.includes('update: Identified')).length;
    const res = await h.emulator.clickButton({ user, channel: channel.id, messageTs: fromMessage.ts, actionId: 'incident_post_update', value: '1' });
    expect(res.problems ?? []).toEqual([]);
    const view = await eventually(() => {
      const v = ws().openViews(user).at(-1);
      expect(v?.callback_id).toBe('status_update');
      return v!;
    });
    await h.emulator.submitView({ user, viewId: view.id, values: statusForm('Checkout fails for 30% of EU customers', next) });
    await eventually(() => expect(ws().messages(channel.id).filter((m) => m.text.includes('update: Identified'))).toHaveLength(seen + 1));
  }

  beforeAll(async () => {
    h = await startHarness();
    channel = await declareBySlash(h, 'sev1 Checkout API 5xx');
    await h.emulator.slashCommand({ user: h.users.ana, channel: channel.id, text: `role comms <@${h.users.ben}>` });
    await eventually(() => expect(blockText(ws().messages(channel.id)[0])).toContain(`*Communications lead:* <@${h.users.ben}>`));
  });
  afterAll(async () => {
    await h.stop();
  });

  it('plans the cadence, the escalation ladder and the commander check when an incident is declared', async () => {
    expect(await pending()).toEqual(['commander_missing', 'status_due', 'escalation_unresolved', 'escalation_unresolved']);
    expect(await tick()).toBe(0);
    expect(statusReminders()).toHaveLength(0);
  });

  it('posts "Status update due" once the SEV-1 cadence of 15 minutes has passed, with Post update and Snooze buttons', async () => {
    h.clock.advance(15);
    await tick();
    await tick();
    const [reminder] = statusReminders();
    expect(statusReminders()).toHaveLength(1);
    expect(reminder.text).toBe('Status update due for INC-1 (SEV-1): no update yet, open 15 min');
    expect(actionIds(reminder)).toEqual(['incident_post_update', 'reminder_snooze_short', 'reminder_snooze_long']);
    const { rows } = await h.bot.database.query("SELECT data, slack_ts FROM timeline_entries WHERE incident_id = 1 AND kind = 'reminder'");
    expect(rows).toEqual([{ data: { kind: 'status_due', messageTs: reminder.ts }, slack_ts: reminder.ts }]);
  });

  it('opens the prefilled status form from the reminder, and the update re-plans the next reminder from its "next update in"', async () => {
    await postUpdate(h.users.cara, statusReminders()[0], '16');
    expect(await pending()).toEqual(['escalation_unresolved', 'status_due', 'escalation_unresolved']);
    h.clock.advance(15);
    await tick();
    expect(statusReminders()).toHaveLength(1);
    h.clock.advance(1);
    await tick();
    expect(statusReminders().at(-1)?.text).toBe('Status update due for INC-1 (SEV-1): last update 16 min ago');
  });

  it('snoozes: the buttons give way to who snoozed until when, and the next reminder comes then, calling in commander and comms', async () => {
    const reminder = statusReminders().at(-1)!;
    const res = await h.emulator.clickButton({ user: h.users.cara, channel: channel.id, messageTs: reminder.ts, actionId: 'reminder_snooze_short' });
    expect(res.problems ?? []).toEqual([]);
    await eventually(() => expect(blockText(ws().messages(channel.id).find((m) => m.ts === reminder.ts))).toContain(`Snoozed by <@${h.users.cara}> until`));
    expect(actionIds(ws().messages(channel.id).find((m) => m.ts === reminder.ts)!)).toEqual([]);
    h.clock.advance(14);
    await tick();
    expect(statusReminders()).toHaveLength(2);
    // A snooze moves the reminder, not the escalation for a missing update (SEV-1: 10 minutes after it fell due).
    expect(escalations().map((m) => m.text)).toEqual([
      ':rotating_light: INC-1 (SEV-1) escalated to *L2 - technical lead*: unresolved for 30 min',
      ':rotating_light: INC-1 (SEV-1) escalated to *Status update overdue*: no status update 10 min after one was due',
    ]);
    h.clock.advance(1);
    await tick();
    expect(statusReminders().at(-1)?.text).toBe(`<@${h.users.ana}> <@${h.users.ben}> Status update due for INC-1 (SEV-1): last update 31 min ago · 15 min overdue`);
  });

  it('mentions the commander and comms lead once an update is overdue by the grace period, and says nothing more before then', async () => {
    await postUpdate(h.users.ben, statusReminders().at(-1)!, '15');
    h.clock.advance(15);
    await tick();
    expect(statusReminders().at(-1)?.text).toBe('Status update due for INC-1 (SEV-1): last update 15 min ago');
    h.clock.advance(4);
    await tick();
    const count = statusReminders().length;
    h.clock.advance(1);
    await tick();
    expect(statusReminders()).toHaveLength(count + 1);
    expect(statusReminders().at(-1)?.text).toBe(`<@${h.users.ana}> <@${h.users.ben}> Status update due for INC-1 (SEV-1): last update 20 min ago · 5 min overdue`);
  });

  it('answers a snooze on a reminder that an update has overtaken with what happens instead, changing nothing', async () => {
    const before = (await h.bot.database.query("SELECT id, due_at FROM jobs WHERE incident_id = 1 AND state = 'pending' ORDER BY id")).rows;
    await h.emulator.clickButton({ user: h.users.ben, channel: channel.id, messageTs: statusReminders()[0].ts, actionId: 'reminder_snooze_long' });
    await eventually(() => expect(ws().ephemerals(channel.id, h.users.ben).at(-1)?.text).toContain('This reminder is out of date'));
    expect((await h.bot.database.query("SELECT id, due_at FROM jobs WHERE incident_id = 1 AND state = 'pending' ORDER BY id")).rows).toEqual(before);
  });

  it('cancels every pending job on resolve and reminds about the postmortem review two business days later, skipping the weekend', async () => {
    h.clock.advance(minutesToFriday(h.clock.now()));
    await h.emulator.slashCommand({ user: h.users.ana, channel: channel.id, text: 'resolve' });
    const view = await eventually(() => {
      const v = ws().openViews(h.users.ana).at(-1);
      expect(v?.callback_id).toBe('resolve_incident');
      return v!;
    });
    await h.emulator.submitView({ user: h.users.ana, viewId: view.id, values: textValues({ summary: 'Rolled back deploy 1234' }) });
    await eventually(async () => expect(await pending()).toEqual(['postmortem_review']));
    const { rows } = await h.bot.database.query("SELECT due_at FROM jobs WHERE incident_id = 1 AND state = 'pending'");
    const due = new Date(rows[0].due_at);
    expect([due.getUTCDay(), due.getUTCHours()]).toEqual([2, 16]);
    const reviews = () => ws().messages(channel.id).filter((m) => m.text.includes('Postmortem review due'));
    h.clock.advance(3 * 24 * 60);
    await tick();
    expect(reviews()).toHaveLength(0);
    h.clock.advance(24 * 60);
    await tick();
    expect(reviews()).toHaveLength(1);
    const review = reviews()[0];
    expect(review.text).toMatch(new RegExp(`^<@${h.users.ana}> :memo: Postmortem review due for INC-1 \\(SEV-1\\): resolved Fri, .+ 16:00 UTC, 2 business days ago$`));
    const { rows: entries } = await h.bot.database.query("SELECT data FROM timeline_entries WHERE incident_id = 1 AND kind = 'reminder' ORDER BY id DESC LIMIT 1");
    expect(entries[0].data).toEqual({ kind: 'postmortem_review', messageTs: review.ts });
  });

  it('starts the cadence again when the incident is reopened', async () => {
    await h.emulator.slashCommand({ user: h.users.ana, channel: channel.id, text: 'reopen it broke again' });
    await eventually(async () => expect(await pending()).toEqual(['commander_missing', 'status_due', 'escalation_unresolved', 'escalation_unresolved']));
    h.clock.advance(15);
    await tick();
    expect(statusReminders().at(-1)?.text).toBe('Status update due for INC-1 (SEV-1): last update 4 d ago');
  });
});
