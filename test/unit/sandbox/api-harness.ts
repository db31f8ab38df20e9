import { SlackApiError } from '../../../src/sandbox/api-error';
import { API_METHODS } from '../../../src/sandbox/api-methods';
import type { SlackMessage } from '../../../src/sandbox/workspace-types';
import { TriggerRegistry } from '../../../src/sandbox/triggers';
import { Workspace } from '../../../src/sandbox/workspace';

/** A workspace plus a way to call Web API handlers in-process, answering like the HTTP server would. */
export function apiHarness(o: { now?: () => number; triggerTtlMs?: number } = {}) {
  const workspace = new Workspace(
    { id: 'T1', name: 'Team', domain: 'team' },
    { userId: 'UBOT', botId: 'BBOT', appId: 'AAPP', name: 'incident-bot' },
    o.now,
  );
  const triggers = new TriggerRegistry(o.triggerTtlMs ?? 3000, o.now);
  const botMessages: { channel: string; message: SlackMessage }[] = [];
  const context = {
    workspace,
    triggers,
    baseUrl: 'http://127.0.0.1:1',
    onBotMessage: (channel: string, message: SlackMessage) => botMessages.push({ channel, message }),
  };
  async function call(method: string, args: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    try {
      return { ok: true, ...(await API_METHODS[method](context, args)) };
    } catch (error) {
      if (error instanceof SlackApiError) return error.toBody();
      throw error;
    }
  }
  return { workspace, triggers, call, botMessages };
}
