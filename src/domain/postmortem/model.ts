import type { IncidentConfig } from '../../config/schema';
import type { Incident, StatusUpdate } from '../incident';
import type { TimelineEntry } from '../timeline';
import type { Names } from './format';

/** Everything a draft is assembled from; plain data, so assembly is a pure function. */
export interface PostmortemInput {
  config: Pick<IncidentConfig, 'severities' | 'roles' | 'statuses' | 'postmortem'>;
  incident: Incident;
  /** The whole timeline, oldest first. */
  timeline: readonly TimelineEntry[];
  statusUpdates: readonly StatusUpdate[];
  names: Names;
  /** "https://<team>.slack.com/archives", for links to messages; null when unknown (no links then). */
  archiveUrl: string | null;
  version: number;
  generatedAt: Date;
  generatedBy: string | null;
  /** Why the channel could not be read before assembling, if it could not. */
  backfillProblem: string | null;
}

/** One line of the draft's timeline, with the replies of its thread under it. */
export interface TimelineLine {
  /** "14:05", or "14:05–14:40" for a summary of several messages. */
  time: string;
  highlight: boolean;
  /** Who did it; empty for the bot's own bookkeeping and summaries. */
  actor: string;
  text: string;
  link: string | null;
  kind: 'event' | 'message' | 'summary' | 'bot';
  replies: TimelineLine[];
}

/** The lines of one UTC day. */
export interface TimelineDay {
  day: string;
  lines: TimelineLine[];
}

/** What the draft shows about the timeline itself: how much was condensed. */
export interface TimelineStats {
  entries: number;
  lines: number;
  summarisedMessages: number;
  highlights: number;
}

/** A metric as a row of the metrics table. */
export interface MetricRow {
  label: string;
  value: string;
  note: string;
}

/** The response target of one severity the incident held, and whether the response met it. */
export interface TargetRow {
  severity: string;
  target: string;
  met: string;
}

/** A label/value line of the header. */
export interface Field {
  label: string;
  value: string;
}

export interface ActionItem {
  text: string;
  owner: string;
  time: string;
  link: string | null;
}

export interface CommandRow {
  time: string;
  command: string;
  region: string;
  requestedBy: string;
  approvedBy: string;
  outcome: string;
  evidence: string;
  sha256: string;
}

export interface RunbookUsed {
  id: string;
  title: string;
  postedAt: string;
  steps: { step: number; title: string; done: boolean; by: string; time: string }[];
}

export interface TriageRow {
  time: string;
  by: string;
  symptom: string;
  likelyCause: string;
  runbook: string;
  suggestedSeverity: string;
}

export interface StatusRow {
  time: string;
  status: string;
  audience: string;
  by: string;
  impact: string;
  actions: string;
}

export interface BackfillNote {
  time: string;
  text: string;
}

/** The draft's content as the template sees it; every string is ready-to-print Markdown. */
export interface PostmortemDraft {
  key: string;
  title: string;
  version: number;
  generatedAt: string;
  generatedBy: string;
  header: Field[];
  severityChanges: string[];
  roles: Field[];
  participants: string;
  metrics: MetricRow[];
  responseDefinition: string;
  targets: TargetRow[];
  summary: string;
  description: string;
  impact: { time: string; status: string; text: string }[];
  impactEnded: string;
  rootCause: string;
  timeline: { days: TimelineDay[]; stats: TimelineStats; note: string };
  statusUpdates: StatusRow[];
  triage: TriageRow[];
  runbooks: RunbookUsed[];
  commands: CommandRow[];
  evidence: string[];
  actionItems: ActionItem[];
  runbookUpdates: string[];
  backfill: BackfillNote[];
  previousVersions: string[];
}
