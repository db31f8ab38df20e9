/** Types of blocks.js (a browser script that is also a CommonJS module), for the unit tests. */
import type { RenderContext } from './mrkdwn';
export function renderBlocks(
  blocks: unknown[] | undefined,
  ctx: RenderContext,
  opts?: { state?: Record<string, Record<string, unknown>>; errors?: Record<string, string> },
): string;
export function renderText(text: unknown, ctx: RenderContext): string;
