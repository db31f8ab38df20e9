import { redactedTail } from '../../commands/redact';
import { updateCommandRun, type CommandRunChanges } from '../../store/command-runs';
import { getIncident } from '../../store/incidents';
import { addTimelineEntry } from '../../store/timeline';
import { outputArtifactKey, type CommandRun, type CommandRunState } from '../command-run';
import type { Incident } from '../incident';
import type { RunnerResult } from '../ports';
import { titleOf } from './request-command';
import type { CommandDeps } from './run-command-deps';
import { OutputBuffer, throttledUpdates } from './run-command-progress';

/** How often a running command's message shows the newest output, at most. */
export const PROGRESS_EVERY_MS = 2000;

const STATE_OF: Record<RunnerResult['outcome'], CommandRunState> = { exited: 'finished', timed_out: 'timed_out', flooded: 'flooded', failed: 'failed' };

function resultText(run: CommandRun): string {
  const took = `${((run.durationMs ?? 0) / 1000).toFixed(1)} s`;
  if (run.state === 'finished') return `exited ${run.exitCode ?? '?'} in ${took}`;
  if (run.state === 'timed_out') return `was killed at its time limit after ${took}`;
  if (run.state === 'flooded') return `was stopped after ${run.outputBytes} bytes of output`;
  return `did not run: ${run.error ?? 'unknown error'}`;
}

async function storeOutput(deps: CommandDeps, incident: Incident, run: CommandRun, output: OutputBuffer, result: RunnerResult): Promise<Partial<CommandRunChanges> & { link: string | null }> {
  if (result.outcome === 'failed' && output.bytes === 0) return { link: null };
  const key = outputArtifactKey(incident, run);
  try {
    await deps.artifacts.put(key, output.all(), 'text/plain; charset=utf-8');
  } catch (err) {
    return { outputBytes: output.bytes, outputSha256: output.sha256(), link: null, error: `The full output could not be stored (${(err as Error).message}). Its size and SHA-256 are recorded; the tail shown here is all that was kept.` };
  }
  const link = await deps.artifacts.link(key).catch(() => null);
  return { outputBytes: output.bytes, outputSha256: output.sha256(), artifactKey: key, link };
}

/** The `command_finished` timeline entry, in the shape the postmortem reads. */
async function recordFinished(deps: CommandDeps, run: CommandRun, link: string | null): Promise<void> {
  await addTimelineEntry(deps.db, {
    incidentId: run.incidentId,
    kind: 'command_finished',
    occurredAt: run.finishedAt ?? deps.clock.now(),
    actorId: null,
    text: `${run.commandId} on ${run.region} ${resultText(run)}`,
    data: {
      runId: run.id,
      commandId: run.commandId,
      region: run.region,
      commandLine: run.commandLine,
      exitCode: run.exitCode,
      durationMs: run.durationMs,
      outputSha256: run.outputSha256,
      outputBytes: run.outputBytes,
      artifactKey: run.artifactKey,
      link,
      approvedBy: run.approvedBy,
      timedOut: run.timedOut,
    },
  });
}

/**
 * Runs a request that is in state `running` on its region: streams the redacted tail of the output into its
 * message at most every 2 s, stores every byte of the output, then records and shows how it ended.
 * `quiet` runs (evidence packs) keep their own message out of the channel; the pack's summary speaks for them.
 */
export async function executeCommandRun(deps: CommandDeps, run: CommandRun, options: { quiet?: boolean } = {}): Promise<{ run: CommandRun; link: string | null }> {
  const incident = (await getIncident(deps.db, run.incidentId)) as Incident;
  const spec = deps.catalog.get(run.commandId);
  const title = titleOf(deps, run.commandId);
  const capBytes = spec?.outputCapBytes ?? 2000;
  const output = new OutputBuffer();
  const show = (current: CommandRun, link?: string | null) =>
    deps.chat.showCommandRun(incident, { run: current, title, tail: output.bytes ? redactedTail(output.tail(capBytes + 65536), capBytes, deps.redact) : null, link }, current.messageTs);
  // A request that needed approval still shows the buttons; one that ran at once already says "running".
  if (!options.quiet && run.approvedBy) await show(run);
  const progress = options.quiet ? null : throttledUpdates(async () => void (await show(run)), PROGRESS_EVERY_MS, deps.progress);
  const result: RunnerResult = spec
    ? await deps.runner.run(run.region, run.commandLine, {
        timeoutMs: spec.timeoutSeconds * 1000,
        maxOutputBytes: deps.config.artifacts.max_output_mb * 1024 * 1024,
        onOutput: (chunk) => {
          output.append(chunk);
          progress?.poke();
        },
      })
    : { outcome: 'failed', exitCode: null, signal: null, durationMs: 0, message: `${run.commandId} is no longer in the command catalog.` };
  await progress?.stop();
  const stored = await storeOutput(deps, incident, run, output, result);
  const { link, ...storedChanges } = stored;
  const messages = [result.message, storedChanges.error].filter(Boolean).join(' ');
  const finished = await updateCommandRun(deps.db, run.id, {
    ...storedChanges,
    state: STATE_OF[result.outcome],
    exitCode: result.exitCode,
    timedOut: result.outcome === 'timed_out',
    durationMs: result.durationMs,
    finishedAt: deps.clock.now(),
    error: messages || null,
  });
  const done = finished ?? run;
  await recordFinished(deps, done, link);
  if (!options.quiet) await show(done, link);
  return { run: done, link };
}
