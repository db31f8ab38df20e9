import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { buildCommandRuntime } from './adapters/command-runtime';
import { ConsoleLogger, LogLevel } from '@slack/logger';
import type { Env } from './config/env';
import type { IncidentConfig } from './config/schema';
import type { Database } from './db/db';
import { openDatabase, type Backend } from './db/open';
import { createMetrics } from './http/metrics';
import { createSlackApp } from './slack/app';
import { InFlightWork } from './slack/middleware/in-flight';
import { loadTemplates } from './slack/templates';
import { systemClock, type Clock } from './domain/ports';
import { startScheduler } from './scheduler/start';
import { loadRunbookLibrary } from './runbooks/library';
import { loadMrkdwnConverter } from './slack/blocks/runbook-mrkdwn';
import type { Scheduler } from './scheduler/scheduler';

/** A running bot: where it listens, which database backend it runs on, and how to stop it. */
export interface RunningBot {
  port: number;
  backend: Backend;
  database: Database;
  migrationsApplied: string[];
  /** Fires due reminders; `tick()` runs one round by hand (tests start the bot with `scheduler: 'manual'`). */
  scheduler: Pick<Scheduler, 'tick'>;
  stop(): Promise<void>;
}

/** Opens the database (migrating it), builds the Slack app and starts listening. */
export async function startBot(env: Env, config: IncidentConfig, options: { clock?: Clock; scheduler?: 'cron' | 'manual' } = {}): Promise<RunningBot> {
  const templates = loadTemplates();
  const clock = options.clock ?? systemClock;
  // A bad command catalog stops the start too; its ids are what the runbooks' Run buttons may name.
  const commands = buildCommandRuntime(env, config, clock);
  // Bad runbooks or matrix rows stop the start, like a bad config; the converter is loaded once, up front.
  const runbooks = loadRunbookLibrary(env.configPath, config, commands.deps.catalog.ids);
  await loadMrkdwnConverter();
  const logger = new ConsoleLogger();
  logger.setLevel(env.logLevel as LogLevel);
  logger.setName('incident-bot');
  const opened = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir, poolSize: env.databasePoolSize });
  const deps = { config, db: opened.database, metrics: createMetrics(), logger, templates, clock, runbooks, ...commands.deps, httpRoutes: commands.routes };
  const inFlight = new InFlightWork();
  const app = createSlackApp(env, deps, inFlight);
  let port = env.healthPort;
  try {
    if (env.slack.mode === 'http') {
      const server = (await app.start(env.port)) as Server;
      port = (server.address() as AddressInfo).port;
      commands.listeningOn(port);
    } else {
      await app.start();
    }
  } catch (err) {
    await opened.stop();
    throw err;
  }
  const scheduler = startScheduler(env, deps, { cron: options.scheduler !== 'manual' });
  return {
    port,
    backend: opened.backend,
    database: opened.database,
    migrationsApplied: opened.applied,
    scheduler,
    async stop() {
      await scheduler.stop();
      await app.stop();
      // Work acked but not finished (a declaration half-way) gets a moment to complete before the database closes.
      if (!(await inFlight.idle(10_000))) logger.warn('stopping with Slack work still running');
      await commands.stop(logger);
      await opened.stop();
    },
  };
}
