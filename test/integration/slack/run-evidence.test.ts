import { createHash } from 'node:crypto';
import { BACKEND } from '../../support/test-database';
import { eventually } from '../../support/harness';
import { blockText, declareBySlash } from '../../support/incident-steps';
import { startCommandHarness, type CommandHarness } from '../../support/command-harness';
import { startS3Server, type TestS3Server } from '../../support/s3-server';
import type { SlackMessage } from '../../../src/sandbox/workspace-types';

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const EVIDENCE = ['container-status', 'container-logs', 'disk-usage', 'health-check', 'pg-activity', 'pg-connections', 'redis-info'];

describe(`evidence packs and runbook Run buttons, outputs in an S3 bucket (${BACKEND} backend)`, () => {
  let h: CommandHarness;
  let s3: TestS3Server;
  let channel: string;
  beforeAll(async () => {
    s3 = await startS3Server();
    process.env.AWS_ACCESS_KEY_ID = s3.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = s3.secretAccessKey;
    h = await startCommandHarness({ artifacts: `artifacts: { kind: s3, endpoint: '${s3.endpoint}', region: us-east-1, bucket: ${s3.bucket}, force_path_style: true, prefix: bot/ }` });
    channel = (await declareBySlash(h, 'sev2 Checkout slow everywhere')).id;
  });
  afterAll(async () => {
    await h.stopAll();
    await s3.stop();
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
  });

  const summary = (regions: string) =>
    eventually(() => {
      const m = h.emulator.workspace.messages(channel).filter((x) => x.text.startsWith(`Evidence captured on ${regions}:`)).at(-1);
      expect(m).toBeDefined();
      return m as SlackMessage;
    }, 15_000);

  it('runs every evidence command of a region in parallel and sums them up in one message, with links into the bucket', async () => {
    const res = await h.emulator.slashCommand({ user: h.users.ana, channel, text: 'evidence eu' });
    expect((res.json as { text: string }).text).toContain('Capturing evidence on eu');
    const m = await summary('eu');
    const packMessages = h.emulator.workspace.messages(channel).filter((x) => /^(Capturing evidence|Evidence captured) on eu/.test(x.text));
    expect(packMessages).toHaveLength(1);
    expect(m.text).toBe('Evidence captured on eu: 6 of 7 commands succeeded');
    const { rows } = await h.bot.database.query("SELECT * FROM command_runs WHERE evidence_pack IS NOT NULL ORDER BY command_id");
    expect(rows.map((r) => r.command_id)).toEqual([...EVIDENCE].sort());
    expect(new Set(rows.map((r) => r.evidence_pack)).size).toBe(1);
    const status = rows.find((r) => r.command_id === 'container-status') as { output_sha256: string };
    const link = /<(http[^|>]+)\|full output>/.exec(blockText(m).replace(/\\u0026|&amp;/g, '&'))?.[1] as string;
    expect(link).toContain(`${s3.endpoint}/${s3.bucket}/bot/incidents/`);
    const body = Buffer.from(await (await fetch(link)).arrayBuffer());
    expect(sha256(body)).toBe(status.output_sha256);
    await eventually(async () => {
      const captured = await h.bot.database.query("SELECT data FROM timeline_entries WHERE kind = 'evidence_captured'");
      expect(captured.rows[0]?.data).toEqual({ regions: ['eu'], runIds: expect.arrayContaining(rows.map((r) => Number(r.id))) });
    });
  });

  it('covers every region with `all`, and says which hosts could not be reached', async () => {
    await h.emulator.slashCommand({ user: h.users.ana, channel, text: 'evidence all' });
    const m = await summary('eu, us, down, impostor');
    expect(m.text).toBe('Evidence captured on eu, us, down, impostor: 12 of 28 commands succeeded');
    expect(blockText(m)).toContain('refused the connection');
    expect(blockText(m)).toContain('Refusing to connect to impostor');
    // The summary message is posted just before the timeline entry is written.
    await eventually(async () => {
      const { rows } = await h.bot.database.query("SELECT data FROM timeline_entries WHERE kind = 'evidence_captured' ORDER BY id");
      expect(rows[1]?.data.runIds).toHaveLength(28);
    });
  });

  it('answers an unknown region with the ones that exist', async () => {
    const res = await h.emulator.slashCommand({ user: h.users.ana, channel, text: 'evidence mars' });
    expect((res.json as { text: string }).text).toBe('There is no region "mars". Regions: eu, us, down, impostor, or all.');
  });

  it("opens the Run form from a runbook step's button and runs the command in the region picked", async () => {
    await h.emulator.slashCommand({ user: h.users.ana, channel, text: 'runbook disk-full' });
    const runbook = await eventually(() => {
      const found = h.emulator.workspace.messages(channel).find((x) => JSON.stringify(x.blocks ?? []).includes('runbook_run_command:disk-usage'));
      expect(found).toBeDefined();
      return found as SlackMessage;
    });
    await h.emulator.clickButton({ user: h.users.ana, channel, messageTs: runbook.ts, actionId: 'runbook_run_command:disk-usage' });
    const view = await eventually(() => {
      const v = h.emulator.workspace.openViews(h.users.ana).at(-1);
      expect(v?.callback_id).toBe('command_run');
      return v!;
    });
    expect(JSON.stringify(view.blocks)).toContain('Disk usage');
    await h.emulator.submitView({ user: h.users.ana, viewId: view.id, values: { region: { value: { type: 'static_select', selected_option: { value: 'us' } } } } });
    await eventually(() => expect(h.emulator.workspace.messages(channel).some((x) => x.text === 'disk-usage on us: exit 0')).toBe(true), 10_000);
  });
});
