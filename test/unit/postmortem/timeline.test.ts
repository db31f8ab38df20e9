import { assemblePostmortem } from '../../../src/domain/postmortem/assemble';
import type { TimelineLine } from '../../../src/domain/postmortem/model';
import { ANA, BEN, CARA, entry, input, message, reply, tsAt } from './fixtures';

const lines = (timeline: Parameters<typeof input>[0], patch: Parameters<typeof input>[1] = {}) =>
  assemblePostmortem(input(timeline, patch)).timeline.days.flatMap((d) => d.lines);
const show = (l: TimelineLine): string[] => [`${l.time} ${l.highlight ? '📌 ' : ''}${l.actor ? `${l.actor}: ` : ''}${l.text}`, ...l.replies.flatMap(show).map((r) => `  ${r}`)];
const text = (timeline: Parameters<typeof input>[0], patch: Parameters<typeof input>[1] = {}) => lines(timeline, patch).flatMap(show);

describe('the postmortem timeline', () => {
  it('puts thread replies under their parent, and counts the rest of a long thread', () => {
    const parent = message(2, ANA, 'db-2 lag is 40 s');
    const replies = [3, 4, 5, 6, 7].map((m, i) => reply(parent, m, i % 2 ? BEN : CARA, `reply ${i + 1}`));
    expect(text([parent, ...replies])).toEqual([
      '10:00 Ana Ortiz: db-2 lag is 40 s',
      '  10:01 Cara Lind: reply 1',
      '  10:02 Ben Okafor: reply 2',
      '  10:03 Cara Lind: reply 3',
      '  10:04–10:05 2 more replies from Ben Okafor and Cara Lind',
    ]);
    const summary = lines([parent, ...replies])[0].replies[3];
    expect(summary.link).toBe(`https://acme.slack.com/archives/C0INC/p${replies[3].slackTs!.replace('.', '')}?thread_ts=${parent.slackTs}&cid=C0INC`);
  });

  it('always shows highlighted messages and replies, even inside long runs of chatter', () => {
    const chatter = Array.from({ length: 16 }, (_, i) => message(10 + i, i % 2 ? ANA : BEN, `chatter ${i}`));
    const pinned = reply(chatter[7], 18, CARA, 'pool=5 in deploy 4812', { highlighted: true });
    const out = text([...chatter, pinned].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime()));
    expect(out).toEqual([
      '10:08–10:14 7 messages from Ben Okafor and Ana Ortiz',
      '10:15 Ana Ortiz: chatter 7',
      '  10:16 📌 Cara Lind: pool=5 in deploy 4812',
      '10:16–10:23 8 messages from Ben Okafor and Ana Ortiz',
    ]);
  });

  it('shows short runs in full and summarises runs longer than the configured maximum with a link to the first message', () => {
    const short = [message(1, ANA, 'one'), message(2, BEN, 'two')];
    expect(text(short)).toEqual(['09:59 Ana Ortiz: one', '10:00 Ben Okafor: two']);
    const long = Array.from({ length: 7 }, (_, i) => message(3 + i, [ANA, BEN, CARA][i % 3], `m${i}`));
    const [line] = lines(long);
    expect(line).toMatchObject({ time: '10:01–10:07', kind: 'summary', text: '7 messages from Ana Ortiz, Ben Okafor and Cara Lind' });
    expect(line.link).toBe(`https://acme.slack.com/archives/C0INC/p${long[0].slackTs!.replace('.', '')}`);
  });

  it('marks edits and deletions, files, broadcasts, other apps and replies to threads the bot started', () => {
    const out = text([
      message(1, ANA, 'failover to db-3', { editedAt: new Date(), originalText: 'failover to db-1' }),
      message(2, BEN, 'wrong channel', { deletedAt: new Date() }),
      message(3, CARA, '', { data: { files: ['lag.png'] } }),
      entry('message', 4, { text: 'CRITICAL: checkout-5xx', slackTs: tsAt(4), data: { bot: 'Alertmanager' } }),
      entry('reply', 5, { actorId: ANA, text: 'on it', slackTs: tsAt(5), threadTs: tsAt(0), data: { broadcast: true } }),
    ]);
    expect(out).toEqual([
      '09:59 Ana Ortiz: failover to db-3 (edited)',
      '10:00 Ben Okafor: ~~wrong channel~~ (deleted)',
      '10:01 Cara Lind: (files: lag.png)',
      '10:02 Alertmanager: CRITICAL: checkout-5xx',
      '10:03 Ana Ortiz: (in a thread) on it (also sent to the channel)',
    ]);
  });

  it("collapses the bot's own bookkeeping into one line per run of it", () => {
    const out = text([
      entry('declared', 0, { actorId: ANA, text: 'INC-42 declared as SEV-2: Checkout API 5xx', data: { severity: 'SEV-2' } }),
      entry('reminder', 15, { data: { kind: 'status_due', messageTs: '1.1' } }),
      entry('reminder', 30, { data: { kind: 'status_due', messageTs: '1.2' } }),
      entry('reminder', 31, { data: { kind: 'commander_missing', messageTs: '1.3' } }),
      entry('backfilled', 32, { data: { messages: 2, replies: 0 } }),
      entry('postmortem', 62, { data: { version: 1, key: 'k', link: 'l', sha256: 's' } }),
    ]);
    expect(out).toEqual([
      '09:58 Ana Ortiz: INC-42 declared as SEV-2: Checkout API 5xx',
      '10:13–11:00 Bot: 2 × status update reminder, commander nudge, backfill of missed messages, postmortem draft v1',
    ]);
  });

  it('writes one line for each kind the triage, timer and command features record, an evidence pack as one', () => {
    const finished = { runId: 'r1', commandId: 'restart', region: 'eu-west', commandLine: 'systemctl restart api', exitCode: 0, durationMs: 2100, outputSha256: 'ab', outputBytes: 10, artifactKey: 'k', link: 'https://a/k', approvedBy: BEN, timedOut: false };
    const out = text([
      entry('severity_changed', 1, { actorId: ANA, text: 'Severity promoted from SEV-2 to SEV-1: all regions', data: { from: 'SEV-2', to: 'SEV-1', reason: 'all regions' } }),
      entry('triaged', 2, { actorId: ANA, data: { rowId: 'api-errors', symptom: 'API 5xx over 5%', likelyCause: 'DB down', runbookId: 'db-failover', suggestedSeverity: 'SEV-1' } }),
      entry('runbook_posted', 3, { actorId: ANA, data: { runbookId: 'db-failover', title: 'Database failover' } }),
      entry('runbook_step', 4, { actorId: BEN, data: { runbookId: 'db-failover', step: 1, title: 'Check replica lag', done: true } }),
      entry('escalated', 5, { data: { label: 'L2 - technical lead', reason: 'unresolved', afterMinutes: 30, notified: { users: [CARA], usergroups: ['S0LEADS'] } } }),
      entry('command_requested', 6, { actorId: ANA, data: { runId: 'r1', commandId: 'restart', region: 'eu-west', commandLine: 'systemctl restart api', class: 'mitigation' } }),
      entry('command_approved', 7, { actorId: BEN, data: { runId: 'r1', approver: BEN } }),
      entry('command_finished', 8, { actorId: ANA, data: finished }),
      entry('command_requested', 9, { actorId: ANA, data: { runId: 'r2', commandId: 'df', region: 'eu-west', commandLine: 'df -h', class: 'evidence' } }),
      entry('command_finished', 9, { actorId: ANA, data: { ...finished, runId: 'r2', commandLine: 'df -h', exitCode: 1, approvedBy: '', timedOut: true } }),
      entry('command_requested', 10, { actorId: CARA, data: { runId: 'r3', commandLine: 'promote db-3', region: 'eu-west', class: 'mitigation' } }),
      entry('command_denied', 11, { actorId: ANA, data: { runId: 'r3', approver: ANA, reason: 'capture evidence first' } }),
      ...['r4', 'r5', 'r6'].flatMap((runId, i) => [
        entry('command_requested', 11.5, { actorId: ANA, data: { runId, commandLine: 'df -h', region: 'eu-west', class: 'evidence' } }),
        entry('command_finished', 11.8, { data: { ...finished, runId, commandLine: 'df -h', exitCode: i === 2 ? 1 : 0, approvedBy: null } }),
      ]),
      entry('evidence_captured', 12, { actorId: ANA, data: { regions: ['eu-west', 'us-east'], runIds: ['r4', 'r5', 'r6'] } }),
      entry('future_kind', 13, { text: 'Something new happened' }),
    ]);
    expect(out).toEqual([
      '09:59 Ana Ortiz: Severity SEV-2 → SEV-1: all regions',
      '10:00 Ana Ortiz: Triaged: API 5xx over 5% → likely DB down (runbook db-failover), suggests SEV-1',
      '10:01 Ana Ortiz: Runbook posted: Database failover',
      '10:02 Ben Okafor: Done: db-failover step 1, Check replica lag',
      '10:03 Escalated: L2 - technical lead (still unresolved after 30 min); notified Cara Lind, @S0LEADS',
      '10:04 Ana Ortiz: Requested `systemctl restart api` on eu-west (mitigation)',
      '10:05 Ben Okafor: Approved `systemctl restart api` on eu-west',
      '10:06 Ana Ortiz: Ran `systemctl restart api` on eu-west: exited 0 after 2.1 s, approved by Ben Okafor',
      '10:07 Ana Ortiz: Ran `df -h` on eu-west: timed out after 2.1 s',
      '10:08 Cara Lind: Requested `promote db-3` on eu-west (mitigation)',
      '10:09 Ana Ortiz: Denied `promote db-3` on eu-west: capture evidence first',
      '10:10 Ana Ortiz: Evidence captured in eu-west, us-east: 3 commands, 2 exited 0',
      '10:11 Something new happened',
    ]);
  });

  it('keeps a 2,000-message incident to a page or two', () => {
    const timeline = [entry('declared', 0, { actorId: ANA, text: 'declared', data: { severity: 'SEV-2' } })];
    for (let i = 0; i < 2000; i++) {
      const minute = 1 + i * 0.05;
      timeline.push(i % 10 === 9 ? reply(timeline[timeline.length - 1], minute, BEN, `r${i}`) : message(minute, [ANA, BEN, CARA][i % 3], `message ${i}`));
      if (i % 250 === 249) timeline.push(entry('status_update', minute, { actorId: BEN, text: `update ${i}` }));
      if (i === 1000) timeline[timeline.length - 1].highlighted = true;
    }
    const draft = assemblePostmortem(input(timeline));
    expect(draft.timeline.stats.lines).toBeLessThan(40);
    expect(draft.timeline.stats.summarisedMessages).toBeGreaterThan(1990);
    expect(draft.timeline.days.flatMap((d) => d.lines).filter((l) => l.highlight)).toHaveLength(1);
  });
});
