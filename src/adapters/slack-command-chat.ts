import type { WebClient } from '@slack/web-api';
import type { CommandChat } from '../domain/ports';
import { evidencePackMessage } from '../slack/blocks/command-evidence';
import { commandRunMessage } from '../slack/blocks/command-run';

/** The command part of the chat port: one message per request (or per evidence pack), posted once and then updated. */
export function slackCommandChat(client: WebClient): CommandChat {
  const show = async (channel: string, message: ReturnType<typeof commandRunMessage>, ts?: string | null): Promise<string> => {
    if (ts) {
      await client.chat.update({ ...message, channel, ts });
      return ts;
    }
    const res = await client.chat.postMessage({ ...message, channel });
    return res.ts as string;
  };
  return {
    showCommandRun: (incident, view, ts) => show(incident.channelId as string, commandRunMessage(view), ts),
    showEvidencePack: (incident, view, ts) => show(incident.channelId as string, evidencePackMessage(view), ts),
  };
}
