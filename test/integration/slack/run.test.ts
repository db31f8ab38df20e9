import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BACKEND } from '../../support/test-database';
import { eventually } from '../../support/harness';
import { blockText, declareBySlash } from '../../support/incident-steps';
import { startCommandHarness, type CommandHarness } from '../../support/command-harness';
import type { SlackMessage } from '../../../src/sandbox/workspace-types';

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

describe(`running approved commands from Slack (${BACKEND} backend)`, () => {
  let h: CommandHarness;
  let channel: string;
  beforeAll(async () => {
    h = await startCommandHarness();
    channel = (await declareBySlash(h, 'sev2 Checkout errors in EU')).id;
  });
  afterAll(async () => {
    await h.stopAll();
  });

  const run = (text: string, user = h.users.ana) => h.emulator.slashCommand({ user, channel, text: `run ${text}` });
  const replyTo = async (text: string) => ((await run(text)).json as { text: string }).text;
  const finalMessage = (head: string, done: RegExp = /exit \d|timed out|output flood|failed/) =>
    eventually(() => {
      const m = h.emulator.workspace.messages(channel).filter((x) => x.text.startsWith(head)).at(-1);
      expect(m?.text).toMatch(done);
      return m as SlackMessage;
    }, 15_000);
  const runRow = async (commandId: string) => (await h.bot.database.query('SELECT * FROM command_runs WHERE command_id = $1 ORDER BY id DESC LIMIT 1', [commandId])).rows[0];
  const section = (m: SlackMessage, label: string) =>
    ((m.blocks ?? []) as { text?: { text: string } }[]).map((b) => b.text?.text ?? '').find((t) => t.startsWith(label)) ?? '';
  const linkIn = (m: SlackMessage) => /<(http[^|>]+)\|Full output>/.exec(blockText(m).replace(/\\u0026|&amp;/g, '&'))?.[1] as string;

  it('runs an evidence command at once and shows the exact command line, the redacted output and a link to all of it', async () => {
    expect(await replyTo('container-logs eu lines=5 service=api')).toContain('Starting `container-logs` on eu');
    const m = await finalMessage('container-logs on eu');
    const shown = blockText(m);
    expect(m.text).toBe('container-logs on eu: exit 0');
    expect(shown).toContain("docker compose -f /opt/app/docker-compose.yml logs --no-color --timestamps --tail '5' 'api'");
    expect(shown).toContain('api-1 | request 3 ok password=[REDACTED]');
    expect(shown).not.toContain('hunter2');
    const row = await runRow('container-logs');
    expect(row).toMatchObject({ state: 'finished', exit_code: 0, region: 'eu', requested_by: h.users.ana, params: { lines: '5', service: 'api' }, approved_by: null });
    expect(h.ssh.commands).toContain(row.command_line);
    const res = await fetch(linkIn(m));
    const body = Buffer.from(await res.arrayBuffer());
    expect(res.status).toBe(200);
    expect(body.toString()).toContain('password=hunter2');
    expect(sha256(body)).toBe(row.output_sha256);
    expect(row.artifact_key).toMatch(new RegExp(`^incidents/\\d{4}-\\d{2}-\\d{2}/INC-1/commands/${row.id}-container-logs-eu\\.txt$`));
    const { rows } = await h.bot.database.query("SELECT kind, actor_id, data FROM timeline_entries WHERE kind LIKE 'command_%' ORDER BY id");
    expect(rows.map((r) => r.kind)).toEqual(['command_requested', 'command_finished']);
    expect(rows[0].data).toEqual({ runId: Number(row.id), commandId: 'container-logs', region: 'eu', commandLine: row.command_line, class: 'evidence' });
    expect(rows[1].data).toMatchObject({ runId: Number(row.id), exitCode: 0, outputSha256: row.output_sha256, outputBytes: body.length, artifactKey: row.artifact_key, approvedBy: null, timedOut: false });
  });

  it('refuses injection attempts through the parameter rules before anything runs', async () => {
    const before = h.ssh.commands.length;
    expect(await replyTo('container-logs eu service=api;rm')).toContain('service must be one of: api, worker, web, proxy, postgres, redis');
    expect(await replyTo('container-logs eu lines=$(reboot)')).toContain('lines must be a whole number from 1 to 10000');
    expect(await replyTo('container-logs eu lines=5`id`')).toContain('lines must be a whole number');
    expect(await replyTo('rollback-to-tag eu service=api tag="v1; rm -rf /"')).toContain('tag must match');
    expect(await replyTo('echo-text eu text="line one\nrm -rf /"')).toContain('text must not contain control characters such as newlines');
    expect(await replyTo('container-logs eu lines=5 extra=1')).toContain('container-logs has no parameter "extra"');
    expect(await replyTo('reboot-everything eu')).toContain('There is no approved command "reboot-everything"');
    expect(await replyTo('container-logs mars')).toContain('There is no region "mars"');
    expect(h.ssh.commands.length).toBe(before);
  });

  it('hands whatever a pattern lets through to the shell as one quoted word, never as code', async () => {
    const text = `; rm -rf / $(touch pwned) \`touch pwned2\` | cat && echo 'hi'`;
    await run(`echo-text eu text="${text}"`);
    const m = await finalMessage('echo-text on eu');
    expect(m.text).toBe('echo-text on eu: exit 0');
    expect(blockText(m)).toContain(JSON.stringify(`; rm -rf / $(touch pwned) \`touch pwned2\` | cat &amp;&amp; echo 'hi'`).slice(1, -1));
    const row = await runRow('echo-text');
    expect(row.command_line).toBe(`printf '%s\\n' '; rm -rf / $(touch pwned) \`touch pwned2\` | cat && echo '\\''hi'\\'''`);
    expect(existsSync(join(h.ssh.workDir, 'pwned'))).toBe(false);
    expect(existsSync(join(h.ssh.workDir, 'pwned2'))).toBe(false);
  });

  it('streams the newest output into the message while the command runs', async () => {
    await run('slow-steps eu');
    const m = await finalMessage('slow-steps on eu');
    const updates = h.emulator.workspace.callsTo('chat.update').filter((c) => String(c.args.text).startsWith('slow-steps on eu: running'));
    expect(updates.some((c) => JSON.stringify(c.args.blocks).includes('step 1'))).toBe(true);
    expect(blockText(m)).toContain('step 3');
  });

  it('kills a command at its time limit and says so', async () => {
    await run('sleepy eu');
    const m = await finalMessage('sleepy on eu');
    expect(m.text).toBe('sleepy on eu: timed out');
    expect(blockText(m)).toContain('Killed at its time limit');
    expect(await runRow('sleepy')).toMatchObject({ state: 'timed_out', timed_out: true, exit_code: null });
  });

  it('caps 10 MB of output in Slack and keeps all of it in the store with a matching SHA-256', async () => {
    await run('flood eu');
    const m = await finalMessage('flood on eu');
    const expected = Buffer.from('the quick brown fox\n'.repeat(600_000)).subarray(0, 10 * 1024 * 1024);
    const row = await runRow('flood');
    expect(row).toMatchObject({ state: 'finished', exit_code: 0, output_bytes: String(expected.length), output_sha256: sha256(expected) });
    const tail = /```([^`]*)```/.exec(section(m, 'End of the output (redacted):'))?.[1] ?? '';
    expect(tail.length).toBeGreaterThan(100);
    expect(tail.length).toBeLessThanOrEqual(1000);
    const stored = Buffer.from(await (await fetch(linkIn(m))).arrayBuffer());
    expect(sha256(stored)).toBe(sha256(expected));
  });

  it('redacts passwords, tokens and the configured patterns from what Slack shows', async () => {
    await run('leaky eu');
    const shown = section(await finalMessage('leaky on eu'), 'Output (redacted):');
    expect(shown).toContain('DB_PASSWORD=[REDACTED]');
    expect(shown).toContain('Authorization Bearer [REDACTED]');
    expect(shown).toContain('ticket tkt_[REDACTED] open');
    expect(shown).not.toMatch(/hunter2|abcdefghijklmnop|tkt_abcd1234/);
  });

  it('reports a non-zero exit, an unreachable host and a wrong host key, and keeps working after them', async () => {
    await run('fails eu');
    expect((await finalMessage('fails on eu')).text).toBe('fails on eu: exit 3');
    await run('container-status down');
    expect(blockText(await finalMessage('container-status on down'))).toMatch(/refused the connection: is sshd running and listening on port \d+\?/);
    await run('container-status impostor');
    const impostor = blockText(await finalMessage('container-status on impostor'));
    expect(impostor).toContain(`Refusing to connect to impostor (127.0.0.1:${h.ssh.port}): its host key is SHA256:${h.ssh.hostKey.fingerprint}`);
    expect(await runRow('container-status')).toMatchObject({ state: 'failed', output_sha256: null, artifact_key: null });
    await run('container-status eu');
    expect((await finalMessage('container-status on eu', /exit 0/)).text).toBe('container-status on eu: exit 0');
  });

  it('still shows the result when Slack rate-limits the update: the Web API client waits and retries', async () => {
    h.emulator.rateLimit('chat.update', { times: 1, retryAfterSeconds: 1 });
    await run('container-status us');
    expect((await finalMessage('container-status on us', /exit 0/)).text).toBe('container-status on us: exit 0');
    expect(h.emulator.workspace.callsTo('chat.update').some((c) => c.error === 'ratelimited')).toBe(true);
  });

  it('serves the full output only for a genuine, unexpired link', async () => {
    const link = linkIn(await finalMessage('container-logs on eu'));
    const token = link.slice(link.lastIndexOf('/') + 1);
    const [payload] = token.split('.');
    const forged = `${link.slice(0, link.lastIndexOf('/') + 1)}${payload}.${'A'.repeat(43)}`;
    expect((await fetch(forged)).status).toBe(403);
    h.clock.advance(169 * 60);
    const expired = await fetch(link);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('This link has expired');
  });

  it('answers with the catalog when no command is given, and only runs in incident channels', async () => {
    expect(await replyTo('')).toContain('• `restart-service` Restart a service _(mitigation, needs approval)_');
    const res = await h.emulator.slashCommand({ user: h.users.ana, channel: h.channels.general, text: 'run container-status eu' });
    expect(res.status).toBe(200);
    await eventually(() => expect(h.emulator.workspace.ephemerals(h.channels.general, h.users.ana).at(-1)?.text).toContain('works inside an incident channel'));
  });
});
