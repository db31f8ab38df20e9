import { Blocks, Elements, Md } from 'slack-block-builder';
import type { RunbookStep, StepState } from '../../runbooks/types';
import { ACTIONS } from '../ids';
import { escapeMrkdwn } from './mrkdwn';
import type { MrkdwnConverter } from './runbook-mrkdwn';
import { MESSAGE_LIMITS, SECTION_MAX, splitMrkdwn, type BlockSize } from './runbook-split';

type Block = ReturnType<typeof Blocks.Section> | ReturnType<typeof Blocks.Actions>;

/** Blocks that belong together (one step), with their size for packing into messages. */
export interface BlockGroup {
  blocks: Block[];
  size: BlockSize;
}

/** What a step's buttons need to know. */
export interface StepContext {
  incidentId: number;
  runbookId: string;
  toMrkdwn: MrkdwnConverter;
}

/** What the Done button carries: which step of which runbook in which incident, and the state to set. */
export interface StepButtonValue {
  i: number;
  r: string;
  s: number;
  d: 0 | 1;
}

/** What a Run button carries; the command runner (issue 6) reads it. */
export interface RunButtonValue {
  incidentId: number;
  runbookId: string;
  step: number;
  commandId: string;
}

// Room kept in every step for "done by … at …", so that ticking a step never moves steps between messages.
const STATUS_RESERVE = 160;
const BUTTON_CHARS = 120;
const MAX_RUN_BUTTONS = 24;
const RUN_MARKER = /\[run:\s*([^\]]*?)\s*\]/g;

/** The action id of the Run button for a command (unique within a step's actions block). */
export function runCommandActionId(commandId: string): string {
  return `${ACTIONS.runCommand}:${commandId}`;
}

/** A step: its title (numbered, with who ticked it when), its text in sections, a Done button and a Run button per command. */
export function stepGroup(ctx: StepContext, step: RunbookStep, state: StepState | undefined): BlockGroup {
  const title = `*${step.number}. ${escapeMrkdwn(step.title)}*`;
  const body = ctx.toMrkdwn(step.body.replace(RUN_MARKER, (_, id: string) => `:arrow_forward: \`${id}\``));
  const chunks = fitChunks(splitFirst(body, SECTION_MAX - title.length - STATUS_RESERVE - 1));
  const done = state?.done === true;
  const status = done && state ? ` · :white_check_mark: done by ${Md.user(state.by)} at ${slackTime(state.at)}` : '';
  const texts = [`${title}${status}${chunks[0] ? `\n${chunks[0]}` : ''}`, ...chunks.slice(1)];
  const blockId = (k: number) => `rb-step-${step.number}${k === 0 ? '' : `-${k}`}`;
  const doneValue: StepButtonValue = { i: ctx.incidentId, r: ctx.runbookId, s: step.number, d: done ? 0 : 1 };
  const doneButton = Elements.Button({ text: done ? 'Undo' : 'Mark done', actionId: ACTIONS.runbookStep, value: JSON.stringify(doneValue) });
  const commands = step.commands.slice(0, MAX_RUN_BUTTONS);
  // Measured without the status, so that the size (and the packing into messages) is the same done or not.
  const chars = title.length + chunks.reduce((n, t) => n + t.length + 1, 0) + STATUS_RESERVE + BUTTON_CHARS * (1 + commands.length);
  if (commands.length === 0 && texts.length === 1) {
    return { blocks: [Blocks.Section({ text: texts[0], blockId: blockId(0) }).accessory(doneButton)], size: { blocks: 1, chars } };
  }
  const runButtons = commands.map((commandId) => {
    const value: RunButtonValue = { incidentId: ctx.incidentId, runbookId: ctx.runbookId, step: step.number, commandId };
    return Elements.Button({ text: `Run ${commandId}`, actionId: runCommandActionId(commandId), value: JSON.stringify(value) });
  });
  const sections = texts.map((text, k) => Blocks.Section({ text, blockId: blockId(k) }));
  const actions = Blocks.Actions({ blockId: `rb-step-${step.number}-actions` }).elements(doneButton, ...runButtons);
  return { blocks: [...sections, actions], size: { blocks: sections.length + 1, chars } };
}

/** A time people read in their own time zone, with a UTC fallback. */
export function slackTime(at: Date): string {
  return `<!date^${Math.floor(at.getTime() / 1000)}^{time}|${at.toISOString().slice(11, 16)} UTC>`;
}

function splitFirst(text: string, firstMax: number): string[] {
  if (text === '') return [];
  const [first, ...rest] = splitMrkdwn(text, firstMax);
  return rest.length === 0 ? [first] : [first, ...splitMrkdwn(rest.join('\n'), SECTION_MAX)];
}

// The loader keeps steps short enough; this only guards a message from ever being refused.
function fitChunks(chunks: string[]): string[] {
  const budget = MESSAGE_LIMITS.chars - 2000;
  const kept: string[] = [];
  let used = 0;
  for (const chunk of chunks) {
    if (used + chunk.length > budget || kept.length >= MESSAGE_LIMITS.blocks - 5) {
      kept.push('_…this step is too long to show in Slack; read the rest in the runbook file._');
      break;
    }
    kept.push(chunk);
    used += chunk.length;
  }
  return kept;
}
