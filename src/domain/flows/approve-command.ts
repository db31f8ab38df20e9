import { timingSafeEqual } from 'node:crypto';
import { getCommandRun, updateCommandRun } from '../../store/command-runs';
import { getIncident } from '../../store/incidents';
import { addTimelineEntry } from '../../store/timeline';
import type { CommandRun } from '../command-run';
import { AppError } from '../errors';
import type { Incident } from '../incident';
import { hasApprovers, titleOf } from './request-command';
import type { CommandDeps } from './run-command-deps';

export interface ApprovalInput {
  runId: number;
  /** The token the button carried; a click must name the request it was shown for. */
  token: string;
  userId: string;
}

const DENY_REASON_MAX = 500;

const time = (d: Date) => `${d.toISOString().slice(11, 16)} UTC`;

function sameToken(expected: string | null, given: string): boolean {
  if (!expected) return false;
  const [a, b] = [Buffer.from(expected), Buffer.from(given)];
  return a.length === b.length && timingSafeEqual(a, b);
}

function settledMessage(run: CommandRun): string {
  switch (run.state) {
    case 'denied':
      return `<@${run.deniedBy}> already denied this request.`;
    case 'expired':
      return 'This request has expired; ask again with `/incident run`.';
    default:
      return `<@${run.approvedBy}> already approved this request; it ${run.state === 'running' ? 'is running' : 'has run'}.`;
  }
}

function approverList(deps: CommandDeps): string {
  const { users, usergroups } = deps.config.approvers;
  return [...users.map((u) => `<@${u}>`), ...usergroups.map((g) => `<!subteam^${g}>`)].join(', ');
}

/**
 * The checks every approval or denial passes, against the stored request and never the button alone: the
 * token matches, the request still waits and has not expired, and the person is an approver who did not ask.
 */
async function pendingRequest(deps: CommandDeps, input: ApprovalInput, verb: 'approve' | 'deny'): Promise<{ run: CommandRun; incident: Incident }> {
  const run = await getCommandRun(deps.db, input.runId);
  if (!run || !sameToken(run.approvalToken, input.token)) throw new AppError('forbidden', 'This button does not belong to a request the bot is waiting on; nothing was changed.');
  const incident = await getIncident(deps.db, run.incidentId);
  if (!incident) throw new AppError('not_found', 'That incident no longer exists.');
  if (run.state !== 'awaiting_approval') throw new AppError('conflict', settledMessage(run));
  if (run.expiresAt && deps.clock.now() > run.expiresAt) {
    const expired = await updateCommandRun(deps.db, run.id, { state: 'expired' }, ['awaiting_approval']);
    if (expired) await deps.chat.showCommandRun(incident, { run: expired, title: titleOf(deps, run.commandId) }, run.messageTs);
    throw new AppError('conflict', `This request expired at ${time(run.expiresAt)} (requests wait ${deps.config.approvers.request_expiry_minutes} minutes). Ask again with \`/incident run ${run.commandId} ${run.region}\` if it is still needed.`);
  }
  if (input.userId === run.requestedBy) {
    throw new AppError('forbidden', `You asked for this command, so a second person must ${verb} it: one of ${approverList(deps)}.`);
  }
  if (!hasApprovers(deps.config) || !(await deps.chat.isAllowed(input.userId, deps.config.approvers))) {
    throw new AppError('forbidden', `Only an approver may ${verb} commands: ${approverList(deps) || 'none are configured (approvers: in incident.config.yml)'}.`);
  }
  return { run, incident };
}

/** Approves a waiting request; returns it in state `running`, for the caller to run. Counts once, however many click. */
export async function approveCommand(deps: CommandDeps, input: ApprovalInput): Promise<CommandRun> {
  const { run } = await pendingRequest(deps, input, 'approve');
  const now = deps.clock.now();
  const approved = await updateCommandRun(deps.db, run.id, { state: 'running', approvedBy: input.userId, approvedAt: now, startedAt: now }, ['awaiting_approval']);
  if (!approved) throw new AppError('conflict', 'Someone else decided on this request a moment ago.');
  await addTimelineEntry(deps.db, {
    incidentId: run.incidentId,
    kind: 'command_approved',
    occurredAt: now,
    actorId: input.userId,
    text: `Approved ${run.commandId} on ${run.region}`,
    data: { runId: run.id, approver: input.userId },
  });
  return approved;
}

/** Checks that the person may deny the request, before the reason form opens; returns the request. */
export async function checkCanDeny(deps: CommandDeps, input: ApprovalInput): Promise<CommandRun> {
  return (await pendingRequest(deps, input, 'deny')).run;
}

/** Denies a waiting request with a reason; the request's message says who and why. */
export async function denyCommand(deps: CommandDeps, input: ApprovalInput & { reason: string }): Promise<CommandRun> {
  const reason = input.reason.trim();
  if (!reason) throw new AppError('usage', 'Say why the command should not run; the requester reads it.');
  if (reason.length > DENY_REASON_MAX) throw new AppError('usage', `Keep the reason to ${DENY_REASON_MAX} characters.`);
  const { run, incident } = await pendingRequest(deps, input, 'deny');
  const now = deps.clock.now();
  const denied = await updateCommandRun(deps.db, run.id, { state: 'denied', deniedBy: input.userId, deniedAt: now, denyReason: reason }, ['awaiting_approval']);
  if (!denied) throw new AppError('conflict', 'Someone else decided on this request a moment ago.');
  await addTimelineEntry(deps.db, {
    incidentId: run.incidentId,
    kind: 'command_denied',
    occurredAt: now,
    actorId: input.userId,
    text: `Denied ${run.commandId} on ${run.region}: ${reason}`,
    data: { runId: run.id, approver: input.userId, reason },
  });
  await deps.chat.showCommandRun(incident, { run: denied, title: titleOf(deps, run.commandId) }, run.messageTs);
  return denied;
}
