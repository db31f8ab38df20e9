import { Blocks, Elements, Md, Message } from 'slack-block-builder';
import type { SlackMessageDto } from 'slack-block-builder';
import type { IncidentConfig } from '../../config/schema';
import { incidentKey, isOpen, type Incident } from '../../domain/incident';
import { ACTIONS } from '../ids';
import { escapeMrkdwn, truncate } from './mrkdwn';

const who = (userId: string | undefined) => (userId ? Md.user(userId) : '_unassigned_');

/** One line per role from the config: "Incident commander: @ana". */
export function roleLines(config: IncidentConfig, incident: Incident): string[] {
  return Object.entries(config.roles).map(([id, role]) => `*${role.title}:* ${who(incident.roles[id])}`);
}

/** The headline: "INC-7 · SEV-1 · Checkout API 5xx", plain text, within Slack's 150 characters for headers. */
export function headline(incident: Incident): string {
  return truncate(`${incidentKey(incident)} · ${incident.severity} · ${incident.title}`, 150);
}

/** The pinned header of an incident channel: where things stand and the buttons for what to do next. */
export function incidentHeaderMessage(config: IncidentConfig, incident: Incident): SlackMessageDto {
  const severity = config.severities.find((s) => s.id === incident.severity);
  const state = isOpen(incident) ? incident.status : `Resolved <!date^${Math.floor((incident.resolvedAt as Date).getTime() / 1000)}^{date_short_pretty} {time}|${(incident.resolvedAt as Date).toISOString()}>`;
  const links = incident.announcementChannelId ? ` · announced in ${Md.channel(incident.announcementChannelId)}` : '';
  return Message({ text: headline(incident) })
    .blocks(
      Blocks.Header({ text: headline(incident) }),
      Blocks.Section({ text: `*Severity:* ${incident.severity}${severity ? ` (${escapeMrkdwn(severity.name)})` : ''}\n*Status:* ${state}` }),
      Blocks.Section({ text: roleLines(config, incident).join('\n') }),
      Blocks.Context().elements(`Declared by ${Md.user(incident.declaredBy)}${incident.isPrivate ? ' · private' : ''}${links}`),
      Blocks.Actions({ blockId: 'incident_header_actions' }).elements(
        Elements.Button({ text: 'Post update', actionId: ACTIONS.postUpdate, value: String(incident.id) }).primary(),
        Elements.Button({ text: 'Triage', actionId: ACTIONS.triage, value: String(incident.id) }),
        Elements.Button({ text: 'Runbooks', actionId: ACTIONS.runbooks, value: String(incident.id) }),
        isOpen(incident)
          ? Elements.Button({ text: 'Resolve', actionId: ACTIONS.resolve, value: String(incident.id) }).danger()
          : Elements.Button({ text: 'Reopen', actionId: ACTIONS.reopen, value: String(incident.id) }),
      ),
    )
    .buildToObject();
}

/** The channel topic: severity, status and commander first, because that is what fits in the sidebar. */
export function incidentTopic(incident: Incident): string {
  const commander = incident.roles.commander ? `<@${incident.roles.commander}>` : 'no commander';
  const status = isOpen(incident) ? incident.status : 'Resolved';
  // Topics show text as typed; angle brackets are dropped from the title so it can never form a mention or link.
  const title = incident.title.replace(/[<>]/g, '');
  return truncate(`${incident.severity} | ${status} | Commander: ${commander} | ${incidentKey(incident)} ${title}`, 250);
}
