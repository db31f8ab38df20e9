import { Blocks, Elements, Md, Message } from 'slack-block-builder';
import type { SlackMessageDto } from 'slack-block-builder';
import { SNOOZE_MINUTES } from '../../domain/flows/snooze-reminder';
import { incidentKey, type Incident } from '../../domain/incident';
import type { Reminder } from '../../domain/jobs';
import { ACTIONS } from '../ids';
import { formatAge } from './incident-list';
import { escapeMrkdwn } from './mrkdwn';

/** The block that holds a reminder's buttons; a snooze replaces it with who snoozed until when. */
export const REMINDER_ACTIONS_BLOCK = 'reminder_actions';

const minutes = (n: number) => formatAge(n * 60_000);
const mentions = (users: string[], usergroups: string[] = []) => [...users.map(Md.user), ...usergroups.map(Md.group)].join(' ');
const utcDay = (d: Date) => `${d.toUTCString().slice(0, 11)} ${d.toISOString().slice(11, 16)} UTC`;

/** The headline of a reminder, also its notification text; mentions come first so they notify. */
export function reminderText(incident: Incident, r: Reminder): string {
  const key = incidentKey(incident);
  switch (r.kind) {
    case 'status_due': {
      const last = r.lastUpdateMinutesAgo === null ? `no update yet, open ${minutes(r.openMinutes)}` : `last update ${minutes(r.lastUpdateMinutesAgo)} ago`;
      const late = r.overdueMinutes !== null ? ` · ${minutes(r.overdueMinutes)} overdue` : '';
      return `${r.mention.length ? `${mentions(r.mention)} ` : ''}Status update due for ${key} (${r.severity}): ${last}${late}`;
    }
    case 'escalation': {
      const who = mentions(r.notify.users, r.notify.usergroups);
      const why = r.reason === 'unresolved' ? `unresolved for ${minutes(r.afterMinutes)}` : `no status update ${minutes(r.afterMinutes)} after one was due`;
      return `${who ? `${who} ` : ''}:rotating_light: ${key} (${r.severity}) escalated to *${escapeMrkdwn(r.label)}*: ${why}`;
    }
    case 'commander_missing':
      return `:bust_in_silhouette: ${key} has had no incident commander for ${minutes(r.openMinutes)}. Someone take it: \`/incident role commander @you\``;
    case 'postmortem_review':
      return `${r.mention.length ? `${mentions(r.mention)} ` : ''}:memo: Postmortem review due for ${key} (${r.severity}): resolved ${utcDay(r.resolvedAt)}, ${r.businessDays} business day${r.businessDays === 1 ? '' : 's'} ago`;
  }
}

function hint(r: Reminder): string {
  switch (r.kind) {
    case 'status_due':
      return r.mention.length ? 'Commander and comms lead: post the update now, or snooze if one is minutes away.' : 'Post what changed, even if it is "no change, still investigating".';
    case 'escalation':
      return r.notify.users.length || r.notify.usergroups.length ? 'You are on this step of the escalation ladder: join the channel and take stock.' : 'Nobody is listed for this step in incident.config.yml; it is announced here only.';
    case 'commander_missing':
      return 'The commander decides what happens next and keeps the whole picture; without one, nobody does.';
    case 'postmortem_review':
      return 'Review the postmortem draft with the team and turn its action items into tickets.';
  }
}

function buttons(incident: Incident, r: Reminder) {
  const post = Elements.Button({ text: 'Post update', actionId: ACTIONS.postUpdate, value: String(incident.id) }).primary();
  if (r.kind === 'escalation' && r.reason === 'no_update') return [post];
  if (r.kind !== 'status_due') return [];
  const snooze = SNOOZE_MINUTES.map((m, i) =>
    Elements.Button({ text: `Snooze ${m} min`, actionId: i === 0 ? ACTIONS.snoozeShort : ACTIONS.snoozeLong, value: JSON.stringify({ jobId: r.jobId, minutes: m }) }),
  );
  return [post, ...snooze];
}

/** A reminder or escalation as posted in the incident channel, with buttons for what to do about it. */
export function reminderMessage(incident: Incident, r: Reminder): SlackMessageDto {
  const text = reminderText(incident, r);
  const actions = buttons(incident, r);
  return Message({ text })
    .blocks(
      Blocks.Section({ text }),
      Blocks.Context().elements(hint(r)),
      actions.length ? Blocks.Actions({ blockId: REMINDER_ACTIONS_BLOCK }).elements(actions) : undefined,
    )
    .buildToObject();
}

/** The reminder after a snooze: the same headline, and who snoozed it until when instead of the buttons. */
export function snoozedReminderMessage(text: string, userId: string, until: Date): SlackMessageDto {
  return Message({ text })
    .blocks(Blocks.Section({ text }), Blocks.Context().elements(`:zzz: Snoozed by ${Md.user(userId)} until ${until.toISOString().slice(11, 16)} UTC`))
    .buildToObject();
}
