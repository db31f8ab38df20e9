import { loadIncidentConfig } from '../../../src/config/load';
import type { Incident, StatusUpdate } from '../../../src/domain/incident';
import type { PostmortemInput } from '../../../src/domain/postmortem/model';
import type { TimelineEntry } from '../../../src/domain/timeline';

export const config = loadIncidentConfig('incident.config.yml');
export const T0 = new Date('2025-03-14T09:58:00.000Z');
export const ANA = 'U0ANA';
export const BEN = 'U0BEN';
export const CARA = 'U0CARA';
export const NAMES = { [ANA]: 'Ana Ortiz', [BEN]: 'Ben Okafor', [CARA]: 'Cara Lind' };
export const ARCHIVE = 'https://acme.slack.com/archives';
export const CHANNEL = 'C0INC';

/** A time `minutes` after the declaration. */
export const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
/** Slack's ts for a time `minutes` after the declaration (plus `micros` to keep them apart). */
export const tsAt = (minutes: number, micros = 0) => `${Math.floor(at(minutes).getTime() / 1000)}.${String(micros).padStart(6, '0')}`;

export function incident(patch: Partial<Incident> = {}): Incident {
  return {
    id: 42, title: 'Checkout API 5xx', description: 'Checkout answers 502 for a third of requests', severity: 'SEV-1', status: 'Resolved',
    isPrivate: false, symptom: null, channelId: CHANNEL, channelName: 'inc-20250314-checkout-api-5xx', headerTs: null,
    announcementChannelId: null, announcementTs: null, declaredBy: ANA, declaredAt: T0, detectedAt: null,
    mitigatedAt: at(40), resolvedAt: at(62), roles: { commander: ANA, comms: BEN },
    resolution: { summary: 'Rolled back deploy 4812; checkout is healthy.', rootCause: 'A connection pool of 5 in deploy 4812', impactEndedAt: at(41).toISOString(), resolvedBy: ANA },
    ...patch,
  };
}

let nextId = 1;
/** A timeline entry; `minutes` after the declaration. */
export function entry(kind: string, minutes: number, patch: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    id: nextId++, incidentId: 42, kind, occurredAt: at(minutes), actorId: null, text: '', slackTs: null, threadTs: null,
    originalText: null, editedAt: null, deletedAt: null, highlighted: false, data: {}, ...patch,
  };
}

/** A message someone posted `minutes` after the declaration. */
export function message(minutes: number, actorId: string, text: string, patch: Partial<TimelineEntry> = {}): TimelineEntry {
  return entry('message', minutes, { actorId, text, slackTs: tsAt(minutes, nextId), ...patch });
}

/** A reply in the thread of `parent`. */
export function reply(parent: TimelineEntry, minutes: number, actorId: string, text: string, patch: Partial<TimelineEntry> = {}): TimelineEntry {
  return entry('reply', minutes, { actorId, text, slackTs: tsAt(minutes, nextId), threadTs: parent.slackTs, ...patch });
}

export function update(minutes: number, status: string, impact: string, patch: Partial<StatusUpdate> = {}): StatusUpdate {
  return { id: nextId++, incidentId: 42, status, impact, currentActions: 'Rolling back\nWatching errors', nextUpdateMinutes: 15, audience: 'internal', postedBy: BEN, postedAt: at(minutes), ...patch };
}

/** Everything assembly needs, around the given timeline. */
export function input(timeline: TimelineEntry[], patch: Partial<PostmortemInput> = {}): PostmortemInput {
  return {
    config, incident: incident(), timeline, statusUpdates: [], names: NAMES, archiveUrl: ARCHIVE, version: 1,
    generatedAt: at(63), generatedBy: ANA, backfillProblem: null, ...patch,
  };
}
