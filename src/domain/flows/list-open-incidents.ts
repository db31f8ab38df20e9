import { listOpenIncidents } from '../../store/incidents';
import { latestEscalation } from '../../store/jobs';
import { latestStatusUpdate } from '../../store/status-updates';
import type { Incident } from '../incident';
import type { FlowDeps } from './deps';

/** An open incident with when its last status update went out (null when none has). */
export interface OpenIncident {
  incident: Incident;
  lastUpdateAt: Date | null;
  /** The label of the last escalation step it reached, if any. */
  escalation?: string | null;
}

/** Sorts incidents most severe first, in the config's ladder order (unknown levels last), then oldest first. */
export function bySeverityThenAge(ladder: readonly string[], incidents: Incident[]): Incident[] {
  const rank = (i: Incident) => (ladder.includes(i.severity) ? ladder.indexOf(i.severity) : ladder.length);
  return [...incidents].sort((a, b) => rank(a) - rank(b) || a.declaredAt.getTime() - b.declaredAt.getTime());
}

/** The open incidents, most severe then oldest first, each with the time of its last status update. */
export async function listOpenIncidentsBySeverity(deps: Pick<FlowDeps, 'db' | 'config'>): Promise<OpenIncident[]> {
  const ladder = deps.config.severities.map((s) => s.id);
  const sorted = bySeverityThenAge(ladder, await listOpenIncidents(deps.db));
  return Promise.all(
    sorted.map(async (incident) => ({
      incident,
      lastUpdateAt: (await latestStatusUpdate(deps.db, incident.id))?.postedAt ?? null,
      escalation: await latestEscalation(deps.db, incident.id),
    })),
  );
}
