import { RESOLVED } from '../incident';
import type { TimelineEntry } from '../timeline';
import { byPerson, str } from './entry-data';
import { clockTime, formatDuration, personName, plural, utcTime } from './format';
import type { MetricRow, PostmortemInput, TargetRow } from './model';

/** How the draft defines "response"; printed under the metrics so nobody has to guess. */
export const RESPONSE_DEFINITION =
  'Response is the first human action after the declaration: the first status update, or the first message, reply or note ' +
  'by a person (not the bot or another app). It is measured from the declaration and compared with the response target ' +
  'of every severity the incident held.';

const RESPONSE_KINDS = new Set(['message', 'reply', 'note', 'status_update']);

/** When someone first acted after the declaration (see RESPONSE_DEFINITION), if anyone did. */
export function firstResponse(input: Pick<PostmortemInput, 'incident' | 'timeline'>): TimelineEntry | undefined {
  const declared = input.incident.declaredAt.getTime();
  return input.timeline.find((e) => RESPONSE_KINDS.has(e.kind) && byPerson(e) && !e.deletedAt && e.occurredAt.getTime() >= declared);
}

/** The severities the incident held, in order: the declared one, then each change. */
export function severitiesHeld(input: Pick<PostmortemInput, 'incident' | 'timeline'>): string[] {
  const declared = input.timeline.find((e) => e.kind === 'declared');
  const changes = input.timeline.filter((e) => e.kind === 'severity_changed');
  const first = str(declared ?? { data: {} }, 'severity') || str(changes[0] ?? { data: {} }, 'from') || input.incident.severity;
  return [...new Set([first, ...changes.map((e) => str(e, 'to')).filter(Boolean)])];
}

const isResolvedStatus = (status: string) => status.trim().toLowerCase() === RESOLVED.toLowerCase();
const since = (from: Date, to: Date | null | undefined) => (to ? formatDuration(to.getTime() - from.getTime()) : null);

function updateRows(input: PostmortemInput): MetricRow[] {
  const during = input.statusUpdates.filter((u) => !isResolvedStatus(u.status));
  const first = during[0];
  const declared = input.incident.declaredAt;
  const customer = during.filter((u) => u.audience === 'customer').length;
  const final = input.statusUpdates.length - during.length;
  return [
    first
      ? { label: 'Time to first status update', value: since(declared, first.postedAt) as string, note: `${clockTime(first.postedAt)} by ${personName(input.names, first.postedBy)}` }
      : { label: 'Time to first status update', value: 'none', note: 'no status update before resolution' },
    { label: 'Status updates', value: String(during.length), note: `${during.length - customer} internal, ${customer} for customers${final ? `; plus the final one on resolve` : ''}` },
  ];
}

function timeRows(input: PostmortemInput): MetricRow[] {
  const { incident } = input;
  const declared = incident.declaredAt;
  const response = firstResponse(input);
  return [
    incident.detectedAt
      ? { label: 'Time to declare', value: since(incident.detectedAt, declared) as string, note: `detected ${utcTime(incident.detectedAt)}` }
      : { label: 'Time to declare', value: 'not recorded', note: 'no detection time was given' },
    response
      ? { label: 'Time to first response', value: since(declared, response.occurredAt) as string, note: `${clockTime(response.occurredAt)} by ${personName(input.names, response.actorId)}` }
      : { label: 'Time to first response', value: 'none', note: 'nobody acted in the channel after the declaration' },
    ...updateRows(input),
    { label: 'Time to mitigation', value: since(declared, incident.mitigatedAt) ?? 'not mitigated', note: incident.mitigatedAt ? `at ${utcTime(incident.mitigatedAt)}` : '' },
    { label: 'Time to resolution', value: since(declared, incident.resolvedAt) ?? 'still open', note: incident.resolvedAt ? `at ${utcTime(incident.resolvedAt)}` : `as of ${utcTime(input.generatedAt)}` },
  ];
}

function countRows(input: PostmortemInput): MetricRow[] {
  const escalations = input.timeline.filter((e) => e.kind === 'escalated');
  const reopened = input.timeline.filter((e) => e.kind === 'reopened').length;
  const labels = escalations.map((e) => `${str(e, 'label') || 'escalation'} (${clockTime(e.occurredAt)})`);
  return [
    { label: 'Escalations', value: String(escalations.length), note: labels.join(', ') },
    ...(reopened ? [{ label: 'Reopened', value: plural(reopened, 'time'), note: '' }] : []),
  ];
}

/** The metrics table: times from detection and declaration, counts of updates and escalations. */
export function metricRows(input: PostmortemInput): MetricRow[] {
  return [...timeRows(input), ...countRows(input)];
}

/** Each severity the incident held, its response target and whether the first response met it. */
export function targetRows(input: PostmortemInput): TargetRow[] {
  const response = firstResponse(input);
  const took = response ? response.occurredAt.getTime() - input.incident.declaredAt.getTime() : null;
  return severitiesHeld(input).map((id) => {
    const minutes = input.config.severities.find((s) => s.id === id)?.response_target_minutes ?? null;
    if (minutes === null) return { severity: id, target: 'none', met: 'no target' };
    const target = formatDuration(minutes * 60_000);
    if (took === null) return { severity: id, target, met: 'missed: no response recorded' };
    const ms = minutes * 60_000;
    return { severity: id, target, met: took <= ms ? `met (${formatDuration(took)})` : `missed by ${formatDuration(took - ms)}` };
  });
}
