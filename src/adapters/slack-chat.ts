import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { IncidentConfig } from '../config/schema';
import { incidentKey, type Incident, type StatusUpdate } from '../domain/incident';
import type { Audience, IncidentChat, RoleBrief } from '../domain/ports';
import { announcementMessage } from '../slack/blocks/announcement';
import { incidentHeaderMessage, incidentTopic } from '../slack/blocks/incident-header';
import { renderStatusText, statusUpdateMessage } from '../slack/blocks/status-update';
import { noteMessage } from '../slack/blocks/timeline';
import type { Templates } from '../slack/templates';
import { resolveChannelId } from './slack-channels';
import { slackCommandChat } from './slack-command-chat';
import { slackPostmortemChat } from './slack-postmortem';
import { slackRunbookChat } from './slack-runbook-chat';
import { postReminderOnce } from './slack-reminders';

const slackError = (err: unknown) => (err as { data?: { error?: string } }).data?.error;

/** The IncidentChat port on Slack's Web API: every message rendered with the pure builders in src/slack/blocks. */
export function slackIncidentChat(client: WebClient, config: IncidentConfig, templates: Templates, logger: Logger): IncidentChat {
  const incidentsChannel = () => resolveChannelId(client, config.channels.incidents_channel);
  return {
    ...slackPostmortemChat(client, logger),
    ...slackRunbookChat(client),
    ...slackCommandChat(client),
    async createChannel(name, isPrivate) {
      try {
        const res = await client.conversations.create({ name, is_private: isPrivate });
        return { id: res.channel?.id as string, name: res.channel?.name as string };
      } catch (err) {
        if (slackError(err) === 'name_taken') return 'taken';
        throw err;
      }
    },
    async invite(channelId, userIds) {
      try {
        await client.conversations.invite({ channel: channelId, users: userIds.join(',') });
      } catch (err) {
        // The bot itself, or someone already there, is not a failure worth stopping a declaration for.
        if (!['already_in_channel', 'cant_invite_self'].includes(slackError(err) ?? '')) throw err;
      }
    },
    async postHeader(incident) {
      const res = await client.chat.postMessage({ ...incidentHeaderMessage(config, incident), channel: incident.channelId as string });
      await client.pins.add({ channel: incident.channelId as string, timestamp: res.ts as string });
      return res.ts as string;
    },
    async announce(incident) {
      const channel = await incidentsChannel();
      if (!channel) {
        logger.warn(`incidents channel ${config.channels.incidents_channel} not found; ${incidentKey(incident)} not announced`);
        return null;
      }
      const res = await client.chat.postMessage({ ...announcementMessage(templates, config, incident), channel });
      return { channelId: channel, ts: res.ts as string };
    },
    async refresh(incident) {
      const channelId = incident.channelId as string;
      await client.conversations.setTopic({ channel: channelId, topic: incidentTopic(incident) });
      if (incident.headerTs) await client.chat.update({ ...incidentHeaderMessage(config, incident), channel: channelId, ts: incident.headerTs });
      if (incident.announcementChannelId && incident.announcementTs) {
        await client.chat.update({ ...announcementMessage(templates, config, incident), channel: incident.announcementChannelId, ts: incident.announcementTs });
      }
    },
    async postEvent(incident, text, options = {}) {
      await client.chat.postMessage({ channel: incident.channelId as string, text });
      if (options.announce && !incident.isPrivate && incident.announcementChannelId && incident.announcementTs) {
        await client.chat.postMessage({ channel: incident.announcementChannelId, thread_ts: incident.announcementTs, text });
      }
    },
    async postNote(incident, note) {
      const res = await client.chat.postMessage({ ...noteMessage(note), channel: incident.channelId as string });
      return res.ts as string;
    },
    async sendRoleBrief(incident, role: RoleBrief, userId) {
      const text = `You are now *${role.title}* for ${incidentKey(incident)} (<#${incident.channelId}>).\n${role.brief.trim()}`;
      await client.chat.postEphemeral({ channel: incident.channelId as string, user: userId, text });
    },
    async postStatusUpdate(incident: Incident, update: StatusUpdate) {
      const message = statusUpdateMessage(renderStatusText(templates, config, incident, update), `${incidentKey(incident)} update: ${update.status}`);
      const res = await client.chat.postMessage({ ...message, channel: incident.channelId as string });
      const audience = config.severities.find((s) => s.id === incident.severity)?.audience ?? [];
      if (!incident.isPrivate && incident.announcementChannelId && audience.includes('incidents_channel')) {
        await client.chat.postMessage({ ...message, channel: incident.announcementChannelId });
      }
      return res.ts as string;
    },
    async isAllowed(userId, audience: Audience) {
      if (audience.users.length === 0 && audience.usergroups.length === 0) return true;
      if (audience.users.includes(userId)) return true;
      for (const usergroup of audience.usergroups) {
        const res = await client.usergroups.users.list({ usergroup });
        if (res.users?.includes(userId)) return true;
      }
      return false;
    },
    postReminder: (incident, reminder, job) => postReminderOnce(client, incident, reminder, job),
  };
}
