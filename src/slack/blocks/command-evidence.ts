import { Blocks, Md, Message } from 'slack-block-builder';
import type { SlackMessageDto } from 'slack-block-builder';
import { isSettled, succeeded, type CommandRun, type EvidencePackView } from '../../domain/command-run';
import { escapeMrkdwn, truncate } from './mrkdwn';

const MAX_BLOCKS = 48;

function runIcon(run: CommandRun): string {
  if (!isSettled(run)) return ':arrows_counterclockwise:';
  return succeeded(run) ? ':white_check_mark:' : run.state === 'finished' ? ':x:' : ':warning:';
}

function runOutcome(run: CommandRun): string {
  const took = `${((run.durationMs ?? 0) / 1000).toFixed(1)} s`;
  switch (run.state) {
    case 'running':
      return 'running…';
    case 'finished':
      return `exit ${run.exitCode} in ${took}`;
    case 'timed_out':
      return `killed at its time limit after ${took}`;
    case 'flooded':
      return `stopped: output passed the limit`;
    default:
      return `did not run: ${escapeMrkdwn(truncate(run.error ?? run.state, 300))}`;
  }
}

/** One run of the pack as a line: icon, title, outcome, and the link to its full output. */
export function evidenceRunLine(entry: EvidencePackView['runs'][number]): string {
  const { run } = entry;
  const link = entry.link ? ` · <${entry.link}|full output>` : '';
  const sha = run.outputSha256 ? ` · SHA-256 \`${run.outputSha256.slice(0, 12)}…\`` : '';
  return `${runIcon(run)} *${escapeMrkdwn(entry.title)}* (\`${run.commandId}\`): ${runOutcome(run)}${link}${sha}`;
}

/** The pack's headline: where, who asked, how far it got. */
export function evidenceHeadline(view: EvidencePackView): string {
  const done = view.runs.filter((r) => isSettled(r.run));
  const ok = done.filter((r) => succeeded(r.run)).length;
  const where = view.regions.join(', ');
  if (done.length < view.runs.length) return `Capturing evidence on ${where}: ${done.length} of ${view.runs.length} commands done`;
  return `Evidence captured on ${where}: ${ok} of ${view.runs.length} commands succeeded`;
}

/** The one summary message of `/incident evidence`: a line per command, grouped by region. */
export function evidencePackMessage(view: EvidencePackView): SlackMessageDto {
  const head = `:file_folder: *${escapeMrkdwn(evidenceHeadline(view))}* · asked by ${Md.user(view.requestedBy)}`;
  const skipped = view.skipped.length ? `\nSkipped (a parameter needs a value): ${escapeMrkdwn(view.skipped.join(', '))}` : '';
  const blocks: (ReturnType<typeof Blocks.Section> | ReturnType<typeof Blocks.Context>)[] = [Blocks.Section({ text: truncate(`${head}${skipped}`, 3000) })];
  for (const region of view.regions) {
    const runs = view.runs.filter((r) => r.run.region === region);
    if (runs.length === 0 || blocks.length + 1 >= MAX_BLOCKS) continue;
    blocks.push(Blocks.Section({ text: `*${escapeMrkdwn(region)}*` }));
    for (const entry of runs) {
      if (blocks.length >= MAX_BLOCKS) break;
      blocks.push(Blocks.Context().elements(truncate(evidenceRunLine(entry), 3000)));
    }
  }
  const shown = blocks.length - 1 - view.regions.length;
  if (shown < view.runs.length && blocks.length < 50) blocks.push(Blocks.Context().elements('More runs than one message holds: `/incident timeline` lists every one.'));
  return Message({ text: evidenceHeadline(view) }).blocks(...blocks).buildToObject();
}
