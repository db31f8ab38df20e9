import type { Incident, StatusUpdate } from './incident';
import type { TimelineEntry } from './timeline';

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
export interface IncidentChat {
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
