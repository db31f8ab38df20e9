import type { TimelineEntry } from '../timeline';
import { actionText, list, num, str } from './entry-data';
import { formatDuration, personName, plural, slackToMarkdown, type Names } from './format';

/** Entries of the bot's own housekeeping: collapsed into one line per run of them. */
export const BOOKKEEPING_KINDS = new Set(['reminder', 'postmortem', 'backfilled']);

const REMINDERS: Record<string, string> = {
  status_due: 'status update reminder',
  commander_missing: 'commander nudge',
  postmortem_review: 'postmortem review reminder',
};

/** What the timeline says about each command run, by run id. */
export interface Runs {
  /** "`cmd` on region", for the lines about a run's approval or denial. */
  labels: ReadonlyMap<string, string>;
  /** Runs that were approved, denied or finished: their request led somewhere. */
  concluded: ReadonlySet<string>;
  /** Runs that finished without needing approval: their request is bookkeeping. */
  unattended: ReadonlySet<string>;
  /** Runs of an evidence pack: the pack's one line speaks for them. */
  inPacks: ReadonlySet<string>;
  /** How each finished run exited (null: timed out or killed). */
  exitCodes: ReadonlyMap<string, number | null>;
}

function evidence(entry: TimelineEntry, runs: Runs): string {
  const ids = list(entry, 'runIds');
  const ok = ids.filter((id) => runs.exitCodes.get(id) === 0).length;
  return `Evidence captured in ${list(entry, 'regions').join(', ') || 'the region(s)'}: ${plural(ids.length, 'command')}, ${ok} exited 0`;
}

function runbooksOf(entry: TimelineEntry): string {
  const ids = list(entry, 'runbookIds').length ? list(entry, 'runbookIds') : [str(entry, 'runbookId')].filter(Boolean);
  return ids.length ? ` (runbook${ids.length > 1 ? 's' : ''} ${ids.join(', ')})` : '';
}

/** "`df -h` on eu-west" for a run, from its request or result. */
export function commandLabel(entry: TimelineEntry): string {
  const line = str(entry, 'commandLine') || str(entry, 'commandId') || 'a command';
  const region = str(entry, 'region');
  return `\`${line.replace(/`/g, "'")}\`${region ? ` on ${region}` : ''}`;
}

/** The phrase counted in a collapsed line of bookkeeping: "status update reminder", "postmortem draft v1". */
export function bookkeepingPhrase(entry: TimelineEntry): string {
  if (entry.kind === 'reminder') return REMINDERS[str(entry, 'kind')] ?? 'reminder';
  if (entry.kind === 'postmortem') return num(entry, 'version') ? `postmortem draft v${num(entry, 'version')}` : 'postmortem draft';
  if (entry.kind === 'backfilled') return 'backfill of missed messages';
  return entry.kind.replace(/_/g, ' ');
}

function finished(entry: TimelineEntry, names: Names): string {
  const code = num(entry, 'exitCode');
  const outcome = entry.data.timedOut === true ? 'timed out' : code === null ? 'ended' : `exited ${code}`;
  const took = num(entry, 'durationMs');
  const approved = str(entry, 'approvedBy') ? `, approved by ${personName(names, str(entry, 'approvedBy'))}` : '';
  return `Ran ${commandLabel(entry)}: ${outcome}${took !== null ? ` after ${(took / 1000).toFixed(1)} s` : ''}${approved}`;
}

function escalated(entry: TimelineEntry, names: Names): string {
  const notified = list({ data: (entry.data.notified as Record<string, unknown>) ?? {} }, 'users').map((u) => personName(names, u));
  const groups = list({ data: (entry.data.notified as Record<string, unknown>) ?? {} }, 'usergroups').map((g) => `@${g}`);
  const who = [...notified, ...groups];
  const after = num(entry, 'afterMinutes');
  const why = str(entry, 'reason') === 'no_update' ? 'no status update' : 'still unresolved';
  return `Escalated: ${str(entry, 'label') || 'next level'} (${why}${after !== null ? ` after ${formatDuration(after * 60_000)}` : ''})${who.length ? `; notified ${who.join(', ')}` : ''}`;
}

type Describe = (entry: TimelineEntry, names: Names, runs: Runs) => string;

const DESCRIBE: Record<string, Describe> = {
  severity_changed: (e, n) =>
    str(e, 'to') ? `Severity ${str(e, 'from')} → ${str(e, 'to')}${str(e, 'reason') ? `: ${slackToMarkdown(str(e, 'reason'), n)}` : ''}` : slackToMarkdown(e.text, n),
  note: (e, n) => (e.data.action === true || /^\s*action\s*:/i.test(e.text) ? `Action item: ${slackToMarkdown(actionText(e.text), n)}` : `Note: ${slackToMarkdown(e.text, n)}`),
  triaged: (e) => `Triaged: ${str(e, 'symptom')} → likely ${str(e, 'likelyCause') || 'unknown'}${runbooksOf(e)}${str(e, 'suggestedSeverity') ? `, suggests ${str(e, 'suggestedSeverity')}` : ''}`,
  runbook_posted: (e) => `Runbook posted: ${str(e, 'title') || str(e, 'runbookId')}`,
  runbook_step: (e) => `${e.data.done === false ? 'Unticked' : 'Done'}: ${str(e, 'runbookId')} step ${num(e, 'step') ?? '?'}${str(e, 'title') ? `, ${str(e, 'title')}` : ''}`,
  escalated: (e, n) => escalated(e, n),
  command_requested: (e, n, runs) =>
    `Requested ${commandLabel(e)}${str(e, 'class') ? ` (${str(e, 'class')})` : ''}${runs.concluded.has(str(e, 'runId')) ? '' : '; never approved or run'}`,
  command_approved: (e, n, runs) => `Approved ${runs.labels.get(str(e, 'runId')) ?? `run ${str(e, 'runId')}`}`,
  command_denied: (e, n, runs) => `Denied ${runs.labels.get(str(e, 'runId')) ?? `run ${str(e, 'runId')}`}${str(e, 'reason') ? `: ${str(e, 'reason')}` : ''}`,
  command_finished: (e, n) => finished(e, n),
  evidence_captured: (e, n, runs) => evidence(e, runs),
};

/** The text of one meaningful event's line; kinds it does not know show the text they were recorded with. */
export function describeEvent(entry: TimelineEntry, names: Names, runs: Runs): string {
  const describe = DESCRIBE[entry.kind];
  return describe ? describe(entry, names, runs) : slackToMarkdown(entry.text, names);
}
