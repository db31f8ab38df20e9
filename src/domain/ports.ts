import type { CommandRunView, EvidencePackView } from './command-run';
import type { Incident, StatusUpdate } from './incident';
import type { Reminder } from './jobs';
import type { TimelineEntry } from './timeline';
import type { Runbook, StepState } from '../runbooks/types';

/** The time, as a port so tests drive it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Who may do something: listed users, or members of listed user groups. Empty lists mean everyone. */
export interface Audience {
  users: readonly string[];
  usergroups: readonly string[];
}

/** A role's description from the config, handed to whoever takes it. */
export interface RoleBrief {
  id: string;
  title: string;
  brief: string;
}

/**
 * Everything the incident flows need from the chat platform, in the domain's words. The Slack adapter
 * renders each of these with Block Kit; the flows never see a payload.
 */
export interface IncidentChat extends RunbookChat, PostmortemChat, CommandChat {
  /** Creates the incident's channel, or returns `taken` when a channel of that name exists. */
  createChannel(name: string, isPrivate: boolean): Promise<{ id: string; name: string } | 'taken'>;
  invite(channelId: string, userIds: string[]): Promise<void>;
  /** Posts and pins the header message in the incident channel; returns its ts. */
  postHeader(incident: Incident): Promise<string>;
  /** Announces the incident in the incidents channel; null when there is nowhere to announce. */
  announce(incident: Incident): Promise<{ channelId: string; ts: string } | null>;
  /** Brings the header, the channel topic and the announcement up to date with the incident. */
  refresh(incident: Incident): Promise<void>;
  /** Posts a line about what just happened in the incident channel (and, if public, in a thread of the announcement). */
  postEvent(incident: Incident, text: string, options?: { announce?: boolean }): Promise<void>;
  sendRoleBrief(incident: Incident, role: RoleBrief, userId: string): Promise<void>;
  /** Shows a timeline note in the incident channel for everyone; returns the message's ts. */
  postNote(incident: Incident, note: { text: string; authorId: string; isAction: boolean }): Promise<string>;
  /** Posts a status update where its audience should see it; returns the ts in the incident channel. */
  postStatusUpdate(incident: Incident, update: StatusUpdate): Promise<string>;
  isAllowed(userId: string, audience: Audience): Promise<boolean>;
  /**
   * Posts a reminder or escalation in the incident channel; returns its ts. On a retry it first looks for the
   * message an earlier attempt of the same job may have posted before it died, and returns that one instead.
   */
  postReminder(incident: Incident, reminder: Reminder, job: { id: number; retry: boolean }): Promise<string>;
}

/** What picking a matrix row tells the incident channel. */
export interface TriageNotice {
  rowId: string;
  symptom: string;
  likelyCause: string;
  runbookIds: string[];
  triagedBy: string;
  /** The row's usual severity when it differs from the incident's; null when they agree. */
  suggestedSeverity: string | null;
}

/** Runbooks in the incident channel: posted with their steps, then kept up to date as steps are ticked. */
export interface RunbookChat {
  postTriage(incident: Incident, notice: TriageNotice): Promise<void>;
  /** Posts the runbook (over several messages when long); returns the ts of each message. */
  postRunbook(incident: Incident, runbook: Runbook, progress: StepState[]): Promise<string[]>;
  /** Redraws the message at `messageTs`, the one holding `step`, with the steps' current state. */
  updateRunbook(incident: Incident, runbook: Runbook, progress: StepState[], at: { messageTs: string; step: number }): Promise<void>;
}

/** A message read back from a channel's history, in plain words (the postmortem's backfill). */
export interface HistoryMessage {
  ts: string;
  /** The thread's parent ts when this is a reply. */
  threadTs: string | null;
  userId: string | null;
  text: string;
  /** Posted by the bot itself (already on the timeline, or bookkeeping). */
  fromSelf: boolean;
  /** A deleted thread parent that Slack keeps as a tombstone for its replies. */
  deleted: boolean;
  editedTs: string | null;
  replyCount: number;
  latestReply: string | null;
  /** Emoji names people reacted with. */
  reactions: string[];
  pinned: boolean;
  /** Extras kept with a timeline entry, as live capture keeps them: broadcast, file names, another app's name. */
  data: Record<string, unknown>;
}

/** A postmortem draft to share in the incident channel and the announcement's thread. */
export interface SharedPostmortem {
  fileName: string;
  title: string;
  markdown: string;
  /** The stored copy's link; null when the artifact store failed and the uploaded file is the only copy. */
  link: string | null;
  /** Why the copy could not be stored, when it could not. */
  storeProblem: string | null;
  version: number;
}

/** Reading an incident channel back, and sharing the postmortem draft. */
export interface PostmortemChat {
  /** Every top-level message of the channel, oldest first, with the workspace's "https://…/archives" for links. */
  channelHistory(channelId: string): Promise<{ archiveUrl: string | null; messages: HistoryMessage[] }>;
  /** The replies of one thread, oldest first, without the parent. */
  threadReplies(channelId: string, threadTs: string): Promise<HistoryMessage[]>;
  /** The names people go by, for the ids given; ids that cannot be looked up are left out. */
  displayNames(userIds: string[]): Promise<Record<string, string>>;
  /** Uploads the draft to the incident channel and links it from the announcement's thread. */
  sharePostmortem(incident: Incident, draft: SharedPostmortem): Promise<void>;
}

/** Approved commands in the incident channel: one message per request that follows it to its result. */
export interface CommandChat {
  /** Posts (without `ts`) or updates (with it) the message of one command request; returns its ts. */
  showCommandRun(incident: Incident, view: CommandRunView, ts?: string | null): Promise<string>;
  /** Posts or updates the one summary message of an evidence pack; returns its ts. */
  showEvidencePack(incident: Incident, view: EvidencePackView, ts?: string | null): Promise<string>;
}

export type { TimelineEntry };

/** What was stored: where, how big, and the SHA-256 of the bytes (the evidence fingerprint). */
export interface StoredArtifact {
  key: string;
  size: number;
  sha256: string;
}

/** Where full command outputs and postmortems are kept: a local folder or an S3-compatible bucket. */
export interface ArtifactStore {
  put(key: string, body: Buffer | string, contentType: string): Promise<StoredArtifact>;
  get(key: string): Promise<Buffer>;
  /** A link people can open from Slack: presigned (S3) or a bot route guarded by a signed token (local). */
  link(key: string): Promise<string>;
}

/** How one remote command ended, in the runner's words. */
export interface RunnerResult {
  /** exited: the command finished by itself; timed_out / flooded: the runner killed it; failed: it never ran to the end. */
  outcome: 'exited' | 'timed_out' | 'flooded' | 'failed';
  exitCode: number | null;
  signal: string | null;
  durationMs: number;
  /** For `failed`: what went wrong and what to do, written for the person who asked. */
  message?: string;
}

/** Runs a rendered command line on a region's host (SSH), streaming its output; one connection per region, reused. */
export interface SshRunner {
  run(regionId: string, commandLine: string, options: { timeoutMs: number; maxOutputBytes: number; onOutput(chunk: Buffer): void }): Promise<RunnerResult>;
  /** Stops every running command and closes the connections. */
  close(): Promise<void>;
}
