import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { slackIncidentChat } from '../adapters/slack-chat';
import type { IncidentConfig } from '../config/schema';
import type { Database } from '../db/db';
import type { FlowDeps } from '../domain/flows/deps';
import type { Clock } from '../domain/ports';
import type { Metrics } from '../http/metrics';
import type { Templates } from './templates';

/** What every listener may use: parsed config, the database, templates, clock and metrics. Built once in `startBot`. */
export interface BotDeps {
  config: IncidentConfig;
  db: Database;
  metrics: Metrics;
  logger: Logger;
  templates: Templates;
  clock: Clock;
}

/** The flows' dependencies for one request, with the chat port on that request's Web API client. */
export function flowDeps(deps: BotDeps, client: WebClient): FlowDeps {
  return { config: deps.config, db: deps.db, clock: deps.clock, chat: slackIncidentChat(client, deps.config, deps.templates, deps.logger) };
}
