/** How big a group of blocks is, in what Slack limits per message. */
export interface BlockSize {
  blocks: number;
  chars: number;
}

/**
 * What one runbook message may hold: Block Kit's 50 blocks, and a text budget well under the ~12,000
 * characters Slack accepts across all blocks of one message (`msg_blocks_too_long`, not published exactly).
 */
export const MESSAGE_LIMITS: BlockSize = { blocks: 50, chars: 9000 };

/** Section text limit. */
export const SECTION_MAX = 3000;

const FENCE = /^\s*(```|~~~)/;
const CLOSE = '\n```';

/** Splits mrkdwn into chunks of at most `max` characters at line breaks; a code block cut in two is closed and reopened. */
export function splitMrkdwn(text: string, max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  let inFence = false;
  const flush = () => {
    if (current.trim() !== '' && current.trim() !== '```') chunks.push(inFence ? current + CLOSE : current);
    current = inFence ? '```' : '';
  };
  for (const line of text.split('\n').flatMap((l) => hardWrap(l, max - 2 * CLOSE.length - 1))) {
    const next = current === '' ? line : `${current}\n${line}`;
    // Inside a code block the chunk needs room for the fence that closes it, unless this line is that fence.
    const reserve = inFence && !FENCE.test(line) ? CLOSE.length : 0;
    if (next.length + reserve > max && current !== '') {
      flush();
      current = current === '' ? line : `${current}\n${line}`;
    } else {
      current = next;
    }
    if (FENCE.test(line)) inFence = !inFence;
  }
  inFence = false;
  flush();
  return chunks;
}

function hardWrap(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const pieces: string[] = [];
  for (let i = 0; i < line.length; i += width) pieces.push(line.slice(i, i + width));
  return pieces;
}

/**
 * Packs groups of blocks (a runbook's steps) into messages, in order, never splitting a group: each message
 * stays within `limits`, counting the header the first message starts with and the one later messages start
 * with. Returns the indexes of the groups in each message. A group too big for any message goes alone.
 */
export function packGroups(first: BlockSize, next: BlockSize, groups: BlockSize[], limits: BlockSize = MESSAGE_LIMITS): number[][] {
  const messages: number[][] = [[]];
  let used = { ...first };
  groups.forEach((group, i) => {
    const fits = used.blocks + group.blocks <= limits.blocks && used.chars + group.chars <= limits.chars;
    const current = messages[messages.length - 1];
    if (!fits && current.length > 0) {
      messages.push([i]);
      used = { blocks: next.blocks + group.blocks, chars: next.chars + group.chars };
    } else {
      current.push(i);
      used = { blocks: used.blocks + group.blocks, chars: used.chars + group.chars };
    }
  });
  return messages;
}
