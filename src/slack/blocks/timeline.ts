import { Blocks, Md, Message } from 'slack-block-builder';
import type { SlackMessageDto } from 'slack-block-builder';
import { incidentKey, type Incident } from '../../domain/incident';
import type { TimelineEntry } from '../../domain/timeline';
import { escapeMrkdwn, truncate } from './mrkdwn';
import { textSections } from './text-sections';

/** How much of one entry's text the timeline shows; the full text stays in the database. */
export const ENTRY_TEXT_MAX = 300;
const NOTE_TEXT_MAX = 2800;
const MAX_SECTIONS = 45;

const ICONS: Record<string, string> = {
  message: ':speech_balloon:',
  reply: ':leftwards_arrow_with_hook:',
  note: ':memo:',
  declared: ':rotating_light:',
  severity_changed: ':arrow_up_down:',
  role_assigned: ':bust_in_silhouette:',
  status_update: ':mega:',
  resolved: ':white_check_mark:',
  reopened: ':arrows_counterclockwise:',
  postmortem: ':page_facing_up:',
  command_requested: ':keyboard:',
  command_approved: ':heavy_check_mark:',
  command_denied: ':no_entry_sign:',
  command_finished: ':computer:',
  evidence_captured: ':file_folder:',
};

/** Escapes text and shortens it so the escaped form (entities are longer) stays within `max` characters. */
function escapedWithin(text: string, max: number): string {
  let cut = truncate(text, max);
  let escaped = escapeMrkdwn(cut);
  while (escaped.length > max) {
    cut = truncate(text, cut.length - Math.ceil((escaped.length - max) / 4));
    escaped = escapeMrkdwn(cut);
  }
  return escaped;
}

/** The in-channel line that shows a note to everyone: ":memo: Note from @ana: …". */
export function noteMessage(note: { text: string; authorId: string; isAction: boolean }): SlackMessageDto {
  const text = escapedWithin(note.text, NOTE_TEXT_MAX);
  const action = note.isAction ? ' · _action item for the postmortem_' : '';
  return Message({ text: `Note from <@${note.authorId}>: ${text}` })
    .blocks(Blocks.Context().elements(`:memo: Note from ${Md.user(note.authorId)}: ${text}${action}`))
    .buildToObject();
}

/** The kind's icon; an action-item note gets a checkbox. */
export function kindIcon(entry: Pick<TimelineEntry, 'kind' | 'data'>): string {
  if (entry.kind === 'note' && entry.data.action === true) return ':ballot_box_with_check:';
  return ICONS[entry.kind] ?? ':small_blue_diamond:';
}

function author(entry: TimelineEntry): string {
  if (entry.actorId) return Md.user(entry.actorId);
  return typeof entry.data.bot === 'string' ? `*${escapeMrkdwn(entry.data.bot)}*` : '';
}

function body(entry: TimelineEntry): string {
  const oneLine = entry.text.replace(/\s*\n\s*/g, ' ').trim();
  const files = Array.isArray(entry.data.files) ? ` :paperclip: ${escapeMrkdwn(entry.data.files.join(', '))}` : '';
  const text = escapeMrkdwn(truncate(oneLine, ENTRY_TEXT_MAX));
  if (entry.deletedAt) return `~${text}~${files} _(deleted)_`;
  return `${text}${files}${entry.editedAt ? ' _(edited)_' : ''}`;
}

/** One entry as a line: "`14:05` :pushpin: :speech_balloon: @ana text _(edited)_" (time in UTC). */
export function timelineLine(entry: TimelineEntry): string {
  const time = Md.codeInline(entry.occurredAt.toISOString().slice(11, 16));
  const parts = [time, entry.highlighted ? ':pushpin:' : '', kindIcon(entry), author(entry), body(entry)];
  return parts.filter((p) => p !== '').join(' ');
}

function linesWithDays(entries: TimelineEntry[]): string[] {
  const lines: string[] = [];
  let day = '';
  for (const entry of entries) {
    const entryDay = entry.occurredAt.toISOString().slice(0, 10);
    if (entryDay !== day) lines.push(`*${entryDay}*`);
    day = entryDay;
    lines.push(timelineLine(entry));
  }
  return lines;
}

/** The latest entries of an incident's timeline, for `/incident timeline`; `limit` is how many were asked for. */
export function timelineMessage(incident: Incident, entries: TimelineEntry[], limit: number): SlackMessageDto {
  const key = incidentKey(incident);
  const heading = `*Timeline of ${key}* · ${escapeMrkdwn(truncate(incident.title, 150))}`;
  const which = entries.length >= limit ? `Latest ${entries.length} entries` : `All ${entries.length} entries`;
  const sections = entries.length ? textSections(linesWithDays(entries).join('\n')).slice(0, MAX_SECTIONS) : [Blocks.Section({ text: '_Nothing on the timeline yet._' })];
  return Message({ text: `Timeline of ${key}: ${which.toLowerCase()}` })
    .blocks(
      Blocks.Section({ text: heading }),
      ...sections,
      Blocks.Context().elements(`${which}, times in UTC · :pushpin: highlight · add one with \`/incident note <text>\``),
    )
    .buildToObject();
}
