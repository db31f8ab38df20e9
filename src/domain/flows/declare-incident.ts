import { findSeverity } from '../../config/load';
import { addTimelineEntry } from '../../store/timeline';
import { assignRole, insertIncident, updateIncident } from '../../store/incidents';
import { incidentChannelName, withSuffix } from '../channel-name';
import { AppError } from '../errors';
import { replanTimers } from '../jobs-replan';
import { incidentKey, type Incident } from '../incident';
import type { FlowDeps } from './deps';

export const TITLE_MAX = 120;
const NAME_ATTEMPTS = 20;

export interface DeclareInput {
  /** The same key for the same request (a double click, a redelivery): one incident. */
  idempotencyKey: string;
  title: string;
  severity: string;
  description: string | null;
  symptom: string | null;
  isPrivate: boolean;
  declaredBy: string;
  /** Who leads it; the declarer unless they hand it on. */
  commanderId?: string;
}

export type DeclareResult = { incident: Incident; created: boolean };

/** Checks a title: present and short enough to read in a channel list. */
export function validateTitle(title: string): string | null {
  const t = title.trim();
  if (t === '') return 'Give the incident a title: what is broken, in a few words.';
  if (t.length > TITLE_MAX) return `The title is ${t.length} characters; keep it to ${TITLE_MAX} (put details in the description).`;
  return null;
}

async function createChannel(deps: FlowDeps, incident: Incident): Promise<{ id: string; name: string }> {
  const base = incidentChannelName(deps.config.channels.naming, { declaredAt: incident.declaredAt, title: incident.title, number: incident.id });
  for (let attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
    const created = await deps.chat.createChannel(attempt === 0 ? base : withSuffix(base, attempt), incident.isPrivate);
    if (created !== 'taken') return created;
  }
  throw new AppError('conflict', `Could not find a free channel name starting with ${base}; archive some old incident channels.`);
}

/**
 * Declares an incident: records it (once per idempotency key), opens its channel, makes the commander,
 * posts the pinned header, announces it and writes the first timeline entry.
 */
export async function declareIncident(deps: FlowDeps, input: DeclareInput): Promise<DeclareResult> {
  const titleProblem = validateTitle(input.title);
  if (titleProblem) throw new AppError('usage', titleProblem);
  const severity = findSeverity(deps.config, input.severity);
  if (!severity) throw new AppError('usage', `Unknown severity "${input.severity}".`);
  const allowed = deps.config.permissions?.declare;
  if (allowed && !(await deps.chat.isAllowed(input.declaredBy, allowed))) {
    throw new AppError('forbidden', 'You are not on the list of people who may declare incidents here; ask your incident commander or on-call lead.');
  }
  const now = deps.clock.now();
  const { incident, created } = await insertIncident(deps.db, {
    idempotencyKey: input.idempotencyKey,
    title: input.title.trim(),
    description: input.description?.trim() || null,
    severity: severity.id,
    status: deps.config.statuses[0].name,
    isPrivate: input.isPrivate,
    symptom: input.symptom,
    declaredBy: input.declaredBy,
    declaredAt: now,
  });
  if (!created) return { incident, created: false };

  const channel = await createChannel(deps, incident);
  const commander = input.commanderId ?? input.declaredBy;
  await assignRole(deps.db, { incidentId: incident.id, role: 'commander', userId: commander, by: input.declaredBy, at: now });
  let current = await updateIncident(deps.db, incident.id, { channelId: channel.id, channelName: channel.name });
  await addTimelineEntry(deps.db, {
    incidentId: incident.id,
    kind: 'declared',
    occurredAt: now,
    actorId: input.declaredBy,
    text: `${incidentKey(incident)} declared as ${severity.id}: ${current.title}`,
    data: { severity: severity.id, commander, isPrivate: input.isPrivate, symptom: input.symptom },
  });
  await replanTimers(deps, current, { event: 'declared' });
  await deps.chat.invite(channel.id, [...new Set([input.declaredBy, commander])]);
  const headerTs = await deps.chat.postHeader(current);
  const announcement = await deps.chat.announce(current);
  current = await updateIncident(deps.db, incident.id, {
    headerTs,
    announcementChannelId: announcement?.channelId ?? null,
    announcementTs: announcement?.ts ?? null,
  });
  await deps.chat.refresh(current);
  return { incident: current, created: true };
}
