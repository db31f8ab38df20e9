import { incidentKey, type Incident } from '../../domain/incident';
import type { SharedPostmortem } from '../../domain/ports';
import { escapeMrkdwn } from './mrkdwn';

/** The draft's file name, linked to its stored copy when there is one. */
export function draftFileLink(draft: { fileName: string; link: string | null }): string {
  return draft.link ? `<${draft.link}|${escapeMrkdwn(draft.fileName)}>` : `*${escapeMrkdwn(draft.fileName)}*`;
}

/** The comment on the uploaded draft in the incident channel: what it is and what to do with it. */
export function postmortemComment(incident: Incident, draft: SharedPostmortem): string {
  const again = draft.version === 1 ? 'After late notes, `/incident postmortem` writes a new version.' : `Version ${draft.version}; earlier versions stay in the store.`;
  return [
    `:page_facing_up: *Postmortem draft v${draft.version}* for ${incidentKey(incident)}, assembled from this channel's timeline.`,
    'Fill in the ✍️ sections (root cause, what went well and badly, action items) and review it together.',
    draft.storeProblem === null
      ? `Stored copy: ${draftFileLink(draft)}. ${again}`
      : `:warning: The copy for the artifact store could not be written (${escapeMrkdwn(draft.storeProblem)}), so this file is the only one. \`/incident postmortem\` stores a new version once the store is back.`,
  ].join('\n');
}

/** The reply in the announcement's thread that points #incidents at the draft. */
export function postmortemAnnouncement(incident: Incident, draft: SharedPostmortem): string {
  const where = draft.link ? draftFileLink(draft) : `${draftFileLink(draft)}, posted in <#${incident.channelId}>`;
  return `:page_facing_up: Postmortem draft v${draft.version} for ${incidentKey(incident)}: ${where}`;
}
