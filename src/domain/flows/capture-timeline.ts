import { findIncidentByChannel } from '../../store/incidents';
import { addTimelineEntry, deleteTimelineMessage, editTimelineMessage, setHighlight } from '../../store/timeline';
import { dateFromSlackTs } from '../timeline';
import type { FlowDeps } from './deps';

type CaptureDeps = Pick<FlowDeps, 'db'>;

/** What happened to a capture: stored, already there (a redelivery), not an incident channel, or no such entry yet. */
export type CaptureOutcome = 'stored' | 'duplicate' | 'not_incident' | 'not_stored';

/** A message someone posted in a channel, in plain words. */
export interface ChannelMessage {
  channelId: string;
  ts: string;
  /** The thread's parent ts when this is a reply (a reply's ts differs from its thread's). */
  threadTs: string | null;
  /** Who wrote it; null for another app's message without a user. */
  userId: string | null;
  text: string;
  /** Extra facts kept with the entry: broadcast, file names, another bot's name. */
  data?: Record<string, unknown>;
}

async function incidentIdOf(deps: CaptureDeps, channelId: string): Promise<number | undefined> {
  return (await findIncidentByChannel(deps.db, channelId))?.id;
}

/** Records a message or thread reply posted in an incident channel, at Slack's own ts, once. */
export async function captureMessage(deps: CaptureDeps, m: ChannelMessage): Promise<CaptureOutcome> {
  const incidentId = await incidentIdOf(deps, m.channelId);
  if (incidentId === undefined) return 'not_incident';
  const isReply = m.threadTs !== null && m.threadTs !== m.ts;
  const added = await addTimelineEntry(deps.db, {
    incidentId,
    kind: isReply ? 'reply' : 'message',
    occurredAt: dateFromSlackTs(m.ts),
    actorId: m.userId,
    text: m.text,
    slackTs: m.ts,
    threadTs: isReply ? m.threadTs : null,
    data: m.data,
  });
  return added ? 'stored' : 'duplicate';
}

/** Records an edit of a captured message: the entry shows the new text and keeps the first one. */
export async function captureEdit(deps: CaptureDeps, e: { channelId: string; ts: string; text: string; editedTs: string }): Promise<CaptureOutcome> {
  const incidentId = await incidentIdOf(deps, e.channelId);
  if (incidentId === undefined) return 'not_incident';
  return (await editTimelineMessage(deps.db, incidentId, e.ts, e.text, dateFromSlackTs(e.editedTs))) ? 'stored' : 'not_stored';
}

/** Records that a captured message was deleted; the entry and its text stay for the record. */
export async function captureDelete(deps: CaptureDeps, d: { channelId: string; ts: string; deletedTs: string }): Promise<CaptureOutcome> {
  const incidentId = await incidentIdOf(deps, d.channelId);
  if (incidentId === undefined) return 'not_incident';
  return (await deleteTimelineMessage(deps.db, incidentId, d.ts, dateFromSlackTs(d.deletedTs))) ? 'stored' : 'not_stored';
}

/** Marks (pin, :pushpin:) or unmarks the entry of a message as a highlight for the postmortem. */
export async function captureHighlight(deps: CaptureDeps, h: { channelId: string; ts: string; highlighted: boolean }): Promise<CaptureOutcome> {
  const incidentId = await incidentIdOf(deps, h.channelId);
  if (incidentId === undefined) return 'not_incident';
  return (await setHighlight(deps.db, incidentId, h.ts, h.highlighted)) ? 'stored' : 'not_stored';
}
