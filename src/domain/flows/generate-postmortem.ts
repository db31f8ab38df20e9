import { createHash } from 'node:crypto';
import { getIncident } from '../../store/incidents';
import { completePostmortem, reservePostmortemVersion } from '../../store/postmortems';
import { listStatusUpdates } from '../../store/status-updates';
import { addTimelineEntry, fullTimeline } from '../../store/timeline';
import { AppError } from '../errors';
import { incidentKey, type Incident, type StatusUpdate } from '../incident';
import { assemblePostmortem } from '../postmortem/assemble';
import { postmortemFileName, postmortemKey } from '../postmortem/key';
import type { TimelineEntry } from '../timeline';
import { backfillChannel } from './backfill-channel';
import type { StoredArtifact } from '../ports';
import type { FlowDeps } from './deps';

export interface GenerateInput {
  incidentId: number;
  /** Who asked (null when the bot writes it on resolve by itself). */
  requestedBy: string | null;
}

/** A stored version of the draft: where it is, its link and fingerprint, and what reading the channel back found. */
export interface GeneratedPostmortem {
  version: number;
  /** Where the draft is stored, and its link: both null when the artifact store failed (see storeProblem). */
  key: string | null;
  fileName: string;
  link: string | null;
  sha256: string;
  /** Why the artifact store did not take the draft; it was still posted to the channel. */
  storeProblem: string | null;
  backfilled: number;
  backfillProblem: string | null;
}

const MENTION = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g;

// Everyone the draft names: actors, role holders, approvers, people notified or mentioned.
function peopleIn(incident: Incident, timeline: readonly TimelineEntry[], updates: readonly StatusUpdate[]): string[] {
  const ids = new Set<string>([incident.declaredBy, ...Object.values(incident.roles), ...updates.map((u) => u.postedBy)]);
  const add = (v: unknown) => typeof v === 'string' && /^[UW][A-Z0-9]+$/.test(v) && ids.add(v);
  for (const e of timeline) {
    add(e.actorId);
    for (const key of ['userId', 'previous', 'approvedBy', 'approver']) add(e.data[key]);
    const notified = e.data.notified as { users?: unknown[] } | undefined;
    notified?.users?.forEach(add);
    for (const [, id] of e.text.matchAll(MENTION)) ids.add(id);
  }
  return [...ids];
}

async function render(deps: FlowDeps, incidentId: number, version: number, input: GenerateInput, backfill: { archiveUrl: string | null; problem: string | null }) {
  const [incident, timeline, statusUpdates] = await Promise.all([getIncident(deps.db, incidentId), fullTimeline(deps.db, incidentId), listStatusUpdates(deps.db, incidentId)]);
  const current = incident as Incident;
  const names = await deps.chat.displayNames(peopleIn(current, timeline, statusUpdates));
  const draft = assemblePostmortem({
    config: deps.config,
    incident: current,
    timeline,
    statusUpdates,
    names,
    archiveUrl: backfill.archiveUrl,
    version,
    generatedAt: deps.clock.now(),
    generatedBy: input.requestedBy,
    backfillProblem: backfill.problem,
  });
  return { incident: current, markdown: `${deps.renderPostmortem(draft)}\n` };
}

/**
 * Puts the draft in the artifact store and records it. When the store fails (an S3 endpoint down), the draft is
 * still posted: the version stays without a key, and the problem is reported instead of the link.
 */
async function storeDraft(deps: FlowDeps, incidentId: number, version: number, key: string, markdown: string): Promise<{ key: string | null; link: string | null; sha256: string; problem: string | null }> {
  let stored: StoredArtifact;
  try {
    stored = await deps.artifacts.put(key, markdown, 'text/markdown; charset=utf-8');
  } catch (err) {
    return { key: null, link: null, sha256: createHash('sha256').update(markdown, 'utf8').digest('hex'), problem: err instanceof Error ? err.message : String(err) };
  }
  await completePostmortem(deps.db, incidentId, version, stored);
  return { key, link: await deps.artifacts.link(key), sha256: stored.sha256, problem: null };
}

/**
 * Writes a new version of an incident's postmortem draft: reads the channel back for anything the bot missed,
 * assembles the draft from the timeline, stores it as `postmortems/<date>-inc-<n>-<slug>[-v<n>].md`, records it
 * (table and timeline), uploads it to the incident channel and links it from the announcement's thread.
 */
export async function generatePostmortem(deps: FlowDeps, input: GenerateInput): Promise<GeneratedPostmortem> {
  const before = await getIncident(deps.db, input.incidentId);
  if (!before) throw new AppError('not_found', `${incidentKey(input.incidentId)} does not exist; check the incident number.`);
  if (!before.channelId) throw new AppError('conflict', `${incidentKey(before)} has no channel yet, so there is no timeline to write a postmortem from.`);
  const backfill = await backfillChannel(deps, before);
  const version = await reservePostmortemVersion(deps.db, before.id, input.requestedBy, deps.clock.now());
  const { incident, markdown } = await render(deps, before.id, version, input, backfill);
  const key = postmortemKey(incident, version);
  const kept = await storeDraft(deps, incident.id, version, key, markdown);
  await addTimelineEntry(deps.db, {
    incidentId: incident.id,
    kind: 'postmortem',
    occurredAt: deps.clock.now(),
    actorId: input.requestedBy,
    text: kept.problem === null ? `Postmortem draft v${version} written: ${key}` : `Postmortem draft v${version} posted; the artifact store did not take it: ${kept.problem}`,
    data: { version, key: kept.key, link: kept.link, sha256: kept.sha256 },
  });
  const fileName = postmortemFileName(incident, version);
  await deps.chat.sharePostmortem(incident, {
    fileName, title: `${incidentKey(incident)} postmortem draft v${version}: ${incident.title}`, markdown, link: kept.link, storeProblem: kept.problem, version,
  });
  return { version, key: kept.key, fileName, link: kept.link, sha256: kept.sha256, storeProblem: kept.problem, backfilled: backfill.inserted, backfillProblem: backfill.problem };
}

/** The first draft, written on resolve; when it fails, the channel hears how to try again, and the error goes on. */
export async function draftPostmortemOnResolve(deps: FlowDeps, incident: Incident, resolvedBy: string): Promise<GeneratedPostmortem> {
  try {
    return await generatePostmortem(deps, { incidentId: incident.id, requestedBy: resolvedBy });
  } catch (err) {
    const why = err instanceof AppError ? err.message : 'an unexpected error, logged for the operators';
    const text = `:warning: The postmortem draft for ${incidentKey(incident)} could not be written or posted (${why}). \`/incident postmortem\` tries again.`;
    // The draft's own error is the one worth reporting; a failure to say so must not replace it.
    await deps.chat.postEvent(incident, text).catch(() => undefined);
    throw err;
  }
}
