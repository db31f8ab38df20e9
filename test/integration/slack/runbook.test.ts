import { validateMessageBlocks } from '../../../src/sandbox/block-kit-validate';
import type { SlackChannel } from '../../../src/sandbox/workspace-types';
import { eventually, startHarness, type Harness } from '../../support/harness';
import { blockText, declareBySlash } from '../../support/incident-steps';
import { BACKEND } from '../../support/test-database';

type Json = Record<string, unknown>;
const SHIPPED = ['api-down', 'api-latency', 'backup-failure', 'cert-expiring', 'db-failover', 'disk-full', 'graceful-degradation', 'redis-down', 'region-down', 'security-incident', 'storage-down', 'webhook-backlog'];

// Everything the bot showed only this user in this channel, in order.
function ephemeralText(h: Harness, channel: string, user: string): string {
  return h.emulator.workspace.ephemerals(channel, user).map((e) => `${e.text}${JSON.stringify(e.blocks ?? [])}`).join('\n');
}

function runbookMessages(h: Harness, channel: string, id: string) {
  return h.emulator.workspace.messages(channel).filter((m) => m.text.startsWith(`Runbook ${id}:`));
}

// All text in a message's blocks: Slack refuses a message whose blocks hold too much (msg_blocks_too_long).
function blockChars(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + blockChars(v), 0);
  if (value && typeof value === 'object') return Object.entries(value as Json).reduce((n, [k, v]) => n + (k === 'text' && typeof v === 'string' ? v.length : blockChars(v)), 0);
  return 0;
}

async function steps(h: Harness, runbookId: string): Promise<{ actor_id: string; data: Json }[]> {
  const { rows } = await h.bot.database.query<{ actor_id: string; data: Json }>("SELECT actor_id, data FROM timeline_entries WHERE kind = 'runbook_step' AND data->>'runbookId' = $1 ORDER BY id", [runbookId]);
  return rows;
}

