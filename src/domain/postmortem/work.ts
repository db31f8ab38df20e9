import type { TimelineEntry } from '../timeline';
import { list, num, str } from './entry-data';
import { commandLabel, describeEvent, type Runs } from './event-text';
import { clockTime, personName, tableCell, type Names } from './format';
import type { CommandRow, RunbookUsed, TriageRow } from './model';

const COMMAND_KINDS = new Set(['command_requested', 'command_approved', 'command_denied', 'command_finished']);

/** Every triage pick, oldest first. */
export function triageRows(timeline: readonly TimelineEntry[], names: Names): TriageRow[] {
  return timeline
    .filter((e) => e.kind === 'triaged')
    .map((e) => ({
      time: clockTime(e.occurredAt),
      by: personName(names, e.actorId),
      symptom: tableCell(str(e, 'symptom')),
      likelyCause: tableCell(str(e, 'likelyCause')),
      runbook: tableCell((list(e, 'runbookIds').length ? list(e, 'runbookIds') : [str(e, 'runbookId')]).filter(Boolean).join(', ')),
      suggestedSeverity: tableCell(str(e, 'suggestedSeverity')),
    }));
}

/** The runbooks posted into the incident, each with the steps ticked or unticked (the last state of each step). */
export function runbooksUsed(timeline: readonly TimelineEntry[], names: Names): RunbookUsed[] {
  const runbooks = new Map<string, RunbookUsed>();
  const runbook = (id: string, title: string, at: string) => {
    const found = runbooks.get(id) ?? { id, title: title || id, postedAt: at, steps: [] };
    runbooks.set(id, found);
    return found;
  };
  for (const e of timeline) {
    if (e.kind === 'runbook_posted') runbook(str(e, 'runbookId'), str(e, 'title'), clockTime(e.occurredAt));
    if (e.kind !== 'runbook_step') continue;
    const steps = runbook(str(e, 'runbookId'), '', '').steps;
    const step = { step: num(e, 'step') ?? 0, title: str(e, 'title'), done: e.data.done !== false, by: personName(names, e.actorId), time: clockTime(e.occurredAt) };
    const index = steps.findIndex((s) => s.step === step.step);
    if (index >= 0) steps[index] = step;
    else steps.push(step);
  }
  for (const r of runbooks.values()) r.steps.sort((a, b) => a.step - b.step);
  return [...runbooks.values()];
}

/** What the timeline says about each command run: its label, whether it led anywhere, whether it needed approval. */
export function commandRuns(timeline: readonly TimelineEntry[]): Runs {
  const labels = new Map<string, string>();
  const approved = new Set<string>();
  const concluded = new Set<string>();
  const finished = new Set<string>();
  const exitCodes = new Map<string, number | null>();
  const inPacks = new Set(timeline.filter((e) => e.kind === 'evidence_captured').flatMap((e) => list(e, 'runIds')));
  for (const e of timeline) {
    const runId = COMMAND_KINDS.has(e.kind) ? str(e, 'runId') : '';
    if (!runId) continue;
    if (e.kind === 'command_requested' || e.kind === 'command_finished') labels.set(runId, commandLabel(e));
    if (e.kind !== 'command_requested') concluded.add(runId);
    if (e.kind === 'command_approved' || e.kind === 'command_denied') approved.add(runId);
    if (e.kind === 'command_finished') finished.add(runId);
    if (e.kind === 'command_finished') exitCodes.set(runId, e.data.timedOut === true ? null : num(e, 'exitCode'));
  }
  return { labels, concluded, unattended: new Set([...finished].filter((id) => !approved.has(id))), inPacks, exitCodes };
}

function outcomeOf(entries: TimelineEntry[], names: Names): { outcome: string; approvedBy: string } {
  const finished = entries.find((e) => e.kind === 'command_finished');
  const approved = entries.find((e) => e.kind === 'command_approved');
  const denied = entries.find((e) => e.kind === 'command_denied');
  const approver = str(finished ?? { data: {} }, 'approvedBy') || str(approved ?? { data: {} }, 'approver');
  const approvedBy = approver ? personName(names, approver) : 'not needed';
  if (finished) {
    const code = num(finished, 'exitCode');
    return { outcome: finished.data.timedOut === true ? 'timed out' : code === null ? 'ended' : `exit ${code}`, approvedBy };
  }
  if (denied) return { outcome: `denied by ${personName(names, str(denied, 'approver') || denied.actorId)}${str(denied, 'reason') ? `: ${tableCell(str(denied, 'reason'), 120)}` : ''}`, approvedBy: '' };
  return { outcome: approved ? 'approved, no result recorded' : 'never approved or run', approvedBy: approved ? approvedBy : '' };
}

/** One row per command run: what ran where, who asked and approved, the exit code and the evidence with its SHA-256. */
export function commandRows(timeline: readonly TimelineEntry[], names: Names): CommandRow[] {
  const runs = new Map<string, TimelineEntry[]>();
  for (const e of timeline) {
    if (!COMMAND_KINDS.has(e.kind)) continue;
    const id = str(e, 'runId') || `entry-${e.id}`;
    runs.set(id, [...(runs.get(id) ?? []), e]);
  }
  return [...runs.values()].map((entries) => {
    const named = entries.find((e) => e.kind === 'command_finished') ?? entries.find((e) => e.kind === 'command_requested') ?? entries[0];
    const finished = entries.find((e) => e.kind === 'command_finished');
    const link = finished ? str(finished, 'link') : '';
    const requested = entries.find((e) => e.kind === 'command_requested') ?? entries[0];
    return {
      time: clockTime(entries[0].occurredAt),
      command: tableCell(str(named, 'commandLine') || str(named, 'commandId') || 'unknown').replace(/`/g, "'"),
      region: tableCell(str(named, 'region')),
      requestedBy: personName(names, requested.actorId),
      ...outcomeOf(entries, names),
      evidence: link ? `[full output](${link})` : '',
      sha256: finished ? str(finished, 'outputSha256') : '',
    };
  });
}

/** "`10:02` Evidence captured in eu-west, us-east: 6 commands, 6 exited 0", one per evidence pack. */
export function evidenceLines(timeline: readonly TimelineEntry[]): string[] {
  const runs = commandRuns(timeline);
  return timeline.filter((e) => e.kind === 'evidence_captured').map((e) => `\`${clockTime(e.occurredAt)}\` ${describeEvent(e, {}, runs)}`);
}
