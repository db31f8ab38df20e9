import { Blocks, Elements, Modal } from 'slack-block-builder';
import type { SlackViewDto } from 'slack-block-builder';
import { z } from 'zod';
import type { CommandRun } from '../../domain/command-run';
import { escapeMrkdwn, truncate } from '../blocks/mrkdwn';

/** Ids of the deny modal. */
export const DENY_MODAL = {
  callbackId: 'command_deny',
  reason: 'reason',
  action: 'value',
} as const;

export const denyMetadata = z.object({ runId: z.number().int().positive(), token: z.string(), channelId: z.string() });

/** Asks why a command request is denied; the requester reads the answer in the channel. */
export function denyModal(run: CommandRun, channelId: string): SlackViewDto {
  return Modal({ title: 'Deny the command', submit: 'Deny', close: 'Cancel', callbackId: DENY_MODAL.callbackId })
    .privateMetaData(JSON.stringify({ runId: run.id, token: run.approvalToken, channelId }))
    .blocks(
      Blocks.Section({ text: truncate(`Deny \`${run.commandId}\` on *${run.region}*, asked for by <@${run.requestedBy}>:\n\`\`\`${escapeMrkdwn(run.commandLine)}\`\`\``, 3000) }),
      Blocks.Input({ label: 'Why should it not run?', blockId: DENY_MODAL.reason }).element(
        Elements.TextInput({ actionId: DENY_MODAL.action, multiline: true, maxLength: 500, placeholder: 'Capture the evidence first; the replica lags by 40 s' }),
      ),
    )
    .buildToObject();
}

export const denySubmission = z.object({
  [DENY_MODAL.reason]: z.string({ error: 'Say why, in a sentence.' }).trim().min(1, 'Say why, in a sentence.').max(500, 'Keep it to 500 characters.'),
});
