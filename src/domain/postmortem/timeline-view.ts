import type { TimelineEntry } from '../timeline';
import { isActionItem, isChatter, list, str } from './entry-data';
import { BOOKKEEPING_KINDS, bookkeepingPhrase, describeEvent, type Runs } from './event-text';
import { clockTime, messageLink, nameList, oneLine, personName, plural, slackToMarkdown, utcDay, type Names } from './format';
import type { TimelineDay, TimelineLine, TimelineStats } from './model';

/** How the timeline is condensed, and what its links point at. */
export interface TimelineContext {
  names: Names;
  archiveUrl: string | null;
  channelId: string | null;
  chatterRunMax: number;
  threadRepliesMax: number;
  runs: Runs;
}

/** How much of one message the timeline shows; the full text stays on the incident's timeline. */
export const MESSAGE_TEXT_MAX = 300;

interface Item {
  entry: TimelineEntry;
  replies: TimelineEntry[];
}

type GroupType = 'chatter' | 'bot' | 'event' | 'hidden';

// Replies go under their parent when the parent is on the timeline (a message, or a note the bot posted).
function threaded(entries: readonly TimelineEntry[]): Item[] {
  const parents = new Map<string, Item>();
  const items: Item[] = [];
  for (const entry of entries) {
    if (entry.kind === 'reply') continue;
    const item = { entry, replies: [] };
    if (entry.slackTs) parents.set(entry.slackTs, item);
    items.push(item);
  }
  const orphans: Item[] = [];
  for (const entry of entries) {
    if (entry.kind !== 'reply') continue;
    const parent = entry.threadTs ? parents.get(entry.threadTs) : undefined;
    if (parent) parent.replies.push(entry);
    else orphans.push({ entry, replies: [] });
  }
  if (orphans.length === 0) return items;
  const at = (i: Item) => i.entry.occurredAt.getTime();
  // Stable: items that tie keep timeline order (orphans are replies, so they come after what they answer).
  return [...items, ...orphans].sort((a, b) => at(a) - at(b) || a.entry.id - b.entry.id);
}

const stands = (entry: TimelineEntry) => entry.highlighted || isActionItem(entry);

function groupTypeOf(item: Item, ctx: TimelineContext): GroupType {
  const { entry } = item;
  if (isChatter(entry)) return stands(entry) || item.replies.some(stands) ? 'event' : 'chatter';
  if (BOOKKEEPING_KINDS.has(entry.kind)) return 'bot';
  // A run that needed no approval says everything on its result's line; an evidence pack's runs, on the pack's.
  if (entry.kind === 'command_requested' && ctx.runs.unattended.has(str(entry, 'runId'))) return 'hidden';
  if (entry.kind.startsWith('command_') && ctx.runs.inPacks.has(str(entry, 'runId'))) return 'hidden';
  return 'event';
}

function linkOf(entry: TimelineEntry, ctx: TimelineContext): string | null {
  return messageLink(ctx.archiveUrl, ctx.channelId, entry.slackTs, entry.kind === 'reply' ? entry.threadTs : null);
}

function messageText(entry: TimelineEntry, names: Names, orphan: boolean): string {
  const files = list(entry, 'files');
  let text = oneLine(slackToMarkdown(entry.text, names), MESSAGE_TEXT_MAX);
  if (files.length) text = `${text}${text ? ' ' : ''}(files: ${files.join(', ')})`;
  if (entry.deletedAt) text = `~~${text}~~ (deleted)`;
  else if (entry.editedAt) text = `${text} (edited)`;
  if (isActionItem(entry)) text = `Action item: ${text}`;
  if (orphan) text = `(in a thread) ${text}`;
  return entry.data.broadcast === true ? `${text} (also sent to the channel)` : text;
}

function actorOf(entry: TimelineEntry, names: Names): string {
  return personName(names, entry.actorId) || str(entry, 'bot') || '';
}

function entryLine(entry: TimelineEntry, replies: TimelineLine[], ctx: TimelineContext, orphan = false): TimelineLine {
  const chatter = isChatter(entry);
  return {
    time: clockTime(entry.occurredAt),
    highlight: entry.highlighted,
    actor: actorOf(entry, ctx.names),
    text: chatter ? messageText(entry, ctx.names, orphan) : oneLine(describeEvent(entry, ctx.names, ctx.runs), 2 * MESSAGE_TEXT_MAX),
    link: linkOf(entry, ctx),
    kind: chatter ? 'message' : 'event',
    replies,
  };
}

