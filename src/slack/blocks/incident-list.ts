import { Blocks, Md, Message } from 'slack-block-builder';
import type { SlackMessageDto } from 'slack-block-builder';
import type { OpenIncident } from '../../domain/flows/list-open-incidents';
import { incidentKey } from '../../domain/incident';
import { escapeMrkdwn, truncate } from './mrkdwn';

/** At most this many incidents get a section each, keeping the reply under Slack's 50 blocks. */
export const LIST_MAX = 45;

/** A duration as people say it at a glance: "under a minute", "45 min", "2 h 5 min", "3 d 4 h". */
export function formatAge(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  return hours % 24 ? `${Math.floor(hours / 24)} d ${hours % 24} h` : `${Math.floor(hours / 24)} d`;
}

const utcTime = (d: Date) => `${d.toISOString().slice(11, 16)} UTC`;

/** One incident's lines; a private one shows only its number, severity and age. */
export function incidentListEntry({ incident, lastUpdateAt, escalation }: OpenIncident, now: Date): string {
  const key = incidentKey(incident);
  const age = `open ${formatAge(now.getTime() - incident.declaredAt.getTime())}`;
  if (incident.isPrivate) return `*${key} (private)* · ${incident.severity}\n${age}`;
  const commander = incident.roles.commander ? `commander ${Md.user(incident.roles.commander)}` : 'no commander';
  const update = lastUpdateAt ? `last update ${utcTime(lastUpdateAt)} (${formatAge(now.getTime() - lastUpdateAt.getTime())} ago)` : 'no update yet';
  const channel = incident.channelId ? ` · ${Md.channel(incident.channelId)}` : '';
  const escalated = escalation ? `\n:rotating_light: escalated: ${escapeMrkdwn(escalation)}` : '';
  return `*${key}* · ${incident.severity} · ${escapeMrkdwn(truncate(incident.title, 150))}\n${age} · ${commander} · ${update}${channel}${escalated}`;
}

/** The answer to `/incident list`: open incidents, most severe and oldest first, or how to declare one. */
export function incidentListMessage(open: OpenIncident[], now: Date): SlackMessageDto {
  if (open.length === 0) {
    const text = 'No open incidents right now. To declare one: `/incident declare [severity] <title>`, or `/incident declare` for the form.';
    return Message({ text }).blocks(Blocks.Section({ text })).buildToObject();
  }
  const count = `${open.length} open incident${open.length === 1 ? '' : 's'}`;
  const more = open.length > LIST_MAX ? ` · ${open.length - LIST_MAX} more not shown` : '';
  return Message({ text: count })
    .blocks(
      Blocks.Section({ text: `*${count}*` }),
      ...open.slice(0, LIST_MAX).map((o) => Blocks.Section({ text: incidentListEntry(o, now) })),
      Blocks.Context().elements(`Most severe first, then oldest · times in UTC${more}`),
    )
    .buildToObject();
}
