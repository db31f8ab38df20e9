import type { IncidentConfig } from '../config/schema';
import { incidentKey, isOpen, type Incident, type StatusUpdate } from './incident';
import { cadencePayload, escalationPayload, postmortemPayload, type CadencePayload, type Job, type NewJob, type Reminder } from './jobs';
import { cadenceMinutes, minutesAfter, minutesBetween, noUpdateLadder, planAfterUpdate, statusDueJob } from './jobs-plan';

type Config = Pick<IncidentConfig, 'severities' | 'reminders'>;

/** What a job finds when it fires. */
export interface FireFacts {
  incident: Incident;
  latestUpdate: StatusUpdate | undefined;
  now: Date;
  /** For an overdue mention: a regular reminder of the same window is due too (after a pause), and will mention. */
  statusReminderDue?: boolean;
}

/** The timeline entry that records a posted reminder, completed with the message's ts. */
export interface FireRecord {
  kind: 'reminder' | 'escalated';
  text: string;
  data: (messageTs: string) => Record<string, unknown>;
}

/** What to do: post `reminder` (unless `skip` says why not), record it, and plan what follows. */
export interface FireDecision {
  skip: string | null;
  reminder: Reminder;
  record: FireRecord;
  followUps: NewJob[];
}

/** The roles a late status update concerns, as the users who hold them. */
const UPDATE_ROLES = ['commander', 'comms'];
const holders = (incident: Incident, roles: string[]) => [...new Set(roles.map((r) => incident.roles[r]).filter((u): u is string => Boolean(u)))];

const reminderRecord = (kind: 'status_due' | 'commander_missing' | 'postmortem_review', text: string): FireRecord => ({
  kind: 'reminder',
  text,
  data: (messageTs) => ({ kind, messageTs }),
});

const UPDATE_SINCE = 'an update was posted since';

function statusSkip(config: Config, p: CadencePayload, f: FireFacts): string | null {
  if (!isOpen(f.incident)) return 'the incident is resolved';
  if (cadenceMinutes(config, f.incident.severity) === null || f.incident.severity !== p.severity) return 'the severity changed';
  if ((f.latestUpdate?.id ?? null) !== p.lastUpdateId) return UPDATE_SINCE;
  return null;
}

function statusJob(config: Config, job: Job, f: FireFacts): FireDecision {
  const p = cadencePayload.parse(job.payload);
  const { incident, now } = f;
  const overdue = minutesBetween(new Date(p.windowDueAt), now);
  const late = job.kind === 'status_overdue' || overdue >= config.reminders.grace_minutes;
  const reminder: Reminder = {
    kind: 'status_due',
    jobId: job.id,
    severity: incident.severity,
    lastUpdateMinutesAgo: f.latestUpdate ? minutesBetween(f.latestUpdate.postedAt, now) : null,
    openMinutes: minutesBetween(incident.declaredAt, now),
    // Within the grace period the reminder stays quiet; past it, it says by how much and calls the roles in.
    overdueMinutes: late ? overdue : null,
    mention: late ? holders(incident, UPDATE_ROLES) : [],
  };
  const decision = { reminder, record: reminderRecord('status_due', `Status update reminder for ${incidentKey(incident)}${late ? ` (${overdue} min overdue)` : ''}`) };
  const skip = statusSkip(config, p, f);
  // When an update came in since, its own plan is normally made already; planning it again here is then a no-op.
  if (skip === UPDATE_SINCE) return { ...decision, skip, followUps: f.latestUpdate ? planAfterUpdate(config, incident, f.latestUpdate) : [] };
  if (skip) return { ...decision, skip, followUps: [] };
  if (job.kind === 'status_overdue') return { ...decision, skip: f.statusReminderDue ? 'the regular reminder is due too' : null, followUps: [] };
  // The next reminder counts from now, not from the old due time: a restart after a long pause posts one reminder.
  const next = statusDueJob(incident.id, p, minutesAfter(now, cadenceMinutes(config, incident.severity) as number), `${p.window}:after:${job.id}`);
  const grace: NewJob[] = late ? [] : [
    { kind: 'status_overdue', incidentId: incident.id, dedupeKey: `${p.window}:grace`, dueAt: minutesAfter(new Date(p.windowDueAt), config.reminders.grace_minutes), payload: p },
  ];
  return { ...decision, skip: null, followUps: [next, ...grace, ...noUpdateLadder(config, incident, p)] };
}

function escalationJob(job: Job, f: FireFacts): FireDecision {
  const p = escalationPayload.parse(job.payload);
  const { incident } = f;
  const reminder: Reminder = { kind: 'escalation', severity: p.severity, label: p.label, reason: p.reason, afterMinutes: p.afterMinutes, notify: p.notify };
  const why = p.reason === 'unresolved' ? `unresolved after ${p.afterMinutes} min` : `no status update ${p.afterMinutes} min after one was due`;
  const record: FireRecord = {
    kind: 'escalated',
    text: `Escalated: ${p.label} (${why})`,
    data: () => ({ label: p.label, reason: p.reason, afterMinutes: p.afterMinutes, notified: { users: p.notify.users, usergroups: p.notify.usergroups } }),
  };
  let skip: string | null = null;
  if (!isOpen(incident)) skip = 'the incident is resolved';
  else if (incident.severity !== p.severity) skip = 'the severity changed';
  else if (p.reason === 'no_update' && (f.latestUpdate?.id ?? null) !== (p.lastUpdateId ?? null)) skip = UPDATE_SINCE;
  return { skip, reminder, record, followUps: [] };
}

function commanderJob(f: FireFacts): FireDecision {
  const { incident } = f;
  const skip = !isOpen(incident) ? 'the incident is resolved' : incident.roles.commander ? 'a commander is assigned' : null;
  const reminder: Reminder = { kind: 'commander_missing', openMinutes: minutesBetween(incident.declaredAt, f.now) };
  return { skip, reminder, record: reminderRecord('commander_missing', `Nobody is incident commander of ${incidentKey(incident)}`), followUps: [] };
}

function postmortemJob(job: Job, f: FireFacts): FireDecision {
  const p = postmortemPayload.parse(job.payload);
  const { incident } = f;
  const reminder: Reminder = { kind: 'postmortem_review', severity: p.severity, resolvedAt: new Date(p.resolvedAt), businessDays: p.businessDays, mention: holders(incident, ['commander']) };
  const skip = isOpen(incident) ? 'the incident was reopened' : null;
  return { skip, reminder, record: reminderRecord('postmortem_review', `Postmortem review due for ${incidentKey(incident)}`), followUps: [] };
}

/** Decides what a job does when it fires, re-checking its condition against what is true now. */
export function decideJob(config: Config, job: Job, facts: FireFacts): FireDecision {
  switch (job.kind) {
    case 'status_due':
    case 'status_overdue':
      return statusJob(config, job, facts);
    case 'escalation_unresolved':
    case 'escalation_no_update':
      return escalationJob(job, facts);
    case 'commander_missing':
      return commanderJob(facts);
    case 'postmortem_review':
      return postmortemJob(job, facts);
  }
}