// At the top level, a reply is one whose thread started outside the timeline (under one of the bot's posts).
function topLine(item: Item, ctx: TimelineContext): TimelineLine {
  return entryLine(item.entry, replyLines(item, ctx), ctx, item.entry.kind === 'reply');
}

function span(entries: TimelineEntry[]): string {
  const first = clockTime(entries[0].occurredAt);
  const last = clockTime(entries[entries.length - 1].occurredAt);
  return first === last ? first : `${first}–${last}`;
}

function replyLines(item: Item, ctx: TimelineContext): TimelineLine[] {
  const lines: TimelineLine[] = [];
  const hidden: TimelineEntry[] = [];
  let plain = 0;
  for (const reply of item.replies) {
    if (stands(reply) || plain++ < ctx.threadRepliesMax) lines.push(entryLine(reply, [], ctx));
    else hidden.push(reply);
  }
  if (hidden.length === 0) return lines;
  const text = `${plural(hidden.length, 'more reply', 'more replies')} from ${nameList(speakers(hidden, ctx.names))}`;
  return [...lines, { time: span(hidden), highlight: false, actor: '', text, link: linkOf(hidden[0], ctx), kind: 'summary', replies: [] }];
}

function speakers(entries: TimelineEntry[], names: Names): string[] {
  return [...new Set(entries.map((e) => actorOf(e, names) || 'someone'))];
}

function chatterLines(items: Item[], ctx: TimelineContext): TimelineLine[] {
  if (items.length <= ctx.chatterRunMax) {
    return items.map((item) => topLine(item, ctx));
  }
  const all = items.flatMap((item) => [item.entry, ...item.replies]);
  const replies = all.length - items.length;
  const text = `${plural(items.length, 'message')}${replies ? ` and ${plural(replies, 'reply', 'replies')}` : ''} from ${nameList(speakers(all, ctx.names))}`;
  return [{ time: span(items.map((i) => i.entry)), highlight: false, actor: '', text, link: linkOf(items[0].entry, ctx), kind: 'summary', replies: [] }];
}

function botLine(items: Item[]): TimelineLine {
  const counts = new Map<string, number>();
  for (const { entry } of items) counts.set(bookkeepingPhrase(entry), (counts.get(bookkeepingPhrase(entry)) ?? 0) + 1);
  const phrases = [...counts].map(([phrase, n]) => (n === 1 ? phrase : `${n} × ${phrase}`));
  return { time: span(items.map((i) => i.entry)), highlight: false, actor: '', text: `Bot: ${phrases.join(', ')}`, link: null, kind: 'bot', replies: [] };
}

function groups(items: Item[], ctx: TimelineContext): { type: Exclude<GroupType, 'hidden'>; items: Item[] }[] {
  const result: { type: Exclude<GroupType, 'hidden'>; items: Item[] }[] = [];
  for (const item of items) {
    const type = groupTypeOf(item, ctx);
    if (type === 'hidden') continue;
    const last = result.at(-1);
    if (last && last.type === type && type !== 'event') last.items.push(item);
    else result.push({ type, items: [item] });
  }
  return result;
}

function countLines(lines: TimelineLine[]): number {
  return lines.reduce((n, line) => n + 1 + countLines(line.replies), 0);
}

/**
 * The timeline as the draft shows it: one line per meaningful event, replies under their parent, the bot's
 * bookkeeping collapsed, and runs of more than `chatterRunMax` messages summarised as one line with a link.
 */
export function buildTimeline(entries: readonly TimelineEntry[], ctx: TimelineContext): { days: TimelineDay[]; stats: TimelineStats } {
  const days: TimelineDay[] = [];
  let lines = 0;
  for (const group of groups(threaded(entries), ctx)) {
    const made = group.type === 'chatter' ? chatterLines(group.items, ctx) : group.type === 'bot' ? [botLine(group.items)] : group.items.map((i) => topLine(i, ctx));
    const day = utcDay(group.items[0].entry.occurredAt);
    if (days.at(-1)?.day !== day) days.push({ day, lines: [] });
    days[days.length - 1].lines.push(...made);
    lines += countLines(made);
  }
  const chatter = entries.filter(isChatter).length;
  const shownChatter = days.flatMap((d) => d.lines.flatMap((l) => [l, ...l.replies])).filter((l) => l.kind === 'message').length;
  const stats = { entries: entries.length, lines, summarisedMessages: chatter - shownChatter, highlights: entries.filter((e) => e.highlighted).length };
  return { days, stats };
}
