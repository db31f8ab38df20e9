import { BACKEND } from '../../support/test-database';
import { eventually } from '../../support/harness';
import { blockText, declareBySlash, textValues } from '../../support/incident-steps';
import { APPROVERS_GROUP, startCommandHarness, type CommandHarness } from '../../support/command-harness';
import type { SlackMessage } from '../../../src/sandbox/workspace-types';

describe(`approving and denying mitigations (${BACKEND} backend)`, () => {
  let h: CommandHarness;
  let channel: string;
  let approvedValue = '';
  beforeAll(async () => {
    h = await startCommandHarness();
    h.emulator.addUsergroup({ id: APPROVERS_GROUP, handle: 'oncall-leads', users: [h.users.ben, h.users.ana] });
    const incidentChannel = await declareBySlash(h, 'sev1 API down in EU');
    incidentChannel.members.push(h.users.ben, h.users.cara);
    channel = incidentChannel.id;
  });
  afterAll(async () => {
    await h.stopAll();
  });

  const latest = (head: string) => h.emulator.workspace.messages(channel).filter((m) => m.text.startsWith(head)).at(-1) as SlackMessage;
  const request = async (service: string, user = h.users.ana) => {
    await h.emulator.slashCommand({ user, channel, text: `run restart-service eu service=${service}` });
    return eventually(() => {
      const m = h.emulator.workspace.messages(channel).find((x) => x.text === 'restart-service on eu: needs approval' && blockText(x).includes(`restart '${service}'`));
      expect(m).toBeDefined();
      return m as SlackMessage;
    });
  };
  const buttonValue = (m: SlackMessage) => /"action_id":"command_approve"[^}]*?"value":"([^"]+)"/.exec(JSON.stringify(m.blocks))?.[1] as string;
  const click = (m: SlackMessage, user: string, actionId = 'command_approve', value?: string) => h.emulator.clickButton({ user, channel, messageTs: m.ts, actionId, value });
  const lastEphemeral = (user: string) => h.emulator.workspace.ephemerals(channel, user).at(-1)?.text ?? '';
  const ranCount = (service: string) => h.ssh.commands.filter((c) => c.endsWith(`restart '${service}'`)).length;
  const row = async (service: string) => (await h.bot.database.query("SELECT * FROM command_runs WHERE params->>'service' = $1", [service])).rows[0];

  it('posts the request with the exact command line and the approvers, and runs nothing yet', async () => {
    const m = await request('api');
    const shown = blockText(m);
    expect(shown).toContain("docker compose -f /opt/app/docker-compose.yml restart 'api'");
    expect(shown).toContain(`Needs a second person's approval: <!subteam^${APPROVERS_GROUP}>`);
    expect(shown).toContain('Approve and run?');
    expect(ranCount('api')).toBe(0);
    expect(await row('api')).toMatchObject({ state: 'awaiting_approval', needs_approval: true, requested_by: h.users.ana });
  });

  it('refuses approval by the person who asked', async () => {
    const m = latest('restart-service on eu');
    await click(m, h.users.ana);
    await eventually(() => expect(lastEphemeral(h.users.ana)).toContain('You asked for this command, so a second person must approve it'));
    expect(await row('api')).toMatchObject({ state: 'awaiting_approval', approved_by: null });
  });

  it('refuses approval by someone who is not an approver, and a forged button', async () => {
    const m = latest('restart-service on eu');
    await click(m, h.users.cara);
    await eventually(() => expect(lastEphemeral(h.users.cara)).toContain('Only an approver may approve commands'));
    const [runId] = buttonValue(m).split(':');
    await click(m, h.users.ben, 'command_approve', `${runId}:${'0'.repeat(32)}`);
    await eventually(() => expect(lastEphemeral(h.users.ben)).toContain('This button does not belong to a request the bot is waiting on'));
    await click(m, h.users.ben, 'command_approve', `${Number(runId) + 1000}:${buttonValue(m).split(':')[1]}`);
    await eventually(() => expect(h.emulator.workspace.ephemerals(channel, h.users.ben)).toHaveLength(2));
    expect(ranCount('api')).toBe(0);
  });

  it('runs the command once an approver approves, and records who approved', async () => {
    const m = latest('restart-service on eu');
    const value = buttonValue(m);
    await click(m, h.users.ben);
    await eventually(() => expect(latest('restart-service on eu').text).toBe('restart-service on eu: exit 0'), 10_000);
    expect(blockText(latest('restart-service on eu'))).toContain(`approved by <@${h.users.ben}>`);
    expect(blockText(latest('restart-service on eu'))).not.toContain('command_approve');
    expect(await row('api')).toMatchObject({ state: 'finished', approved_by: h.users.ben, exit_code: 0 });
    approvedValue = value;
    const { rows } = await h.bot.database.query("SELECT kind, actor_id, data FROM timeline_entries WHERE kind = 'command_approved'");
    expect(rows).toEqual([{ kind: 'command_approved', actor_id: h.users.ben, data: { runId: Number((await row('api')).id), approver: h.users.ben } }]);
  });

  it('ignores a replayed approval of a request already approved: it ran once', async () => {
    const m = await request('worker');
    await click(m, h.users.ben, 'command_approve', approvedValue);
    await eventually(() => expect(lastEphemeral(h.users.ben)).toContain('already approved this request'));
    expect(ranCount('api')).toBe(1);
    expect(ranCount('worker')).toBe(0);
  });

  it('denies with a reason given in a form, and the requester reads who and why', async () => {
    const m = latest('restart-service on eu');
    await click(m, h.users.ben, 'command_deny');
    const view = await eventually(() => {
      const v = h.emulator.workspace.openViews(h.users.ben).at(-1);
      expect(v?.callback_id).toBe('command_deny');
      return v!;
    });
    const empty = await h.emulator.submitView({ user: h.users.ben, viewId: view.id, values: textValues({ reason: '  ' }) });
    expect(empty.json).toEqual({ response_action: 'errors', errors: { reason: 'Say why, in a sentence.' } });
    await h.emulator.submitView({ user: h.users.ben, viewId: view.id, values: textValues({ reason: 'Capture the worker logs first' }) });
    await eventually(() => expect(latest('restart-service on eu').text).toBe('restart-service on eu: denied'));
    expect(blockText(latest('restart-service on eu'))).toContain(`Denied by <@${h.users.ben}>: Capture the worker logs first`);
    expect(await row('worker')).toMatchObject({ state: 'denied', denied_by: h.users.ben, deny_reason: 'Capture the worker logs first' });
    const { rows } = await h.bot.database.query("SELECT data FROM timeline_entries WHERE kind = 'command_denied'");
    expect(rows[0].data).toMatchObject({ approver: h.users.ben, reason: 'Capture the worker logs first' });
    expect(ranCount('worker')).toBe(0);
  });

  it('lets a request expire: an approval after the deadline is refused and nothing runs', async () => {
    const m = await request('web');
    h.clock.advance(16);
    await click(m, h.users.ben);
    await eventually(() => expect(lastEphemeral(h.users.ben)).toContain('This request expired at'));
    await eventually(() => expect(latest('restart-service on eu').text).toBe('restart-service on eu: expired'));
    expect(await row('web')).toMatchObject({ state: 'expired', approved_by: null });
    expect(ranCount('web')).toBe(0);
  });
});
