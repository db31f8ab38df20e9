import { AppError } from '../domain/errors';
import { incidentKey, type Incident } from '../domain/incident';
import { findIncidentByChannel, listOpenIncidents } from '../store/incidents';
import type { Db } from '../db/db';

/** The incident whose channel the command was typed in; otherwise an error that says where to go. */
export async function requireIncidentChannel(db: Db, channelId: string, usage: string): Promise<Incident> {
  const incident = await findIncidentByChannel(db, channelId);
  if (incident) return incident;
  const open = (await listOpenIncidents(db)).filter((i) => !i.isPrivate && i.channelId);
  const where = open.length
    ? ` Open incidents: ${open.slice(0, 10).map((i) => `${incidentKey(i)} <#${i.channelId}>`).join(', ')}.`
    : ' There is no open incident; declare one with `/incident declare`.';
  throw new AppError('not_in_incident_channel', `\`${usage}\` works inside an incident channel.${where}`);
}
