import { storedMessages, insertMissedMessages, markActionItem, type StoredMessage } from '../../store/timeline-backfill';
import { addTimelineEntry, deleteTimelineMessage, editTimelineMessage, setHighlight, type NewTimelineEntry } from '../../store/timeline';
import type { Incident } from '../incident';
import type { HistoryMessage } from '../ports';
import { dateFromSlackTs } from '../timeline';
import type { FlowDeps } from './deps';

const HIGHLIGHT_REACTION = 'pushpin';

/** What reading the channel back found: where its messages link to, how many were missing, or why it could not read. */
export interface BackfillResult {
  archiveUrl: string | null;
  inserted: number;
  problem: string | null;
}

// A thread is complete when its last reply and at least as many replies as Slack counts are already stored.
function threadsToRead(messages: HistoryMessage[], stored: Map<string, StoredMessage>): HistoryMessage[] {
  const replies = new Map<string, number>();
  for (const s of stored.values()) if (s.kind === 'reply' && s.threadTs) replies.set(s.threadTs, (replies.get(s.threadTs) ?? 0) + 1);
  return messages.filter((m) => m.replyCount > 0 && !(m.latestReply && stored.has(m.latestReply) && (replies.get(m.ts) ?? 0) >= m.replyCount));
}

function missedEntry(incidentId: number, m: HistoryMessage, actionReaction: string | null): NewTimelineEntry {
  const action = actionReaction !== null && m.reactions.includes(actionReaction);
  return {
    incidentId,
    kind: m.threadTs ? 'reply' : 'message',
    occurredAt: dateFromSlackTs(m.ts),
    actorId: m.userId,
    text: m.text,
    slackTs: m.ts,
    threadTs: m.threadTs,
    highlighted: m.pinned || m.reactions.includes(HIGHLIGHT_REACTION),
    data: { ...m.data, backfilled: true, ...(action ? { action: true } : {}) },
  };
}

// Brings stored entries up to date with what changed while the bot was not listening; returns the number of edits.
async function applyChanges(deps: FlowDeps, incident: Incident, messages: HistoryMessage[], stored: Map<string, StoredMessage>): Promise<number> {
  const reaction = deps.config.postmortem.action_reaction;
  let edits = 0;
  for (const m of messages) {
    const known = stored.get(m.ts);
    if (!known) continue;
    if ((m.pinned || m.reactions.includes(HIGHLIGHT_REACTION)) && !known.highlighted) await setHighlight(deps.db, incident.id, m.ts, true);
    if (reaction && m.reactions.includes(reaction) && !known.action) await markActionItem(deps.db, incident.id, m.ts);
    if (m.fromSelf || known.deleted) continue;
    if (m.deleted) await deleteTimelineMessage(deps.db, incident.id, m.ts, deps.clock.now());
    else if (m.editedTs && m.text !== known.text && (await editTimelineMessage(deps.db, incident.id, m.ts, m.text, dateFromSlackTs(m.editedTs)))) edits++;
  }
  return edits;
}

async function recordSpan(deps: FlowDeps, incident: Incident, missed: NewTimelineEntry[], edits: number): Promise<void> {
  const times = missed.map((e) => e.occurredAt.getTime()).sort((a, b) => a - b);
  await addTimelineEntry(deps.db, {
    incidentId: incident.id,
    kind: 'backfilled',
    occurredAt: deps.clock.now(),
    actorId: null,
    text: `Read back ${missed.length} message(s) the bot missed`,
    data: {
      from: new Date(times[0]).toISOString(),
      to: new Date(times[times.length - 1]).toISOString(),
      messages: missed.filter((e) => e.kind === 'message').length,
      replies: missed.filter((e) => e.kind === 'reply').length,
      edits,
    },
  });
}

async function readChannel(deps: FlowDeps, channelId: string, stored: Map<string, StoredMessage>) {
  const { archiveUrl, messages } = await deps.chat.channelHistory(channelId);
  const all = [...messages];
  for (const thread of threadsToRead(messages, stored)) all.push(...(await deps.chat.threadReplies(channelId, thread.ts)));
  return { archiveUrl, all };
}

async function store(deps: FlowDeps, incident: Incident, all: HistoryMessage[], stored: Map<string, StoredMessage>): Promise<number> {
  const reaction = deps.config.postmortem.action_reaction;
  const candidates = all.filter((m) => !m.fromSelf && !m.deleted && !stored.has(m.ts)).map((m) => missedEntry(incident.id, m, reaction));
  const inserted = new Set(await insertMissedMessages(deps.db, candidates));
  const missed = candidates.filter((e) => inserted.has(e.slackTs as string));
  const edits = await applyChanges(deps, incident, all, stored);
  if (missed.length > 0) await recordSpan(deps, incident, missed, edits);
  return missed.length;
}

/**
 * Reads the incident channel back from Slack (history and threads, paginated) and adds what the timeline
 * missed while the bot was down or not yet in the channel, each message once; edits, deletions, pins and
 * action reactions made meanwhile are applied too. The span read back goes on the timeline as `backfilled`.
 * When Slack will not let it read the channel, it says why instead of failing: the draft is still worth having.
 */
export async function backfillChannel(deps: FlowDeps, incident: Incident): Promise<BackfillResult> {
  if (!incident.channelId) return { archiveUrl: null, inserted: 0, problem: 'the incident has no channel' };
  const stored = await storedMessages(deps.db, incident.id);
  let read: { archiveUrl: string | null; all: HistoryMessage[] };
  try {
    read = await readChannel(deps, incident.channelId, stored);
  } catch (err) {
    const code = (err as { data?: { error?: string } }).data?.error;
    return { archiveUrl: null, inserted: 0, problem: code ?? (err as Error).message };
  }
  return { archiveUrl: read.archiveUrl, inserted: await store(deps, incident, read.all, stored), problem: null };
}
