import type { Db } from '../db/db';
import type { CommandRun, CommandRunState } from '../domain/command-run';

interface CommandRunRow {
  id: string;
  incident_id: string;
  command_id: string;
  command_class: CommandRun['commandClass'];
  region: string;
  params: Record<string, string>;
  command_line: string;
  state: CommandRunState;
  needs_approval: boolean;
  approval_token: string | null;
  requested_by: string;
  requested_at: Date;
  expires_at: Date | null;
  approved_by: string | null;
  approved_at: Date | null;
  denied_by: string | null;
  denied_at: Date | null;
  deny_reason: string | null;
  started_at: Date | null;
  finished_at: Date | null;
  exit_code: number | null;
  timed_out: boolean;
  duration_ms: number | null;
  output_bytes: string | null;
  output_sha256: string | null;
  artifact_key: string | null;
  error: string | null;
  evidence_pack: string | null;
  channel_id: string | null;
  message_ts: string | null;
}

const date = (d: Date | null) => (d === null ? null : new Date(d));

function toRun(r: CommandRunRow): CommandRun {
  return {
    id: Number(r.id),
    incidentId: Number(r.incident_id),
    commandId: r.command_id,
    commandClass: r.command_class,
    region: r.region,
    params: r.params,
    commandLine: r.command_line,
    state: r.state,
    needsApproval: r.needs_approval,
    approvalToken: r.approval_token,
    requestedBy: r.requested_by,
    requestedAt: new Date(r.requested_at),
    expiresAt: date(r.expires_at),
    approvedBy: r.approved_by,
    approvedAt: date(r.approved_at),
    deniedBy: r.denied_by,
    deniedAt: date(r.denied_at),
    denyReason: r.deny_reason,
    startedAt: date(r.started_at),
    finishedAt: date(r.finished_at),
    exitCode: r.exit_code,
    timedOut: r.timed_out,
    durationMs: r.duration_ms,
    outputBytes: r.output_bytes === null ? null : Number(r.output_bytes),
    outputSha256: r.output_sha256,
    artifactKey: r.artifact_key,
    error: r.error,
    evidencePack: r.evidence_pack,
    channelId: r.channel_id,
    messageTs: r.message_ts,
  };
}

export type NewCommandRun = Pick<
  CommandRun,
  'incidentId' | 'commandId' | 'commandClass' | 'region' | 'params' | 'commandLine' | 'state' | 'needsApproval' | 'approvalToken' | 'requestedBy' | 'requestedAt' | 'expiresAt' | 'evidencePack' | 'channelId'
> & { requestKey: string | null; startedAt: Date | null };

/** Records a request unless one with the same key exists; returns it and whether it is new. */
export async function insertCommandRun(db: Db, n: NewCommandRun): Promise<{ run: CommandRun; created: boolean }> {
  const { rows } = await db.query<CommandRunRow>(
    `INSERT INTO command_runs (incident_id, request_key, command_id, command_class, region, params, command_line, state, needs_approval,
       approval_token, requested_by, requested_at, expires_at, evidence_pack, channel_id, started_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
     ON CONFLICT (request_key) DO NOTHING RETURNING *`,
    [n.incidentId, n.requestKey, n.commandId, n.commandClass, n.region, JSON.stringify(n.params), n.commandLine, n.state, n.needsApproval,
      n.approvalToken, n.requestedBy, n.requestedAt, n.expiresAt, n.evidencePack, n.channelId, n.startedAt],
  );
  if (rows[0]) return { run: toRun(rows[0]), created: true };
  const existing = await db.query<CommandRunRow>('SELECT * FROM command_runs WHERE request_key = $1', [n.requestKey]);
  return { run: toRun(existing.rows[0]), created: false };
}

/** The run with this id, if any. */
export async function getCommandRun(db: Db, id: number): Promise<CommandRun | undefined> {
  const { rows } = await db.query<CommandRunRow>('SELECT * FROM command_runs WHERE id = $1', [id]);
  return rows[0] && toRun(rows[0]);
}

/** Every run of an incident, oldest first. */
export async function listCommandRuns(db: Db, incidentId: number): Promise<CommandRun[]> {
  const { rows } = await db.query<CommandRunRow>('SELECT * FROM command_runs WHERE incident_id = $1 ORDER BY requested_at, id', [incidentId]);
  return rows.map(toRun);
}

const COLUMNS: Partial<Record<keyof CommandRun, string>> = {
  state: 'state', approvedBy: 'approved_by', approvedAt: 'approved_at', deniedBy: 'denied_by', deniedAt: 'denied_at', denyReason: 'deny_reason',
  startedAt: 'started_at', finishedAt: 'finished_at', exitCode: 'exit_code', timedOut: 'timed_out', durationMs: 'duration_ms',
  outputBytes: 'output_bytes', outputSha256: 'output_sha256', artifactKey: 'artifact_key', error: 'error', messageTs: 'message_ts', channelId: 'channel_id',
};

export type CommandRunChanges = Partial<Pick<CommandRun, 'state' | 'approvedBy' | 'approvedAt' | 'deniedBy' | 'deniedAt' | 'denyReason' | 'startedAt' | 'finishedAt' | 'exitCode' | 'timedOut' | 'durationMs' | 'outputBytes' | 'outputSha256' | 'artifactKey' | 'error' | 'messageTs' | 'channelId'>>;

/**
 * Applies `changes` when the run is still in one of `fromStates` (all states when omitted); returns the updated
 * run, or undefined when another click got there first. This is what makes an approval count once.
 */
export async function updateCommandRun(db: Db, id: number, changes: CommandRunChanges, fromStates?: CommandRunState[]): Promise<CommandRun | undefined> {
  const entries = Object.entries(changes).filter(([key]) => COLUMNS[key as keyof CommandRun]);
  const sets = entries.map(([key], i) => `${COLUMNS[key as keyof CommandRun]} = $${i + 2}`);
  const params: unknown[] = [id, ...entries.map(([, v]) => v)];
  let where = 'id = $1';
  if (fromStates) {
    params.push(fromStates);
    where += ` AND state = ANY($${params.length}::text[])`;
  }
  const { rows } = await db.query<CommandRunRow>(`UPDATE command_runs SET ${sets.join(', ')} WHERE ${where} RETURNING *`, params);
  return rows[0] && toRun(rows[0]);
}
