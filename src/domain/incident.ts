/** What the bot knows about one incident; plain data, no Slack types. */
export interface Incident {
  id: number;
  title: string;
  description: string | null;
  severity: string;
  status: string;
  isPrivate: boolean;
  symptom: string | null;
  channelId: string | null;
  channelName: string | null;
  headerTs: string | null;
  announcementChannelId: string | null;
  announcementTs: string | null;
  declaredBy: string;
  declaredAt: Date;
  detectedAt: Date | null;
  mitigatedAt: Date | null;
  resolvedAt: Date | null;
  resolution: Resolution | null;
  /** Role id (commander, comms, scribe, …) to the user holding it. */
  roles: Record<string, string>;
}

/** What the resolve form records. */
export interface Resolution {
  summary: string;
  rootCause: string | null;
  impactEndedAt: string | null;
  resolvedBy: string;
}

/** One status update as posted. */
export interface StatusUpdate {
  id: number;
  incidentId: number;
  status: string;
  impact: string;
  currentActions: string;
  nextUpdateMinutes: number | null;
  audience: 'internal' | 'customer';
  postedBy: string;
  postedAt: Date;
}

/** The name people use for an incident: INC-42. */
export function incidentKey(incident: Pick<Incident, 'id'> | number): string {
  return `INC-${typeof incident === 'number' ? incident : incident.id}`;
}

export const RESOLVED = 'Resolved';

/** True while the incident is open. */
export function isOpen(incident: Pick<Incident, 'resolvedAt'>): boolean {
  return incident.resolvedAt === null;
}
