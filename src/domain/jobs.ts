import { z } from 'zod';

/** What a job does when it falls due. */
export const JOB_KINDS = ['status_due', 'status_overdue', 'escalation_unresolved', 'escalation_no_update', 'commander_missing', 'postmortem_review'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** The jobs that follow the update cadence: re-planned when an update is posted, the severity changes or the incident reopens. */
export const CADENCE_KINDS: readonly JobKind[] = ['status_due', 'status_overdue', 'escalation_no_update'];
/** The cadence and the severity's ladder: what a severity change plans afresh. */
export const SEVERITY_KINDS: readonly JobKind[] = [...CADENCE_KINDS, 'escalation_unresolved'];

export type JobState = 'pending' | 'running' | 'done' | 'skipped' | 'failed' | 'cancelled';

/** A job to plan: `dedupeKey` names the step of the plan, so planning it twice stores it once. */
export interface NewJob {
  kind: JobKind;
  incidentId: number;
  dedupeKey: string;
  dueAt: Date;
  payload: Record<string, unknown>;
}

/** A job as stored. */
export interface Job extends NewJob {
  id: number;
  state: JobState;
  /** Claims so far, this one included; also the fencing token of the current claim. */
  attempts: number;
  claimedBy: string | null;
  messageTs: string | null;
  lastError: string | null;
}

/**
 * The window of the update cadence a status job belongs to: it starts when an update is posted (or the
 * incident is declared, reopened or re-rated) and ends with the next update.
 */
export const cadencePayload = z.object({
  severity: z.string(),
  window: z.string(),
  windowDueAt: z.iso.datetime(),
  lastUpdateId: z.number().int().nullable(),
});
export type CadencePayload = z.infer<typeof cadencePayload>;

export const escalationPayload = z.object({
  severity: z.string(),
  step: z.number().int(),
  label: z.string(),
  reason: z.enum(['unresolved', 'no_update']),
  afterMinutes: z.number(),
  notify: z.object({ users: z.array(z.string()), usergroups: z.array(z.string()) }),
  /** For no_update steps: the update that was the last one when the step was planned. */
  lastUpdateId: z.number().int().nullable().optional(),
});
export type EscalationPayload = z.infer<typeof escalationPayload>;

export const postmortemPayload = z.object({
  severity: z.string(),
  resolvedAt: z.iso.datetime(),
  businessDays: z.number().int(),
});

/** What the bot posts when a job fires; the chat adapter renders it. Durations are whole minutes. */
export type Reminder =
  | { kind: 'status_due'; jobId: number; severity: string; lastUpdateMinutesAgo: number | null; openMinutes: number; overdueMinutes: number | null; mention: string[] }
  | { kind: 'escalation'; severity: string; label: string; reason: 'unresolved' | 'no_update'; afterMinutes: number; notify: { users: string[]; usergroups: string[] } }
  | { kind: 'commander_missing'; openMinutes: number }
  | { kind: 'postmortem_review'; severity: string; resolvedAt: Date; businessDays: number; mention: string[] };

const RETRY_BASE_MS = 15_000;
const RETRY_MAX_MS = 10 * 60_000;

/** How long to wait before trying a failed job again: 15 s, 30 s, 1 min, … up to 10 min. */
export function retryDelayMs(attempts: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
}
