import type { TimelineEntry } from '../timeline';

/** A text field of an entry's data, or '' (entries written by other features may lack fields). */
export function str(entry: Pick<TimelineEntry, 'data'>, key: string): string {
  const value = entry.data[key];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** A number field of an entry's data, or null. */
export function num(entry: Pick<TimelineEntry, 'data'>, key: string): number | null {
  const value = entry.data[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A list-of-text field of an entry's data. */
export function list(entry: Pick<TimelineEntry, 'data'>, key: string): string[] {
  const value = entry.data[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

const ACTION_PREFIX = /^\s*action\s*:\s*/i;
const ACTION_KINDS = new Set(['note', 'message', 'reply']);

/** True for a note or message marked as an action item ("action: …", or the configured reaction). */
export function isActionItem(entry: TimelineEntry): boolean {
  if (!ACTION_KINDS.has(entry.kind) || entry.deletedAt) return false;
  return entry.data.action === true || (entry.kind === 'note' && ACTION_PREFIX.test(entry.text));
}

/** The action's text without its "action:" prefix. */
export function actionText(text: string): string {
  return text.replace(ACTION_PREFIX, '');
}

/** True for a message or reply someone (or another app) posted in the channel. */
export const isChatter = (entry: TimelineEntry): boolean => entry.kind === 'message' || entry.kind === 'reply';

/** True when a person (not the bot, not another app) did this. */
export const byPerson = (entry: TimelineEntry): boolean => entry.actorId !== null && typeof entry.data.bot !== 'string';
