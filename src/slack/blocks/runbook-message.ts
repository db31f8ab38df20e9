import { Blocks, Md, Message } from 'slack-block-builder';
import type { SlackMessageDto } from 'slack-block-builder';
import { incidentKey } from '../../domain/incident';
import type { Runbook, StepState } from '../../runbooks/types';
import { escapeMrkdwn, truncate } from './mrkdwn';
import type { MrkdwnConverter } from './runbook-mrkdwn';
import { packGroups, SECTION_MAX, splitMrkdwn, type BlockSize } from './runbook-split';
import { stepGroup, type BlockGroup } from './runbook-steps';

/** Everything a runbook's messages show. */
export interface RunbookView {
  runbook: Runbook;
  incidentId: number;
  progress: readonly StepState[];
  toMrkdwn: MrkdwnConverter;
}

// Room for "part 2 of 3" and the like, known only after packing.
const LABEL_RESERVE = 40;

/**
 * A runbook as Slack messages: a header, the intro, then each step numbered with its buttons. Long runbooks
 * go over several messages, split between steps only. The split does not depend on which steps are done, so
 * a tick redraws one message without moving steps between messages.
 */
export function runbookMessages(view: RunbookView): SlackMessageDto[] {
  const { runbook } = view;
  const byStep = new Map(view.progress.map((p) => [p.step, p]));
  const ctx = { incidentId: view.incidentId, runbookId: runbook.id, toMrkdwn: view.toMrkdwn };
  const steps = runbook.steps.map((step) => stepGroup(ctx, step, byStep.get(step.number)));
  const intro = introSections(view);
  const head: BlockSize = { blocks: 2 + intro.length, chars: headerContext(view, 1, 1).length + runbook.title.length + LABEL_RESERVE + intro.reduce((n, t) => n + t.length, 0) };
  const next: BlockSize = { blocks: 1, chars: continuedContext(runbook, 1, 1).length + LABEL_RESERVE };
  const parts = packGroups(head, next, steps.map((s) => s.size));
  return parts.map((indexes, p) => {
    const top = p === 0 ? firstBlocks(view, intro, parts.length) : [Blocks.Context().elements(continuedContext(runbook, p + 1, parts.length))];
    const label = parts.length > 1 ? ` (part ${p + 1} of ${parts.length})` : '';
    return Message({ text: truncate(`Runbook ${runbook.id}: ${runbook.title}${label}`, 300) })
      .blocks(...top, ...indexes.flatMap((i) => (steps[i] as BlockGroup).blocks))
      .buildToObject();
  });
}

/** The one message of a runbook that holds `step`, as it should look now. */
export function runbookMessageWithStep(view: RunbookView, step: number): SlackMessageDto | undefined {
  return runbookMessages(view).find((message) => (message.blocks ?? []).some((b) => (b as { block_id?: string }).block_id === `rb-step-${step}`));
}

function introSections(view: RunbookView): string[] {
  const intro = view.runbook.intro.trim();
  return intro === '' ? [] : splitMrkdwn(view.toMrkdwn(intro), SECTION_MAX);
}

function firstBlocks(view: RunbookView, intro: string[], parts: number) {
  return [
    Blocks.Header({ text: truncate(`Runbook: ${view.runbook.title}`, 150) }),
    Blocks.Context().elements(headerContext(view, 1, parts)),
    ...intro.map((text, i) => Blocks.Section({ text, blockId: `rb-intro-${i}` })),
  ];
}

function headerContext(view: RunbookView, part: number, parts: number): string {
  const r = view.runbook;
  const hint = r.severityHint ? ` · usually ${escapeMrkdwn(r.severityHint)}` : '';
  const label = parts > 1 ? ` · part ${part} of ${parts}` : '';
  const steps = `${r.steps.length} step${r.steps.length === 1 ? '' : 's'}`;
  return `${Md.codeInline(r.id)} for ${incidentKey(view.incidentId)}${hint} · ${steps}${label} · tick each step when it is done`;
}

function continuedContext(runbook: Runbook, part: number, parts: number): string {
  return `*${escapeMrkdwn(truncate(runbook.title, 150))}*, continued · ${Md.codeInline(runbook.id)} · part ${part} of ${parts}`;
}
