/** Types of messages.js (a browser script that is also a CommonJS module), for the unit tests. */
import type { RenderContext } from './mrkdwn';
export function renderMessage(message: Record<string, unknown>, ctx: RenderContext, opts?: { inThread?: boolean }): string;
export function renderModal(modal: { view: Record<string, unknown>; errors: Record<string, string> }, ctx: RenderContext): string;
