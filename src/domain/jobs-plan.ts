import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { IncidentConfig, Severity } from '../config/schema';
import type { Incident, StatusUpdate } from './incident';
import type { CadencePayload, EscalationPayload, NewJob } from './jobs';

dayjs.extend(utc);
dayjs.extend(timezone);

type Config = Pick<IncidentConfig, 'severities' | 'reminders'>;

/** `minutes` after `from`. */
export const minutesAfter = (from: Date, minutes: number): Date => new Date(from.getTime() + minutes * 60_000);

/** Whole minutes from `from` to `to` (0 when `to` is earlier). */
export const minutesBetween = (from: Date, to: Date): number => Math.max(0, Math.floor((to.getTime() - from.getTime()) / 60_000));

function severityOf(config: Config, id: string): Severity | undefined {
  return config.severities.find((s) => s.id === id);
}

/** The severity's update cadence in minutes, or null when it expects no scheduled updates. */
export function cadenceMinutes(config: Config, severity: string): number | null {
  return severityOf(config, severity)?.update_every_minutes ?? null;
}

/** A status reminder of a cadence window, due at `dueAt`. */
export function statusDueJob(incidentId: number, cadence: CadencePayload, dueAt: Date, dedupeKey: string): NewJob {
  return { kind: 'status_due', incidentId, dedupeKey, dueAt, payload: cadence };
}

function escalationJob(incident: Incident, severity: Severity, step: number, dueAt: Date, dedupeKey: string, lastUpdateId?: number | null): NewJob {
  const s = severity.escalation[step];
  const payload: EscalationPayload = {
    severity: severity.id,
    step,
    label: s.label,
    reason: s.reason,
    afterMinutes: s.after_minutes,
    notify: { users: [...s.notify.users], usergroups: [...s.notify.usergroups] },
    ...(s.reason === 'no_update' ? { lastUpdateId: lastUpdateId ?? null } : {}),
  };
  return { kind: s.reason === 'unresolved' ? 'escalation_unresolved' : 'escalation_no_update', incidentId: incident.id, dedupeKey, dueAt, payload };
}

/** The severity's "unresolved" escalation steps, counted from `anchor`. */
export function unresolvedLadder(config: Config, incident: Incident, anchor: Date, window: string): NewJob[] {
  const severity = severityOf(config, incident.severity);
  if (!severity) return [];
  return severity.escalation.flatMap((step, i) =>
    step.reason === 'unresolved' ? [escalationJob(incident, severity, i, minutesAfter(anchor, step.after_minutes), `${window}:step${i}`)] : [],
  );
}

/** The severity's "no_update" escalation steps of a cadence window, counted from when its update fell due. */
export function noUpdateLadder(config: Config, incident: Incident, cadence: CadencePayload): NewJob[] {
  const severity = severityOf(config, cadence.severity);
  if (!severity) return [];
  const dueAt = new Date(cadence.windowDueAt);
  return severity.escalation.flatMap((step, i) =>
    step.reason === 'no_update'
      ? [escalationJob(incident, severity, i, minutesAfter(dueAt, step.after_minutes), `${cadence.window}:step${i}`, cadence.lastUpdateId)]
      : [],
  );
}

/** The first reminder of a new cadence window: `minutes` after `from`, or nothing when the severity has no cadence. */
export function openWindow(config: Config, incident: Incident, w: { window: string; from: Date; minutes: number | null; lastUpdateId: number | null }): NewJob[] {
  if (cadenceMinutes(config, incident.severity) === null || w.minutes === null) return [];
  const dueAt = minutesAfter(w.from, w.minutes);
  const payload: CadencePayload = { severity: incident.severity, window: w.window, windowDueAt: dueAt.toISOString(), lastUpdateId: w.lastUpdateId };
  return [statusDueJob(incident.id, payload, dueAt, w.window)];
}

/** After an update: the next reminder follows its "next update in", else the cadence. */
export function planAfterUpdate(config: Config, incident: Incident, update: Pick<StatusUpdate, 'id' | 'postedAt' | 'nextUpdateMinutes'>): NewJob[] {
  const minutes = update.nextUpdateMinutes ?? cadenceMinutes(config, incident.severity);
  return openWindow(config, incident, { window: `update:${update.id}`, from: update.postedAt, minutes, lastUpdateId: update.id });
}

/** A plan from scratch at `now` (declared, reopened, re-rated): cadence and ladder, and the commander check if asked. */
export function planFromNow(config: Config, incident: Incident, p: { window: string; now: Date; lastUpdateId: number | null; commanderNudge: boolean }): NewJob[] {
  const cadence = openWindow(config, incident, { window: p.window, from: p.now, minutes: cadenceMinutes(config, incident.severity), lastUpdateId: p.lastUpdateId });
  const nudge: NewJob = {
    kind: 'commander_missing',
    incidentId: incident.id,
    dedupeKey: p.window,
    dueAt: minutesAfter(p.now, config.reminders.commander_nudge_after_minutes),
    payload: {},
  };
  return [...cadence, ...unresolvedLadder(config, incident, p.now, p.window), ...(p.commanderNudge ? [nudge] : [])];
}

/** `days` business days (Monday to Friday) after `from`, at the same time of day in the given time zone. */
export function addBusinessDays(from: Date, days: number, tz: string): Date {
  let d = dayjs(from).tz(tz);
  for (let left = days; left > 0; ) {
    d = d.add(1, 'day');
    if (d.day() !== 0 && d.day() !== 6) left -= 1;
  }
  return d.toDate();
}

/** The postmortem review reminder of a resolved incident, when its severity sets a due date. */
export function postmortemReview(config: Config, incident: Incident, resolvedAt: Date): NewJob[] {
  const days = severityOf(config, incident.severity)?.postmortem_due_business_days ?? null;
  if (days === null) return [];
  const dueAt = addBusinessDays(resolvedAt, days, config.reminders.business_days_timezone);
  const payload = { severity: incident.severity, resolvedAt: resolvedAt.toISOString(), businessDays: days };
  return [{ kind: 'postmortem_review', incidentId: incident.id, dedupeKey: `resolved:${payload.resolvedAt}`, dueAt, payload }];
}
