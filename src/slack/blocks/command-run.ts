import { Bits, Blocks, Elements, Md, Message } from 'slack-block-builder';
import type { SlackMessageDto } from 'slack-block-builder';
import type { CommandRun, CommandRunView } from '../../domain/command-run';
import { ACTIONS } from '../ids';
import { escapeMrkdwn, truncate } from './mrkdwn';

const SECTION_MAX = 3000;

/** The block holding Approve and Deny; it goes once the request is decided. */
export const APPROVAL_BLOCK = 'command_approval';

const seconds = (ms: number | null) => `${((ms ?? 0) / 1000).toFixed(1)} s`;
const slackTime = (at: Date) => `<!date^${Math.floor(at.getTime() / 1000)}^{time}|${at.toISOString().slice(11, 16)} UTC>`;

/** Text shown as code: escaped for mrkdwn, with ``` broken so it cannot end the block early. */
function code(text: string): string {
  return escapeMrkdwn(text).replace(/```/g, '`\u200b`\u200b`');
}

/** The end of a text as a code block that fits one section, under a label. */
export function tailSection(label: string, text: string): string {
  const room = SECTION_MAX - label.length - 10;
  const body = code(text.replace(/\s+$/, '')) || ' ';
  return `${label}\n\`\`\`${body.length > room ? `…${body.slice(body.length - room + 1)}` : body}\`\`\``;
}

/** A whole text as code blocks, as many sections as it takes: an approver must see every character. */
export function fullSections(label: string, text: string): string[] {
  const room = SECTION_MAX - label.length - 10;
  const body = code(text);
  const parts = [];
  for (let i = 0; i < body.length; i += room) parts.push(body.slice(i, i + room));
  return parts.map((part, i) => `${i === 0 ? label : ''}\n\`\`\`${part}\`\`\``.trim());
}

function approverMentions(view: CommandRunView): string {
  const a = view.approvers;
  return a ? [...a.users.map(Md.user), ...a.usergroups.map(Md.group)].join(', ') : 'an approver';
}

/** The line that says where the request stands. */
export function commandStatusLine(view: CommandRunView): string {
  const run = view.run;
  const approved = run.approvedBy ? ` (approved by ${Md.user(run.approvedBy)})` : '';
  const extra = run.error ? `\n${escapeMrkdwn(run.error)}` : '';
  switch (run.state) {
    case 'awaiting_approval':
      return `:raised_hand: Needs a second person's approval: ${approverMentions(view)}. The request expires at ${slackTime(run.expiresAt ?? new Date())}.`;
    case 'denied':
      return `:no_entry_sign: Denied by ${Md.user(run.deniedBy ?? '')}: ${escapeMrkdwn(run.denyReason ?? '')}`;
    case 'expired':
      return ':hourglass: Expired: nobody approved it in time. Nothing ran.';
    case 'running':
      return `:arrows_counterclockwise: Running on *${run.region}*…${approved}`;
    case 'finished':
      return `${run.exitCode === 0 ? ':white_check_mark:' : ':x:'} Exit ${run.exitCode ?? '?'} in ${seconds(run.durationMs)}${approved}${extra}`;
    case 'timed_out':
      return `:alarm_clock: Killed at its time limit after ${seconds(run.durationMs)}${approved}${extra}`;
    case 'flooded':
      return `:ocean: Stopped after ${run.outputBytes ?? 0} bytes: the output passed the limit (artifacts.max_output_mb)${approved}${extra}`;
    case 'failed':
      return `:warning: Did not run to the end${approved}: ${escapeMrkdwn(run.error ?? 'unknown error')}`;
  }
}

/** The notification text: what, where, and how it stands. */
export function commandHeadline(run: CommandRun): string {
  const state = { awaiting_approval: 'needs approval', denied: 'denied', expired: 'expired', running: 'running', finished: `exit ${run.exitCode}`, timed_out: 'timed out', flooded: 'output flood', failed: 'failed' }[run.state];
  return `${run.commandId} on ${run.region}: ${state}`;
}

function evidenceLine(view: CommandRunView): string | null {
  const run = view.run;
  if (run.outputSha256 === null) return null;
  const open = view.link ? `<${view.link}|Full output>` : 'Full output';
  const where = run.artifactKey ? ` · \`${run.artifactKey}\`` : '';
  return `${open}: ${run.outputBytes} bytes, SHA-256 \`${run.outputSha256}\`${where}`;
}

function approvalButtons(run: CommandRun) {
  const value = `${run.id}:${run.approvalToken}`;
  const confirm = Bits.ConfirmationDialog({ title: 'Approve and run?', text: truncate(run.commandLine, 300), confirm: 'Approve and run', deny: 'Cancel' });
  return Blocks.Actions({ blockId: APPROVAL_BLOCK }).elements(
    Elements.Button({ text: 'Approve', actionId: ACTIONS.approveCommand, value }).primary().confirm(confirm),
    Elements.Button({ text: 'Deny…', actionId: ACTIONS.denyCommand, value }).danger(),
  );
}

/** The one message of a command request: what will run (the exact line), where it stands, its output and evidence. */
export function commandRunMessage(view: CommandRunView): SlackMessageDto {
  const run = view.run;
  const head = `*${escapeMrkdwn(view.title)}* · \`${run.commandId}\` on *${run.region}* · asked by ${Md.user(run.requestedBy)}`;
  const blocks = [
    Blocks.Section({ text: truncate(`${head}\n${commandStatusLine(view)}`, SECTION_MAX) }),
    ...fullSections('Command line:', run.commandLine).map((text) => Blocks.Section({ text })),
  ];
  if (view.tail) {
    const label = view.tail.truncated ? 'End of the output (redacted):' : 'Output (redacted):';
    blocks.push(Blocks.Section({ text: tailSection(label, view.tail.text) }));
  }
  const evidence = evidenceLine(view);
  const context = evidence ? [Blocks.Context().elements(evidence)] : [];
  const actions = run.state === 'awaiting_approval' && run.approvalToken ? [approvalButtons(run)] : [];
  return Message({ text: commandHeadline(run) }).blocks(...blocks, ...context, ...actions).buildToObject();
}
