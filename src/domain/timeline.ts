/** Kinds of timeline entry: captured from the channel, or recorded by the bot as it acts. */
export type TimelineKind =
  | 'message'
  | 'reply'
  | 'note'
  | 'declared'
  | 'severity_changed'
  | 'role_assigned'
  | 'status_update'
  | 'resolved'
  | 'reopened'
  | 'triaged'
  | 'runbook_posted'
  | 'runbook_step'
  | 'reminder'
  | 'escalated'
  | 'command_requested'
  | 'command_approved'
  | 'command_denied'
  | 'command_finished'
  | 'evidence_captured'
  | 'postmortem'
  | 'backfilled';

/** One line of what happened in an incident. */
export interface TimelineEntry {
  id: number;
  incidentId: number;
  kind: TimelineKind | string;
  occurredAt: Date;
  actorId: string | null;
  text: string;
  slackTs: string | null;
  threadTs: string | null;
  originalText: string | null;
  editedAt: Date | null;
  deletedAt: Date | null;
  highlighted: boolean;
  data: Record<string, unknown>;
}

/** Slack's ts ("1700000000.000100") as a Date. */
export function dateFromSlackTs(ts: string): Date {
  return new Date(Math.round(Number(ts) * 1000));
}
