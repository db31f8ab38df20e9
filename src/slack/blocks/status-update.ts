import { Message } from 'slack-block-builder';
import type { SlackMessageDto } from 'slack-block-builder';
import type { IncidentConfig } from '../../config/schema';
import { incidentKey, type Incident, type StatusUpdate } from '../../domain/incident';
import type { Templates } from '../templates';
import { escapeMrkdwn } from './mrkdwn';
import { textSections } from './text-sections';

const slackDate = (d: Date) => `<!date^${Math.floor(d.getTime() / 1000)}^{date_short_pretty} {time}|${d.toISOString().slice(0, 16).replace('T', ' ')} UTC>`;

/** The values the status templates see, every one escaped for mrkdwn. */
export function statusTemplateValues(config: IncidentConfig, incident: Incident, update: StatusUpdate): Record<string, unknown> {
  const next = update.nextUpdateMinutes ? new Date(update.postedAt.getTime() + update.nextUpdateMinutes * 60_000) : null;
  return {
    key: incidentKey(incident),
    title: escapeMrkdwn(incident.title),
    severity: incident.severity,
    status: escapeMrkdwn(update.status),
    statusMeaning: escapeMrkdwn(config.statuses.find((s) => s.name === update.status)?.meaning ?? update.status),
    impact: escapeMrkdwn(update.impact),
    actions: update.currentActions.split('\n').map((l) => l.replace(/^\s*[-*•]\s*/, '').trim()).filter(Boolean).map(escapeMrkdwn),
    started: slackDate(incident.declaredAt),
    updated: slackDate(update.postedAt),
    nextUpdate: next ? `${slackDate(next)} (in ${update.nextUpdateMinutes} min)` : '',
    nextUpdateMinutes: update.nextUpdateMinutes ?? 0,
    postedBy: `<@${update.postedBy}>`,
  };
}

/** Renders a status update with the template for its audience. */
export function renderStatusText(templates: Templates, config: IncidentConfig, incident: Incident, update: StatusUpdate): string {
  const values = statusTemplateValues(config, incident, update);
  return update.audience === 'customer' ? templates.statusCustomer(values) : templates.statusInternal(values);
}

/** A status update as a message. */
export function statusUpdateMessage(text: string, fallback: string): SlackMessageDto {
  return Message({ text: fallback }).blocks(...textSections(text)).buildToObject();
}