describe(`runbooks in Slack (${BACKEND} backend)`, () => {
  let h: Harness;
  let channel: SlackChannel;
  beforeAll(async () => {
    h = await startHarness();
    channel = await declareBySlash(h, 'sev1 Primary database down');
  });
  afterAll(async () => {
    await h.stop();
  });

  it('lists every runbook anywhere, without post buttons outside an incident channel', async () => {
    await h.emulator.slashCommand({ user: h.users.ana, channel: h.channels.general, text: 'runbook' });
    const list = await eventually(() => {
      const e = h.emulator.workspace.ephemerals(h.channels.general, h.users.ana).find((x) => x.text === '12 runbooks');
      expect(e).toBeDefined();
      return e!;
    });
    expect(validateMessageBlocks(list.blocks)).toEqual([]);
    for (const id of SHIPPED) expect(JSON.stringify(list.blocks)).toContain(`\`${id}\``);
    expect(JSON.stringify(list.blocks)).not.toContain('runbook_post');
  });

  it('answers an unknown id with the closest ids, and a runbook outside an incident channel with where to go', async () => {
    const typo = await h.emulator.slashCommand({ user: h.users.ana, channel: channel.id, text: 'runbook db-failvoer' });
    expect((typo.json as { text: string }).text).toBe('No runbook `db-failvoer`. Closest: `db-failover`, `api-down`, `backup-failure`. `/incident runbook` lists them all.');
    await h.emulator.slashCommand({ user: h.users.ana, channel: h.channels.general, text: 'runbook db-failover' });
    await eventually(() => expect(ephemeralText(h, h.channels.general, h.users.ana)).toContain('`/incident runbook db-failover` works inside an incident channel. Open incidents: INC-1'));
  });

  it('posts a runbook in the incident channel: numbered steps, a Done button on each and a Run button on steps naming a command', async () => {
    await h.emulator.slashCommand({ user: h.users.ana, channel: channel.id, text: 'runbook db-failover' });
    const [message] = await eventually(() => {
      const found = runbookMessages(h, channel.id, 'db-failover');
      expect(found).toHaveLength(1);
      return found;
    });
    const text = blockText(message);
    expect(text).toContain('Runbook: Primary database down - fail over to the replica');
    expect(text).toContain('*1. Capture evidence first*');
    expect(text).toContain('*7. Verify and watch*');
    expect(text).toContain('"action_id":"runbook_run_command:promote-replica"');
    expect(text.match(/"action_id":"runbook_step"/g)).toHaveLength(7);
    const { rows } = await h.bot.database.query("SELECT actor_id, data FROM timeline_entries WHERE kind = 'runbook_posted'");
    expect(rows).toEqual([{ actor_id: h.users.ana, data: { runbookId: 'db-failover', title: 'Primary database down - fail over to the replica' } }]);
  });

  it('records who ticked which step when, redraws the message, and records an undo; a double click counts once', async () => {
    const [message] = runbookMessages(h, channel.id, 'db-failover');
    const tick = (user: string) => h.emulator.clickButton({ user, channel: channel.id, messageTs: message.ts, actionId: 'runbook_step', blockId: 'rb-step-3-actions' });
    await Promise.all([tick(h.users.ben), tick(h.users.ben)]);
    await eventually(() => expect(blockText(runbookMessages(h, channel.id, 'db-failover')[0])).toContain(`*3. Check the replica before you trust it* · :white_check_mark: done by <@${h.users.ben}> at <!date^`));
    expect(await steps(h, 'db-failover')).toEqual([{ actor_id: h.users.ben, data: { runbookId: 'db-failover', step: 3, title: 'Check the replica before you trust it', done: true } }]);
    const redrawn = runbookMessages(h, channel.id, 'db-failover')[0];
    expect(validateMessageBlocks(redrawn.blocks)).toEqual([]);
    await h.emulator.clickButton({ user: h.users.cara, channel: channel.id, messageTs: message.ts, actionId: 'runbook_step', blockId: 'rb-step-3-actions' });
    await eventually(async () => expect((await steps(h, 'db-failover')).map((s) => [s.actor_id, s.data.done])).toEqual([[h.users.ben, true], [h.users.cara, false]]));
    await eventually(() => expect(blockText(runbookMessages(h, channel.id, 'db-failover')[0])).not.toContain('done by'));
  });

  it('gives each Run button the command, the step and the incident, for the command runner', async () => {
    const [message] = runbookMessages(h, channel.id, 'db-failover');
    const actions = (message.blocks ?? []).find((b) => (b as Json).block_id === 'rb-step-5-actions') as { elements: Json[] };
    const run = actions.elements.find((e) => e.action_id === 'runbook_run_command:promote-replica');
    expect(run).toMatchObject({ type: 'button', text: { type: 'plain_text', text: 'Run promote-replica' } });
    expect(JSON.parse(String(run?.value))).toEqual({ incidentId: 1, runbookId: 'db-failover', step: 5, commandId: 'promote-replica' });
  });

  it('posts every shipped runbook, the longest included, with each message within Block Kit limits', async () => {
    const header = h.emulator.workspace.messages(channel.id)[0];
    await h.emulator.clickButton({ user: h.users.ana, channel: channel.id, messageTs: header.ts, actionId: 'incident_runbooks' });
    const list = await eventually(() => {
      const e = h.emulator.workspace.ephemerals(channel.id, h.users.ana).filter((x) => x.text === '12 runbooks').at(-1);
      expect(JSON.stringify(e?.blocks)).toContain('runbook_post');
      return e!;
    });
    for (const id of SHIPPED.filter((x) => x !== 'db-failover')) {
      await h.emulator.clickButton({ user: h.users.ana, channel: channel.id, messageTs: list.ts, actionId: 'runbook_post', blockId: `runbook-${id}` });
    }
    await eventually(() => expect(SHIPPED.filter((id) => runbookMessages(h, channel.id, id).length === 0)).toEqual([]));
    for (const m of h.emulator.workspace.messages(channel.id)) {
      expect(validateMessageBlocks(m.blocks ?? [])).toEqual([]);
      expect(blockChars(m.blocks)).toBeLessThanOrEqual(9000);
    }
  });
});
