import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { slackIncidentChat } from '../adapters/slack-chat';
import type { IncidentConfig } from '../config/schema';
import type { Database } from '../db/db';
import type { FlowDeps } from '../domain/flows/deps';
import type { ArtifactStore, Clock, SshRunner } from '../domain/ports';
import type { CommandCatalog } from '../commands/catalog';
import type { Redactor } from '../commands/redact';
import type { CommandDeps } from '../domain/flows/run-command-deps';
import type { BackgroundWork, ProgressGate } from '../domain/flows/run-command-progress';
import type { Metrics } from '../http/metrics';
import type { HealthRoute } from '../http/health-routes';
import type { RunbookLibrary } from '../runbooks/library';
import type { Templates } from './templates';

/** What every listener may use: parsed config, the database, templates, clock and metrics. Built once in `startBot`. */
export interface BotDeps {
  config: IncidentConfig;
  db: Database;
  metrics: Metrics;
  logger: Logger;
  templates: Templates;
  clock: Clock;
  artifacts: ArtifactStore;
  runbooks: RunbookLibrary;
  /** Approved region commands: the reviewed catalog, the SSH runner, and what running them needs. */
  catalog: CommandCatalog;
  runner: SshRunner;
  redact: Redactor;
  progressGate: ProgressGate;
  /** Command runs still going after their request was answered; a shutdown waits for them. */
  backgroundWork: BackgroundWork;
  /** Routes served beside the health routes (the signed links to local artifacts). */
  httpRoutes?: HealthRoute[];
}

/** The flows' dependencies for one request, with the chat port on that request's Web API client. */
export function flowDeps(deps: BotDeps, client: WebClient): FlowDeps {
  return {
    config: deps.config,
    db: deps.db,
    clock: deps.clock,
    chat: slackIncidentChat(client, deps.config, deps.templates, deps.logger),
    artifacts: deps.artifacts,
    renderPostmortem: (draft) => deps.templates.postmortem(draft),
  };
}

/** The command flows' dependencies for one request. */
export function commandDeps(deps: BotDeps, client: WebClient): CommandDeps {
  return { ...flowDeps(deps, client), catalog: deps.catalog, runner: deps.runner, redact: deps.redact, progress: deps.progressGate };
}
