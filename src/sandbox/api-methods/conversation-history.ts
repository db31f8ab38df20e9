import { SlackApiError } from '../api-error';
import { compareTs } from '../ids';
import type { SlackMessage } from '../workspace-types';
import {
  booleanArg,
  channelArg,
  decodeCursor,
  encodeCursor,
  integerArg,
  optionalString,
  requireBotMember,
  requiredString,
} from './args';
import type { ApiArgs, MethodContext, MethodTable } from './context';

const CURSOR_PREFIX = 'next_ts:';

/** conversations.history and conversations.replies, with Slack's range and cursor arguments. */
export const historyMethods: MethodTable = {
  'conversations.history': history,
  'conversations.replies': replies,
};

interface Range {
  oldest?: string;
  latest?: string;
  inclusive: boolean;
}

function history(ctx: MethodContext, args: ApiArgs) {
  const ws = ctx.workspace;
  const channel = channelArg(ws, args);
  requireBotMember(ws, channel);
  const range = readRange(args);
  const newestFirst = ws.messages(channel.id).filter((m) => inRange(m.ts, range)).sort((a, b) => compareTs(b.ts, a.ts));
  const from = decodeCursor(optionalString(args, 'cursor'), CURSOR_PREFIX);
  const remaining = from === undefined ? newestFirst : newestFirst.filter((m) => compareTs(m.ts, from) <= 0);
  const limit = clampLimit(integerArg(args, 'limit', 100), 999);
  return {
    ...page(remaining, limit),
    pin_count: ws.pins(channel.id).length,
    channel_actions_ts: null,
    channel_actions_count: 0,
  };
}

function replies(ctx: MethodContext, args: ApiArgs) {
  const ws = ctx.workspace;
  const channel = channelArg(ws, args);
  requireBotMember(ws, channel);
  const ts = requiredString(args, 'ts');
  const found = ws.store.find(channel.id, ts);
  const threadTs = found?.threadTs ?? ts;
  const thread = ws.replies(channel.id, threadTs);
  if (!found && thread.length === 0) throw new SlackApiError('thread_not_found');
  const parent = ws.store.find(channel.id, threadTs)?.message;
  const range = readRange(args);
  const oldestFirst = [...(parent ? [parent] : []), ...thread].filter((m) => m === parent || inRange(m.ts, range));
  const from = decodeCursor(optionalString(args, 'cursor'), CURSOR_PREFIX);
  const remaining = from === undefined ? oldestFirst : oldestFirst.filter((m) => compareTs(m.ts, from) >= 0);
  return page(remaining, clampLimit(integerArg(args, 'limit', 1000), 1000));
}

function page(messages: SlackMessage[], limit: number) {
  const shown = messages.slice(0, limit).map((m) => ({ ...m }));
  const hasMore = messages.length > limit;
  const result: Record<string, unknown> = { messages: shown, has_more: hasMore };
  if (hasMore) result.response_metadata = { next_cursor: encodeCursor(`${CURSOR_PREFIX}${messages[limit].ts}`) };
  return result;
}

function readRange(args: ApiArgs): Range {
  const oldest = optionalString(args, 'oldest');
  const latest = optionalString(args, 'latest');
  if (oldest !== undefined && !isNumeric(oldest)) throw new SlackApiError('invalid_ts_oldest');
  if (latest !== undefined && !isNumeric(latest)) throw new SlackApiError('invalid_ts_latest');
  return { oldest, latest, inclusive: booleanArg(args, 'inclusive') };
}

function inRange(ts: string, r: Range): boolean {
  const afterOldest = r.oldest === undefined || (r.inclusive ? compareTs(ts, r.oldest) >= 0 : compareTs(ts, r.oldest) > 0);
  const beforeLatest = r.latest === undefined || (r.inclusive ? compareTs(ts, r.latest) <= 0 : compareTs(ts, r.latest) < 0);
  return afterOldest && beforeLatest;
}

function clampLimit(limit: number, max: number): number {
  return Math.min(Math.max(limit, 1), max);
}

function isNumeric(value: string): boolean {
  return /^\d+(\.\d+)?$/.test(value);
}
