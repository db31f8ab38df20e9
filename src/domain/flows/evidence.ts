import { randomBytes } from 'node:crypto';
import { checkParams } from '../../commands/params';
import { insertCommandRun, updateCommandRun } from '../../store/command-runs';
import { addTimelineEntry } from '../../store/timeline';
import { succeeded, type CommandRun, type EvidencePackView } from '../command-run';
import { AppError } from '../errors';
import type { Incident } from '../incident';
import { openIncident, recordRequested, regionsFor, titleOf } from './request-command';
import { executeCommandRun, PROGRESS_EVERY_MS } from './run-command';
import type { CommandDeps } from './run-command-deps';
import { throttledUpdates } from './run-command-progress';

export interface EvidenceRequest {
  incidentId: number;
  /** A region id, or `all`. */
  target: string;
  requestedBy: string;
  requestKey: string | null;
}

/** An evidence pack: its runs, started together, and the message that sums them up. */
export interface EvidencePack {
  incident: Incident;
  regions: string[];
  runs: CommandRun[];
  skipped: string[];
  messageTs: string;
  created: boolean;
}

/** The regions `target` names, checked against the config. */
export function evidenceRegions(deps: Pick<CommandDeps, 'config'>, target: string): string[] {
  const all = Object.keys(deps.config.regions);
  if (all.length === 0) throw new AppError('usage', 'No regions are configured; add them under `regions:` in incident.config.yml.');
  if (target === 'all') return all;
  if (!all.includes(target)) throw new AppError('usage', `There is no region "${target}". Regions: ${all.join(', ')}, or all.`);
  return [target];
}

/** Every evidence command of the catalog for `region`, with its command line; those needing a value are skipped. */
function evidencePlan(deps: CommandDeps, region: string): { runs: { id: string; class: 'evidence'; values: Record<string, string>; commandLine: string }[]; skipped: string[] } {
  const runs = [];
  const skipped = [];
  for (const spec of deps.catalog.list().filter((s) => s.class === 'evidence' && regionsFor(deps.config, s).includes(region))) {
    const checked = checkParams(spec, {});
    if (checked.ok) runs.push({ id: spec.id, class: 'evidence' as const, values: checked.values, commandLine: checked.commandLine });
    else skipped.push(`${spec.id} on ${region}`);
  }
  return { runs, skipped };
}

/**
 * Records one run per evidence command and region, and posts the pack's summary. The runs are in state
 * `running`; `runEvidencePack` carries them out.
 */
export async function requestEvidence(deps: CommandDeps, input: EvidenceRequest): Promise<EvidencePack> {
  const regions = evidenceRegions(deps, input.target);
  const incident = await openIncident(deps, input.incidentId);
  const plans = regions.map((region) => ({ region, ...evidencePlan(deps, region) }));
  const skipped = plans.flatMap((p) => p.skipped);
  if (plans.every((p) => p.runs.length === 0)) throw new AppError('usage', `The catalog has no evidence command for ${regions.join(', ')}.`);
  const pack = input.requestKey ?? randomBytes(8).toString('hex');
  const now = deps.clock.now();
  const runs: CommandRun[] = [];
  let created = false;
  for (const { region, runs: planned } of plans) {
    for (const p of planned) {
      const inserted = await insertCommandRun(deps.db, {
        incidentId: incident.id, requestKey: `${pack}:${region}:${p.id}`, commandId: p.id, commandClass: p.class, region, params: p.values,
        commandLine: p.commandLine, state: 'running', needsApproval: false, approvalToken: null, requestedBy: input.requestedBy,
        requestedAt: now, expiresAt: null, evidencePack: pack, channelId: incident.channelId, startedAt: now,
      });
      if (inserted.created) await recordRequested(deps, incident, inserted.run);
      created ||= inserted.created;
      runs.push(inserted.run);
    }
  }
  const view = packView(deps, regions, input.requestedBy, runs, skipped, {});
  const messageTs = runs[0].messageTs ?? (await deps.chat.showEvidencePack(incident, view));
  if (created) for (const run of runs) await updateCommandRun(deps.db, run.id, { messageTs });
  return { incident, regions, runs, skipped, messageTs, created };
}

function packView(deps: CommandDeps, regions: string[], requestedBy: string, runs: CommandRun[], skipped: string[], links: Record<number, string | null>): EvidencePackView {
  return { regions, requestedBy, skipped, runs: runs.map((run) => ({ run, title: titleOf(deps, run.commandId), link: links[run.id] ?? null })) };
}

/** Runs every command of a pack in parallel, keeps its summary current, and records `evidence_captured`. */
export async function runEvidencePack(deps: CommandDeps, pack: EvidencePack): Promise<CommandRun[]> {
  const current = [...pack.runs];
  const links: Record<number, string | null> = {};
  const show = () => deps.chat.showEvidencePack(pack.incident, packView(deps, pack.regions, pack.runs[0].requestedBy, current, pack.skipped, links), pack.messageTs);
  const progress = throttledUpdates(async () => void (await show()), PROGRESS_EVERY_MS, deps.progress);
  await Promise.all(
    pack.runs.map(async (run, i) => {
      const done = await executeCommandRun(deps, run, { quiet: true });
      current[i] = done.run;
      links[run.id] = done.link;
      progress.poke();
    }),
  );
  await progress.stop();
  await show();
  const ok = current.filter(succeeded).length;
  await addTimelineEntry(deps.db, {
    incidentId: pack.incident.id,
    kind: 'evidence_captured',
    occurredAt: deps.clock.now(),
    actorId: pack.runs[0].requestedBy,
    text: `Evidence captured on ${pack.regions.join(', ')}: ${current.length} commands, ${ok} succeeded`,
    data: { regions: pack.regions, runIds: current.map((r) => r.id) },
  });
  return current;
}
