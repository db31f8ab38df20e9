import { assemblePostmortem } from '../../../src/domain/postmortem/assemble';
import { ANA, ARCHIVE, BEN, CARA, CHANNEL, entry, input, message, reply } from './fixtures';

describe('postmortem sections', () => {
  it('pre-fills action items from "action:" notes and messages marked with the action reaction, not deleted ones', () => {
    const parent = message(5, BEN, 'we need an alert on pool saturation', { data: { action: true } });
    const draft = assemblePostmortem(
      input([
        entry('note', 3, { actorId: CARA, text: 'action: add a runbook step for pool size', slackTs: '1741946700.000100' }),
        entry('note', 4, { actorId: CARA, text: 'just a note' }),
        parent,
        reply(parent, 6, ANA, 'me too', { data: { action: true }, deletedAt: new Date() }),
      ]),
    );
    expect(draft.actionItems).toEqual([
      { text: 'add a runbook step for pool size', owner: 'Cara Lind', time: '2025-03-14 10:01 UTC', link: `${ARCHIVE}/${CHANNEL}/p1741946700000100` },
      { text: 'we need an alert on pool saturation', owner: 'Ben Okafor', time: '2025-03-14 10:03 UTC', link: `${ARCHIVE}/${CHANNEL}/p${parent.slackTs!.replace('.', '')}` },
    ]);
  });

  it('lists the triage row, the runbooks with the last state of each step, and asks for runbook updates', () => {
    const draft = assemblePostmortem(
      input([
        entry('triaged', 1, { actorId: ANA, data: { rowId: 'api-errors', symptom: 'API 5xx | over 5%', likelyCause: 'DB down', runbookId: 'db-failover', runbookIds: ['db-failover', 'redis-down'], suggestedSeverity: 'SEV-1' } }),
        entry('runbook_posted', 2, { actorId: ANA, data: { runbookId: 'db-failover', title: 'Database failover' } }),
        entry('runbook_step', 3, { actorId: BEN, data: { runbookId: 'db-failover', step: 2, title: 'Promote the replica', done: true } }),
        entry('runbook_step', 4, { actorId: BEN, data: { runbookId: 'db-failover', step: 1, title: 'Check replica lag', done: true } }),
        entry('runbook_step', 5, { actorId: CARA, data: { runbookId: 'db-failover', step: 2, title: 'Promote the replica', done: false } }),
      ]),
    );
    expect(draft.triage).toEqual([{ time: '09:59', by: 'Ana Ortiz', symptom: 'API 5xx \\| over 5%', likelyCause: 'DB down', runbook: 'db-failover, redis-down', suggestedSeverity: 'SEV-1' }]);
    expect(draft.runbooks).toEqual([
      {
        id: 'db-failover', title: 'Database failover', postedAt: '10:00',
        steps: [
          { step: 1, title: 'Check replica lag', done: true, by: 'Ben Okafor', time: '10:02' },
          { step: 2, title: 'Promote the replica', done: false, by: 'Cara Lind', time: '10:03' },
        ],
      },
    ]);
    expect(draft.runbookUpdates).toEqual(['Database failover (db-failover)']);
  });

  it('lists each command run with its region, approver, exit code and evidence link with SHA-256', () => {
    const sha = 'f'.repeat(64);
    const draft = assemblePostmortem(
      input([
        entry('command_requested', 1, { actorId: ANA, data: { runId: 'r1', commandId: 'restart', region: 'eu-west', commandLine: 'systemctl restart api', class: 'mitigation' } }),
        entry('command_approved', 2, { actorId: BEN, data: { runId: 'r1', approver: BEN } }),
        entry('command_finished', 3, { actorId: ANA, data: { runId: 'r1', commandId: 'restart', region: 'eu-west', commandLine: 'systemctl restart api', exitCode: 0, durationMs: 900, outputSha256: sha, outputBytes: 12, artifactKey: 'k', link: 'https://art/k', approvedBy: BEN, timedOut: false } }),
        entry('command_requested', 4, { actorId: CARA, data: { runId: 'r2', commandLine: 'promote db-3', region: 'us-east', class: 'mitigation' } }),
        entry('command_denied', 5, { actorId: ANA, data: { runId: 'r2', approver: ANA, reason: 'not yet' } }),
        entry('command_requested', 6, { actorId: CARA, data: { runId: 'r3', commandLine: 'rollback `4811`', region: 'us-east', class: 'mitigation' } }),
      ]),
    );
    expect(draft.commands).toEqual([
      { time: '09:59', command: 'systemctl restart api', region: 'eu-west', requestedBy: 'Ana Ortiz', approvedBy: 'Ben Okafor', outcome: 'exit 0', evidence: '[full output](https://art/k)', sha256: sha },
      { time: '10:02', command: 'promote db-3', region: 'us-east', requestedBy: 'Cara Lind', approvedBy: '', outcome: 'denied by Ana Ortiz: not yet', evidence: '', sha256: '' },
      { time: '10:04', command: "rollback '4811'", region: 'us-east', requestedBy: 'Cara Lind', approvedBy: '', outcome: 'never approved or run', evidence: '', sha256: '' },
    ]);
  });

  it('says which span was read back from Slack, and when the channel could not be read', () => {
    const draft = assemblePostmortem(
      input([entry('backfilled', 30, { data: { from: '2025-03-14T10:10:00.000Z', to: '2025-03-14T10:20:00.000Z', messages: 3, replies: 1, edits: 1 } })], { backfillProblem: 'not_in_channel' }),
    );
    expect(draft.backfill).toEqual([
      { time: '2025-03-14 10:28 UTC', text: '3 messages and 1 reply posted between 2025-03-14 10:10 UTC and 2025-03-14 10:20 UTC, and 1 edit made meanwhile, were missed by the bot and read back from Slack' },
      { time: '2025-03-14 11:01 UTC', text: 'The channel could not be read back before this version (not_in_channel); messages the bot missed may be absent' },
    ]);
  });

  it('takes summary, root cause and the end of impact from the resolve form, and the impact as the updates told it', () => {
    const draft = assemblePostmortem(input([entry('postmortem', 62, { data: { version: 1, key: 'postmortems/a.md', link: 'https://art/a', sha256: 'x' } })]));
    expect(draft.summary).toBe('Rolled back deploy 4812; checkout is healthy.');
    expect(draft.rootCause).toBe('A connection pool of 5 in deploy 4812');
    expect(draft.impactEnded).toBe('2025-03-14 10:39 UTC');
    expect(draft.previousVersions).toEqual(['v1 (2025-03-14 11:00 UTC): [postmortems/a.md](https://art/a)']);
  });
});
