import { WebClient } from '@slack/web-api';
import type { Env } from '../config/env';
import { flowDeps, type BotDeps } from '../slack/deps';
import { createScheduler, type Scheduler } from './scheduler';

/**
 * Builds this replica's scheduler on its own Web API client: Slack calls retry briefly and the job retries with
 * backoff after that, so a slow Slack never holds a job past its lease. Starts the cron tick unless told not to.
 */
export function startScheduler(env: Env, deps: BotDeps, options: { cron: boolean }): Scheduler {
  const client = new WebClient(env.slack.botToken, {
    slackApiUrl: env.slackApiUrl,
    logger: deps.logger,
    retryConfig: { retries: 2, factor: 2, maxRetryTime: 10_000 },
  });
  const r = deps.config.reminders;
  const scheduler = createScheduler(
    { flows: flowDeps(deps, client), logger: deps.logger, metrics: deps.metrics },
    { tickSeconds: r.tick_seconds, leaseMs: r.lease_seconds * 1000, maxAttempts: r.max_attempts },
  );
  if (options.cron) scheduler.start();
  return scheduler;
}
