import { SlackApiError, missingArgument } from '../api-error';
import type { Workspace } from '../workspace';
import type { SlackChannel } from '../workspace-types';
import type { ApiArgs } from './context';

/** Reads an optional string argument (numbers are accepted, as form encoding makes them strings anyway). */
export function optionalString(args: ApiArgs, name: string): string | undefined {
  const value = args[name];
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** Reads a required string argument; throws the given error code (invalid_arguments by default) when missing. */
export function requiredString(args: ApiArgs, name: string, errorCode?: string): string {
  const value = optionalString(args, name);
  if (value !== undefined) return value;
  if (errorCode) throw new SlackApiError(errorCode);
  return missingArgument(name);
}

/** Reads a boolean argument sent as true/false, 1/0 or 'true'/'false'. */
export function booleanArg(args: ApiArgs, name: string, fallback = false): boolean {
  const value = args[name];
  if (value === undefined || value === null || value === '') return fallback;
  return value === true || value === 1 || value === '1' || value === 'true';
}

/** Reads a positive integer argument such as `limit`. */
export function integerArg(args: ApiArgs, name: string, fallback: number): number {
  const value = Number(args[name]);
  return args[name] === undefined || args[name] === '' || !Number.isFinite(value) ? fallback : Math.floor(value);
}

/** Reads an argument that may arrive as a JSON string (form encoding) or as a value (JSON body). */
export function jsonArg(args: ApiArgs, name: string, errorCode: string): unknown {
  const value = args[name];
  if (typeof value !== 'string') return value;
  if (value === '') return undefined;
  try {
    return JSON.parse(value);
  } catch {
    throw new SlackApiError(errorCode, [`[ERROR] ${name} is not valid JSON`]);
  }
}

/** Reads a comma-separated list argument (or an array). */
export function listArg(args: ApiArgs, name: string): string[] {
  const value = args[name];
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

/** Resolves the `channel` argument to a known conversation or throws channel_not_found. */
export function channelArg(ws: Workspace, args: ApiArgs, name = 'channel'): SlackChannel {
  const id = optionalString(args, name);
  const channel = id === undefined ? undefined : ws.resolveChannel(id);
  if (!channel) throw new SlackApiError('channel_not_found');
  return channel;
}

/** Throws not_in_channel unless the bot is a member. */
export function requireBotMember(ws: Workspace, channel: SlackChannel): void {
  if (!ws.isMember(channel.id)) throw new SlackApiError('not_in_channel');
}

/** Throws is_archived when the channel is archived. */
export function requireNotArchived(channel: SlackChannel): void {
  if (channel.is_archived) throw new SlackApiError('is_archived');
}

/** Encodes an opaque pagination cursor the way Slack's look (base64 of a short key). */
export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64');
}

/** Decodes a cursor made by encodeCursor, checking its prefix; throws invalid_cursor otherwise. */
export function decodeCursor(cursor: string | undefined, prefix: string): string | undefined {
  if (cursor === undefined) return undefined;
  const decoded = Buffer.from(cursor, 'base64').toString('utf8');
  if (!decoded.startsWith(prefix)) throw new SlackApiError('invalid_cursor');
  return decoded.slice(prefix.length);
}

/** Returns one page of a list and the cursor of the next (offset-based; for users and channels). */
export function pageByOffset<T>(items: T[], args: ApiArgs, prefix: string, maxLimit = 1000): { page: T[]; next: string } {
  const limit = integerArg(args, 'limit', 100);
  if (limit < 1 || limit > maxLimit) throw new SlackApiError('invalid_limit');
  const start = Number(decodeCursor(optionalString(args, 'cursor'), prefix) ?? 0);
  if (!Number.isInteger(start) || start < 0) throw new SlackApiError('invalid_cursor');
  const page = items.slice(start, start + limit);
  const next = start + limit < items.length ? encodeCursor(`${prefix}${start + limit}`) : '';
  return { page, next };
}
