import type { TriggerRegistry } from '../triggers';
import type { Workspace } from '../workspace';
import type { SlackMessage } from '../workspace-types';

/** What a Web API method handler may use. */
export interface MethodContext {
  workspace: Workspace;
  triggers: TriggerRegistry;
  /** 'http://127.0.0.1:PORT', for URLs the emulator serves itself (file uploads, permalinks). */
  baseUrl: string;
  /** Called after the bot posts a message, so the emulator can echo it back as an event when asked to. */
  onBotMessage(channelId: string, message: SlackMessage): void;
}

export type ApiArgs = Record<string, unknown>;
export type ApiResult = Record<string, unknown>;
export type MethodHandler = (ctx: MethodContext, args: ApiArgs) => ApiResult | Promise<ApiResult>;
export type MethodTable = Record<string, MethodHandler>;
