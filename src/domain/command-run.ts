/** Where a command request stands. `finished` means it exited by itself; its exit code says how. */
export type CommandRunState = 'awaiting_approval' | 'denied' | 'expired' | 'running' | 'finished' | 'timed_out' | 'flooded' | 'failed';

/** One request to run an approved command, and everything that happened to it (the audit record). */
export interface CommandRun {
  id: number;
  incidentId: number;
  commandId: string;
  commandClass: 'evidence' | 'diagnostic' | 'mitigation';
  region: string;
  params: Record<string, string>;
  commandLine: string;
  state: CommandRunState;
  needsApproval: boolean;
  approvalToken: string | null;
  requestedBy: string;
  requestedAt: Date;
  expiresAt: Date | null;
  approvedBy: string | null;
  approvedAt: Date | null;
  deniedBy: string | null;
  deniedAt: Date | null;
  denyReason: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  exitCode: number | null;
  timedOut: boolean;
  durationMs: number | null;
  outputBytes: number | null;
  outputSha256: string | null;
  artifactKey: string | null;
  error: string | null;
  evidencePack: string | null;
  channelId: string | null;
  messageTs: string | null;
}

/** True once nothing more will happen to the run. */
export function isSettled(run: Pick<CommandRun, 'state'>): boolean {
  return !['awaiting_approval', 'running'].includes(run.state);
}

/** True when the command ran to its end and exited 0. */
export function succeeded(run: Pick<CommandRun, 'state' | 'exitCode'>): boolean {
  return run.state === 'finished' && run.exitCode === 0;
}

/** The artifact key of a run's full output: incidents/<yyyy-mm-dd of the declaration>/INC-<n>/commands/… */
export function outputArtifactKey(incident: { id: number; declaredAt: Date }, run: Pick<CommandRun, 'id' | 'commandId' | 'region'>): string {
  const day = incident.declaredAt.toISOString().slice(0, 10);
  return `incidents/${day}/INC-${incident.id}/commands/${run.id}-${run.commandId}-${run.region}.txt`;
}

/** What the message of one command request shows; the Slack adapter renders it. */
export interface CommandRunView {
  run: CommandRun;
  /** The command's title from the catalog. */
  title: string;
  /** Who may approve, while the request waits. */
  approvers?: { users: readonly string[]; usergroups: readonly string[] };
  /** The end of the output, already redacted. */
  tail?: { text: string; truncated: boolean } | null;
  /** Where the full output can be opened. */
  link?: string | null;
}

/** What the summary of an evidence pack shows. */
export interface EvidencePackView {
  regions: string[];
  requestedBy: string;
  runs: { run: CommandRun; title: string; link: string | null }[];
  /** Commands left out because a parameter has no default. */
  skipped: string[];
}
