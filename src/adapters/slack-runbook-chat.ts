import type { WebClient } from '@slack/web-api';
import type { RunbookChat } from '../domain/ports';
import { triageNoticeMessage } from '../slack/blocks/matrix';
import { runbookMessages, runbookMessageWithStep } from '../slack/blocks/runbook-message';
import { loadMrkdwnConverter } from '../slack/blocks/runbook-mrkdwn';

/** The runbook part of the chat port on Slack's Web API. */
export function slackRunbookChat(client: WebClient): RunbookChat {
  return {
    async postTriage(incident, notice) {
      await client.chat.postMessage({ ...triageNoticeMessage(incident, notice), channel: incident.channelId as string });
    },
    async postRunbook(incident, runbook, progress) {
      const toMrkdwn = await loadMrkdwnConverter();
      const posted: string[] = [];
      // One after the other, so the parts read in order.
      for (const message of runbookMessages({ runbook, incidentId: incident.id, progress, toMrkdwn })) {
        const res = await client.chat.postMessage({ ...message, channel: incident.channelId as string });
        posted.push(res.ts as string);
      }
      return posted;
    },
    async updateRunbook(incident, runbook, progress, at) {
      const toMrkdwn = await loadMrkdwnConverter();
      const message = runbookMessageWithStep({ runbook, incidentId: incident.id, progress, toMrkdwn }, at.step);
      if (message) await client.chat.update({ ...message, channel: incident.channelId as string, ts: at.messageTs });
    },
  };
}
