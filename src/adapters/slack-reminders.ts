import type { WebClient } from '@slack/web-api';
import type { Incident } from '../domain/incident';
import type { Reminder } from '../domain/jobs';
import { reminderMessage } from '../slack/blocks/reminder';

/** The metadata event type that marks a message as a job's, so a retry can find what an earlier attempt posted. */
export const JOB_MESSAGE_EVENT = 'incident_bot_job';
const LOOK_BACK = 200;

async function findJobMessage(client: WebClient, channel: string, jobId: number): Promise<string | undefined> {
  const res = await client.conversations.history({ channel, limit: LOOK_BACK, include_all_metadata: true });
  const mine = (res.messages ?? []).find((m) => {
    const meta = (m as { metadata?: { event_type?: string; event_payload?: { job_id?: unknown } } }).metadata;
    return meta?.event_type === JOB_MESSAGE_EVENT && String(meta.event_payload?.job_id) === String(jobId);
  });
  return mine?.ts;
}

/**
 * Posts a job's message in the incident channel, tagged with the job id. On a retry (an earlier claim of the job
 * may have posted and died before storing the ts) it looks for that message first and returns its ts instead.
 */
export async function postReminderOnce(client: WebClient, incident: Incident, reminder: Reminder, job: { id: number; retry: boolean }): Promise<string> {
  const channel = incident.channelId as string;
  const earlier = job.retry ? await findJobMessage(client, channel, job.id) : undefined;
  if (earlier) return earlier;
  const res = await client.chat.postMessage({
    ...reminderMessage(incident, reminder),
    channel,
    metadata: { event_type: JOB_MESSAGE_EVENT, event_payload: { job_id: String(job.id) } },
  });
  return res.ts as string;
}
