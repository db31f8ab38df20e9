import type { CommandRun, EvidencePackView } from '../../../src/domain/command-run';
import { evidencePackMessage } from '../../../src/slack/blocks/command-evidence';
import { commandRunMessage, fullSections, tailSection } from '../../../src/slack/blocks/command-run';

const run = (o: Partial<CommandRun> = {}): CommandRun => ({
  id: 7, incidentId: 1, commandId: 'restart-service', commandClass: 'mitigation', region: 'eu', params: { service: 'api' },
  commandLine: "docker compose restart 'api'", state: 'awaiting_approval', needsApproval: true, approvalToken: 'abc123', requestedBy: 'U1',
  requestedAt: new Date('2024-05-01T10:00:00Z'), expiresAt: new Date('2024-05-01T10:15:00Z'), approvedBy: null, approvedAt: null, deniedBy: null,
  deniedAt: null, denyReason: null, startedAt: null, finishedAt: null, exitCode: null, timedOut: false, durationMs: null, outputBytes: null,
  outputSha256: null, artifactKey: null, error: null, evidencePack: null, channelId: 'C1', messageTs: null, ...o,
});

const json = (x: unknown) => JSON.stringify(x);

describe('the command message', () => {
  it('asks for approval with the exact command line, the approvers and buttons that name the request', () => {
    const m = commandRunMessage({ run: run(), title: 'Restart a service', approvers: { users: ['U2'], usergroups: ['S9'] } });
    expect(m.text).toBe('restart-service on eu: needs approval');
    expect(json(m.blocks)).toContain("Needs a second person's approval: <@U2>, <!subteam^S9>");
    expect(json(m.blocks)).toContain("```docker compose restart 'api'```");
    expect(json(m.blocks)).toContain('"action_id":"command_approve","value":"7:abc123"');
    expect(json(m.blocks)).toContain('"action_id":"command_deny","value":"7:abc123"');
  });

  it('drops the buttons once decided, and says who denied and why', () => {
    const m = commandRunMessage({ run: run({ state: 'denied', deniedBy: 'U3', denyReason: 'capture <!channel> logs first' }), title: 'Restart' });
    expect(json(m.blocks)).not.toContain('command_approve');
    expect(json(m.blocks)).toContain('Denied by <@U3>: capture &lt;!channel&gt; logs first');
  });

  it('shows output as code that cannot close its block early or ping anyone', () => {
    const text = tailSection('Output:', 'a ``` b <!channel> & c');
    expect(text).toBe('Output:\n```a `\u200b`\u200b` b &lt;!channel&gt; &amp; c```');
  });

  it('keeps every character of a long command line, over as many sections as it takes', () => {
    const line = 'x'.repeat(7000);
    const sections = fullSections('Command line:', line);
    expect(sections.length).toBe(3);
    expect(sections.every((s) => s.length <= 3000)).toBe(true);
    expect(sections.map((s) => s.replace(/^Command line:/, '').replace(/\n?```/g, '')).join('')).toBe(line);
  });

  it('ends with the result, the evidence fingerprint and the link', () => {
    const m = commandRunMessage({
      run: run({ state: 'finished', exitCode: 0, durationMs: 1234, approvedBy: 'U2', outputBytes: 10, outputSha256: 'f'.repeat(64), artifactKey: 'incidents/x.txt' }),
      title: 'Restart', tail: { text: 'done\n', truncated: false }, link: 'https://files.example/x',
    });
    expect(m.text).toBe('restart-service on eu: exit 0');
    expect(json(m.blocks)).toContain(':white_check_mark: Exit 0 in 1.2 s (approved by <@U2>)');
    expect(json(m.blocks)).toContain(`<https://files.example/x|Full output>: 10 bytes, SHA-256 \`${'f'.repeat(64)}\``);
  });
});

describe('the evidence pack summary', () => {
  it('stays within Slack’s 50 blocks however many commands ran', () => {
    const runs = Array.from({ length: 80 }, (_, i) => ({ run: run({ id: i, region: `r${i % 8}`, state: 'finished', exitCode: 0, commandClass: 'evidence' }), title: `T${i}`, link: null }));
    const view: EvidencePackView = { regions: Array.from({ length: 8 }, (_, i) => `r${i}`), requestedBy: 'U1', runs, skipped: [] };
    const m = evidencePackMessage(view);
    expect(m.blocks?.length).toBeLessThanOrEqual(50);
    expect(m.text).toBe('Evidence captured on r0, r1, r2, r3, r4, r5, r6, r7: 80 of 80 commands succeeded');
    expect(json(m.blocks)).toContain('`/incident timeline` lists every one');
  });
});
