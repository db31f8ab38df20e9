import { Blocks, Md, Message } from 'slack-block-builder';
import type { SlackMessageDto } from 'slack-block-builder';
import type { IncidentConfig } from '../../config/schema';
import { incidentKey, isOpen, type Incident } from '../../domain/incident';
import type { Templates } from '../templates';
import { escapeMrkdwn } from './mrkdwn';

/** The announcement in the incidents channel; a private incident gets a line with no details. */
export function announcementMessage(templates: Templates, config: IncidentConfig, incident: Incident): SlackMessageDto {
  const key = incidentKey(incident);
  if (incident.isPrivate) {
    const text = `:lock: ${key}: a private incident was ${isOpen(incident) ? 'declared' : 'resolved'}. Its responders have been invited to its channel.`;
    return Message({ text }).blocks(Blocks.Section({ text })).buildToObject();
  }
  const severity = config.severities.find((s) => s.id === incident.severity);
  const text = templates.announcement({
    key,
    severity: incident.severity,
    severityName: escapeMrkdwn(severity?.name ?? incident.severity),
    title: escapeMrkdwn(incident.title),
    status: isOpen(incident) ? escapeMrkdwn(incident.status) : 'Resolved',
    commander: incident.roles.commander ? Md.user(incident.roles.commander) : 'unassigned',
    channel: incident.channelId ? Md.channel(incident.channelId) : 'its channel',
  });
  return Message({ text: `${key} ${incident.severity}: ${incident.title}` }).blocks(Blocks.Section({ text })).buildToObject();
}
