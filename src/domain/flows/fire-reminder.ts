import { getIncident } from '../../store/incidents';
import { insertJobs, recordJobMessage, statusReminderDue } from '../../store/jobs';
import { latestStatusUpdate } from '../../store/status-updates';
import { addTimelineEntry } from '../../store/timeline';
import type { Incident } from '../incident';
import type { Job } from '../jobs';
import { decideJob, type FireDecision } from '../jobs-fire';
import type { FlowDeps } from './deps';

/** What firing a job needs: the config, the database, the chat port and the clock. */
export type ReminderDeps = Pick<FlowDeps, 'config' | 'db' | 'chat' | 'clock'>;

/** What a fired job did: posted its message, or found its condition no longer true. */
export type FireOutcome = { posted: true; messageTs: string } | { posted: false; reason: string };

async function post(deps: ReminderDeps, incident: Incident, job: Job, decision: FireDecision): Promise<string> {
  // A crash after this post and before the job is done must not post again: the ts is stored first.
  const ts = await deps.chat.postReminder(incident, decision.reminder, { id: job.id, retry: job.attempts > 1 });
  await recordJobMessage(deps.db, job.id, ts);
  return ts;
}

/**
 * Fires a claimed job: re-checks its condition (incident still open, no update since, no commander yet, …),
 * posts its reminder or escalation once, puts it on the timeline and plans what follows. A job whose message
 * went out on an earlier attempt only finishes the recording.
 */
export async function fireReminder(deps: ReminderDeps, job: Job): Promise<FireOutcome> {
  const incident = await getIncident(deps.db, job.incidentId);
  if (!incident) return { posted: false, reason: 'the incident no longer exists' };
  const now = deps.clock.now();
  const window = job.kind === 'status_overdue' ? String(job.payload.window) : null;
  const facts = {
    incident,
    now,
    latestUpdate: await latestStatusUpdate(deps.db, incident.id),
    statusReminderDue: window !== null && (await statusReminderDue(deps.db, incident.id, window, now)),
  };
  const decision = decideJob(deps.config, job, facts);
  // What follows is planned first, so that a post that keeps failing does not end the cadence. Planning is
  // idempotent (dedupe keys), as is the entry below (it carries the message's ts): a retry adds nothing twice.
  await insertJobs(deps.db, decision.followUps, now);
  if (decision.skip !== null && job.messageTs === null) return { posted: false, reason: decision.skip };
  const messageTs = job.messageTs ?? (await post(deps, incident, job, decision));
  await addTimelineEntry(deps.db, {
    incidentId: incident.id,
    kind: decision.record.kind,
    occurredAt: now,
    actorId: null,
    text: decision.record.text,
    slackTs: messageTs,
    data: decision.record.data(messageTs),
  });
  return { posted: true, messageTs };
}
