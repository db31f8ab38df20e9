import { randomBytes } from 'node:crypto';
import type { CommandSpec } from '../../commands/catalog';
import { checkParams, describeParam } from '../../commands/params';
import type { IncidentConfig } from '../../config/schema';
import { getIncident } from '../../store/incidents';
import { insertCommandRun, updateCommandRun } from '../../store/command-runs';
import { addTimelineEntry } from '../../store/timeline';
import type { CommandRun } from '../command-run';
import { AppError } from '../errors';
import { incidentKey, isOpen, type Incident } from '../incident';
import type { CommandDeps } from './run-command-deps';

/** A command checked against the catalog and the config, with its exact command line. */
export interface PreparedCommand {
  spec: CommandSpec;
  region: string;
  values: Record<string, string>;
  commandLine: string;
}

export interface CommandRequest {
  incidentId: number;
  commandId: string;
  region: string;
  params: Record<string, string>;
  requestedBy: string;
  /** The same request seen twice (a redelivery, a double click) carries the same key: one run. */
  requestKey: string | null;
}

/** The regions a command may run in, in config order. */
export function regionsFor(config: IncidentConfig, spec: Pick<CommandSpec, 'regions'>): string[] {
  const all = Object.keys(config.regions);
  return spec.regions === 'all' ? all : all.filter((r) => spec.regions.includes(r));
}

/** One line per parameter, for usage replies. */
export function paramsUsage(spec: CommandSpec): string {
  const names = Object.entries(spec.params);
  return names.length ? names.map(([n, p]) => `\`${describeParam(n, p)}\``).join(' ') : 'no parameters';
}

/** Checks a request without I/O: the command exists, may run in the region, and its parameters pass. */
export function prepareCommand(deps: Pick<CommandDeps, 'catalog' | 'config'>, commandId: string, region: string, params: Record<string, string>): PreparedCommand {
  const spec = deps.catalog.get(commandId);
  if (!spec) {
    const ids = deps.catalog.list().map((c) => c.id);
    throw new AppError('usage', `There is no approved command "${commandId}". Approved commands: ${ids.join(', ') || '(none yet: add them under commands/)'}.`);
  }
  const allowed = regionsFor(deps.config, spec);
  if (!allowed.includes(region)) {
    const known = Object.hasOwn(deps.config.regions, region);
    const what = known ? `${spec.id} may not run in ${region}` : `There is no region "${region}"`;
    throw new AppError('usage', `${what}. It may run in: ${allowed.join(', ') || '(no configured region)'}.`);
  }
  const checked = checkParams(spec, params);
  if (!checked.ok) {
    throw new AppError('usage', `${checked.problems.join('\n')}\nParameters of ${spec.id}: ${paramsUsage(spec)}. Nothing was run.`);
  }
  return { spec, region, values: checked.values, commandLine: checked.commandLine };
}

/** The incident a command is for, while it is open. */
export async function openIncident(deps: CommandDeps, incidentId: number): Promise<Incident> {
  const incident = await getIncident(deps.db, incidentId);
  if (!incident) throw new AppError('not_found', 'That incident no longer exists.');
  if (!isOpen(incident)) throw new AppError('conflict', `${incidentKey(incident)} is resolved; reopen it with \`/incident reopen\` before running commands for it.`);
  return incident;
}

/** The command's title from the catalog (its id when it was removed since). */
export function titleOf(deps: Pick<CommandDeps, 'catalog'>, commandId: string): string {
  return deps.catalog.get(commandId)?.title ?? commandId;
}

/** True when someone is configured to approve; without approvers a mitigation can never run. */
export function hasApprovers(config: IncidentConfig): boolean {
  return config.approvers.users.length + config.approvers.usergroups.length > 0;
}

/**
 * Records a request to run an approved command and shows it in the incident channel: evidence and
 * diagnostics start at once (state `running`), commands that need a second person wait for one.
 */
export async function requestCommand(deps: CommandDeps, input: CommandRequest): Promise<{ run: CommandRun; created: boolean }> {
  const prepared = prepareCommand(deps, input.commandId, input.region, input.params);
  const incident = await openIncident(deps, input.incidentId);
  const needsApproval = prepared.spec.approval === 'second-person';
  if (needsApproval && !hasApprovers(deps.config)) {
    throw new AppError('forbidden', `${prepared.spec.id} needs a second person's approval, but no approvers are configured. Add Slack user or user group ids under \`approvers:\` in incident.config.yml.`);
  }
  const now = deps.clock.now();
  const { run, created } = await insertCommandRun(deps.db, {
    incidentId: incident.id,
    requestKey: input.requestKey,
    commandId: prepared.spec.id,
    commandClass: prepared.spec.class,
    region: prepared.region,
    params: prepared.values,
    commandLine: prepared.commandLine,
    state: needsApproval ? 'awaiting_approval' : 'running',
    needsApproval,
    approvalToken: needsApproval ? randomBytes(16).toString('hex') : null,
    requestedBy: input.requestedBy,
    requestedAt: now,
    expiresAt: needsApproval ? new Date(now.getTime() + deps.config.approvers.request_expiry_minutes * 60_000) : null,
    evidencePack: null,
    channelId: incident.channelId,
    startedAt: needsApproval ? null : now,
  });
  if (!created) return { run, created };
  await recordRequested(deps, incident, run);
  const ts = await deps.chat.showCommandRun(incident, { run, title: prepared.spec.title, approvers: deps.config.approvers });
  return { run: (await updateCommandRun(deps.db, run.id, { messageTs: ts })) ?? run, created };
}

/** The `command_requested` timeline entry. */
export async function recordRequested(deps: CommandDeps, incident: Incident, run: CommandRun): Promise<void> {
  await addTimelineEntry(deps.db, {
    incidentId: incident.id,
    kind: 'command_requested',
    occurredAt: run.requestedAt,
    actorId: run.requestedBy,
    text: `Requested ${run.commandId} on ${run.region}: ${run.commandLine}`,
    data: { runId: run.id, commandId: run.commandId, region: run.region, commandLine: run.commandLine, class: run.commandClass },
  });
}
