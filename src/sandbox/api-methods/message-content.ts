import { SlackApiError } from '../api-error';
import { charCount } from '../block-kit-elements';
import { BLOCK_KIT_LIMITS } from '../block-kit-limits';
import { assignBlockIds, validateMessageBlocks } from '../block-kit-validate';
import { jsonArg, optionalString } from './args';
import type { ApiArgs } from './context';

const MAX_ATTACHMENTS = 100;

export interface MessageContent {
  text?: string;
  blocks?: unknown[];
  attachments?: unknown[];
  metadata?: unknown;
}

/** Reads and checks text, blocks and attachments as chat.postMessage/update/postEphemeral do. */
export function readMessageContent(args: ApiArgs, requireSome = true): MessageContent {
  const text = optionalString(args, 'text');
  const blocks = readBlocks(args);
  const attachments = readAttachments(args);
  const hasContent = text !== undefined || (blocks?.length ?? 0) > 0 || (attachments?.length ?? 0) > 0;
  if (requireSome && !hasContent) throw new SlackApiError('no_text');
  if (text !== undefined && charCount(text) > BLOCK_KIT_LIMITS.messageText) throw new SlackApiError('msg_too_long');
  return { text, blocks, attachments, metadata: jsonArg(args, 'metadata', 'invalid_metadata_format') };
}

function readBlocks(args: ApiArgs): unknown[] | undefined {
  const blocks = jsonArg(args, 'blocks', 'invalid_blocks_format');
  if (blocks === undefined || blocks === null) return undefined;
  if (!Array.isArray(blocks)) throw new SlackApiError('invalid_blocks_format');
  const problems = validateMessageBlocks(blocks);
  if (problems.length > 0) throw new SlackApiError('invalid_blocks', problems);
  return assignBlockIds(blocks);
}

function readAttachments(args: ApiArgs): unknown[] | undefined {
  const attachments = jsonArg(args, 'attachments', 'invalid_attachments');
  if (attachments === undefined || attachments === null) return undefined;
  if (!Array.isArray(attachments)) throw new SlackApiError('invalid_attachments');
  if (attachments.length > MAX_ATTACHMENTS) throw new SlackApiError('too_many_attachments');
  return attachments;
}
