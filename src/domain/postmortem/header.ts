import { incidentKey } from '../incident';
import type { TimelineEntry } from '../timeline';
import { byPerson, str } from './entry-data';
import { clockTime, formatDuration, personName, slackToMarkdown, utcTime } from './format';
import type { Field, PostmortemInput } from './model';

function severityLabel(input: PostmortemInput, id: string): string {
  const severity = input.config.severities.find((s) => s.id === id);
  return severity ? `${id} (${severity.name})` : id;
}

/** "10:20 promoted SEV-2 → SEV-1 by Ana Ortiz: checkout fully down", one per change. */
export function severityChanges(input: PostmortemInput): string[] {
  return input.timeline
    .filter((e) => e.kind === 'severity_changed')
    .map((e) => {
      const reason = str(e, 'reason') ? `: ${slackToMarkdown(str(e, 'reason'), input.names)}` : '';
      return `${utcTime(e.occurredAt)}: ${str(e, 'from')} → ${str(e, 'to')} by ${personName(input.names, e.actorId) || 'the bot'}${reason}`;
    });
}

function duration(input: PostmortemInput): string {
  const { incident } = input;
  const start = incident.detectedAt ?? incident.declaredAt;
  const from = incident.detectedAt ? 'from detection' : 'from declaration';
  if (!incident.resolvedAt) return `ongoing (${formatDuration(input.generatedAt.getTime() - start.getTime())} so far, ${from})`;
  return `${formatDuration(incident.resolvedAt.getTime() - start.getTime())} (${from} to resolution)`;
}

function channelField(input: PostmortemInput): string {
  const { incident } = input;
  if (!incident.channelName) return 'none';
  const link = input.archiveUrl && incident.channelId ? ` ([open in Slack](${input.archiveUrl.replace(/\/+$/, '')}/${incident.channelId}))` : '';
  return `#${incident.channelName}${link}`;
}

/** The header's facts: severity, status, channel, times and duration, all in UTC. */
export function headerFields(input: PostmortemInput): Field[] {
  const { incident, names } = input;
  const at = (d: Date | null) => (d ? utcTime(d) : 'not recorded');
  const impactEnded = incident.resolution?.impactEndedAt;
  return [
    { label: 'Incident', value: `${incidentKey(incident)}${incident.isPrivate ? ' (private)' : ''}` },
    { label: 'Severity', value: severityLabel(input, incident.severity) },
    { label: 'Status', value: incident.status },
    { label: 'Channel', value: channelField(input) },
    { label: 'Declared by', value: personName(names, incident.declaredBy) },
    { label: 'Detected', value: at(incident.detectedAt) },
    { label: 'Started (declared)', value: utcTime(incident.declaredAt) },
    { label: 'Mitigated', value: at(incident.mitigatedAt) },
    { label: 'Resolved', value: incident.resolvedAt ? utcTime(incident.resolvedAt) : 'not yet' },
    ...(impactEnded ? [{ label: 'Customer impact ended', value: utcTime(new Date(impactEnded)) }] : []),
    { label: 'Duration', value: duration(input) },
  ];
}

function holders(input: PostmortemInput, role: string, assignments: TimelineEntry[]): string {
  const mine = assignments.filter((e) => str(e, 'role') === role);
  const current = input.incident.roles[role];
  if (mine.length === 0) return current ? personName(input.names, current) : 'not assigned';
  const first = str(mine[0], 'previous');
  const chain = mine.map((e) => `${personName(input.names, str(e, 'userId'))} (from ${clockTime(e.occurredAt)})`);
  return [...(first ? [personName(input.names, first)] : []), ...chain].join(' → ');
}

/** Each configured role with who held it, in order of hand-over. */
export function roleFields(input: PostmortemInput): Field[] {
  const assignments = input.timeline.filter((e) => e.kind === 'role_assigned');
  const roles = Object.entries(input.config.roles).map(([id, role]) => ({ label: role.title, value: holders(input, id, assignments) }));
  const unknown = Object.keys(input.incident.roles).filter((id) => !(id in input.config.roles));
  return [...roles, ...unknown.map((id) => ({ label: id, value: holders(input, id, assignments) }))];
}

/** Everyone who took part (spoke, acted or held a role), in order of first appearance. */
export function participants(input: PostmortemInput): string {
  const ids = new Set<string>([input.incident.declaredBy]);
  for (const entry of input.timeline) if (byPerson(entry)) ids.add(entry.actorId as string);
  for (const update of input.statusUpdates) ids.add(update.postedBy);
  for (const user of Object.values(input.incident.roles)) ids.add(user);
  const list = [...ids].map((id) => personName(input.names, id));
  return `${list.join(', ')} (${list.length})`;
}
