import { addTimelineEntry } from '../../store/timeline';
import { AppError } from '../errors';
import type { Incident } from '../incident';
import type { FlowDeps } from './deps';

const ACTION_PREFIX = /^action:/i;

/** True for a note that names an action item ("action: add an alert on replica lag"). */
export function isActionNote(text: string): boolean {
  return ACTION_PREFIX.test(text.trim());
}

export interface NoteInput {
  incident: Incident;
  text: string;
  authorId: string;
}

/**
 * Adds a note to the timeline and shows it in the incident channel. A note starting with "action:" is kept as an
 * action item for the postmortem. The note's entry carries the ts of the message that shows it, so a :pushpin:
 * on that message highlights the note.
 */
export async function addNote(deps: FlowDeps, input: NoteInput): Promise<{ text: string; isAction: boolean }> {
  const text = input.text.trim();
  if (text === '') throw new AppError('usage', 'Write the note after the command: `/incident note <text…>`.');
  const isAction = isActionNote(text);
  const slackTs = await deps.chat.postNote(input.incident, { text, authorId: input.authorId, isAction });
  await addTimelineEntry(deps.db, {
    incidentId: input.incident.id,
    kind: 'note',
    occurredAt: deps.clock.now(),
    actorId: input.authorId,
    text,
    slackTs,
    data: isAction ? { action: true } : {},
  });
  return { text, isAction };
}
