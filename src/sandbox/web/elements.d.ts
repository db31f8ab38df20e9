/** Types of elements.js (a browser script that is also a CommonJS module), for the unit tests. */
import type { RenderContext } from './mrkdwn';
export function renderElement(
  element: unknown,
  blockId: string,
  ctx: RenderContext,
  entry?: Record<string, unknown>,
  opts?: { field?: boolean; dispatch?: boolean; labelledBy?: string },
): string;
export function renderImage(element: unknown, cls: string): string;
export function chosenValues(element: unknown, entry?: Record<string, unknown>): string[];
export function localDateTime(seconds: number): string;
