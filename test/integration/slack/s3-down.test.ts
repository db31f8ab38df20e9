import { createServer, type Server, type Socket } from 'node:net';
import { BACKEND } from '../../support/test-database';
import { eventually } from '../../support/harness';
import { blockText, declareBySlash, textValues } from '../../support/incident-steps';
import { startCommandHarness, type CommandHarness } from '../../support/command-harness';
import { startS3Server, type TestS3Server } from '../../support/s3-server';

/** An S3 endpoint that takes connections and never answers, like a bucket behind a wedged proxy. */
async function silentEndpoint(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe(`with the S3 endpoint down (${BACKEND} backend)`, () => {
  let h: CommandHarness;
  let endpoint: { port: number; close(): Promise<void> };
  let s3: TestS3Server | undefined;
  let channel: string;
  beforeAll(async () => {
    endpoint = await silentEndpoint();
    process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
    process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
    h = await startCommandHarness({
      artifacts: `artifacts: { kind: s3, endpoint: 'http://127.0.0.1:${endpoint.port}', region: us-east-1, bucket: incident-artifacts, force_path_style: true, timeout_seconds: 1 }`,
    });
    channel = (await declareBySlash(h, 'sev2 Uploads failing while the bucket is away')).id;
  });
  afterAll(async () => {
    await h.stopAll();
    await endpoint.close().catch(() => undefined);
    await s3?.stop();
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
  });

  const finished = (head: string) =>
    eventually(() => {
      const m = h.emulator.workspace.messages(channel).filter((x) => x.text.startsWith(head)).at(-1);
      expect(m?.text).toMatch(/exit \d|failed/);
      return m!;
    }, 30_000);
  const lastRun = async () => (await h.bot.database.query('SELECT * FROM command_runs ORDER BY id DESC LIMIT 1')).rows[0];

  it('finishes a command that hangs on the bucket, says its full output was not kept, and keeps its fingerprint', async () => {
    await h.emulator.slashCommand({ user: h.users.ana, channel, text: 'run container-status eu' });
    const m = await finished('container-status on eu');
    expect(m.text).toBe('container-status on eu: exit 0');
    const shown = blockText(m);
    expect(shown).toContain('app-api-1  Up 3 hours (healthy)');
    expect(shown).toContain(`The full output could not be stored (The S3 bucket incident-artifacts at http://127.0.0.1:${endpoint.port} did not take incidents/`);
    expect(shown).toContain('no answer within 1 s');
    expect(shown).not.toContain('Full output>');
    const row = await lastRun();
    expect(row).toMatchObject({ state: 'finished', exit_code: 0, artifact_key: null });
    expect(row.output_sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('says the endpoint refused the connection once nothing listens there, and the incident goes on', async () => {
    await endpoint.close();
    await h.emulator.slashCommand({ user: h.users.ana, channel, text: 'run disk-usage eu' });
    const m = await finished('disk-usage on eu');
    expect(blockText(m)).toContain('the endpoint refused the connection (is it running?)');
    await h.emulator.slashCommand({ user: h.users.ben, channel, text: 'note rolled back the bucket proxy' });
    await eventually(() => expect(h.emulator.workspace.messages(channel).some((x) => x.text.includes('rolled back the bucket proxy'))).toBe(true));
  });

  it('still posts the postmortem draft on resolve, says the stored copy is missing, and stores the next version once S3 is back', async () => {
    await h.emulator.slashCommand({ user: h.users.ana, channel, text: 'resolve' });
    const view = await eventually(() => {
      const v = h.emulator.workspace.openViews(h.users.ana).at(-1);
      expect(v?.callback_id).toBe('resolve_incident');
      return v!;
    });
    await h.emulator.submitView({ user: h.users.ana, viewId: view.id, values: textValues({ summary: 'Bucket proxy wedged; rolled back', root_cause: '' }) });
    const files = () => [...h.emulator.workspace.files.values()].filter((f) => f.channels.includes(channel) && f.completed);
    const comment = (id: string) => h.emulator.workspace.messages(channel).find((m) => m.files?.some((f) => (f as { id: string }).id === id))?.text ?? '';
    const draft = await eventually(() => {
      expect(files()).toHaveLength(1);
      return files()[0];
    }, 20_000);
    expect(draft.content.toString()).toContain('Bucket proxy wedged; rolled back');
    expect(comment(draft.id)).toContain('The copy for the artifact store could not be written');
    expect(comment(draft.id)).toContain('refused the connection');
    expect(comment(draft.id)).toContain('`/incident postmortem` stores a new version once the store is back');
    const { rows: versions } = await h.bot.database.query('SELECT version, key FROM postmortems ORDER BY version');
    expect(versions).toEqual([{ version: 1, key: null }]);
    const { rows: incident } = await h.bot.database.query('SELECT status FROM incidents');
    expect(incident[0].status).toBe('Resolved');

    s3 = await startS3Server('incident-artifacts', endpoint.port);
    const res = await h.emulator.slashCommand({ user: h.users.ana, channel, text: 'postmortem' });
    expect(res.status).toBe(200);
    await eventually(() => expect(files()).toHaveLength(2), 20_000);
    await eventually(async () => {
      const { rows } = await h.bot.database.query('SELECT version, key FROM postmortems ORDER BY version');
      expect(rows[1]).toEqual({ version: 2, key: expect.stringMatching(/^postmortems\/.+-v2\.md$/) });
    });
    expect(comment(files()[1].id)).toContain(`Stored copy: <http://127.0.0.1:${endpoint.port}/incident-artifacts/postmortems/`);
  });
});
