import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
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

/** A running bot: where it listens, which database backend it runs on, and how to stop it. */
export interface RunningBot {
  port: number;
  backend: Backend;
  database: Database;
  migrationsApplied: string[];
  stop(): Promise<void>;
}

/** Opens the database (migrating it), builds the Slack app and starts listening. */
export async function startBot(env: Env, config: IncidentConfig, options: { clock?: Clock } = {}): Promise<RunningBot> {
  const templates = loadTemplates();
  const logger = new ConsoleLogger();
  logger.setLevel(env.logLevel as LogLevel);
  logger.setName('incident-bot');
  const opened = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir });
  const deps = { config, db: opened.database, metrics: createMetrics(), logger, templates, clock: options.clock ?? systemClock };
  const inFlight = new InFlightWork();
  const app = createSlackApp(env, deps, inFlight);
  let port = env.healthPort;
  try {
    if (env.slack.mode === 'http') {
      const server = (await app.start(env.port)) as Server;
      port = (server.address() as AddressInfo).port;
    } else {
      await app.start();
    }
  } catch (err) {
    await opened.stop();
    throw err;
  }
  return {
    port,
    backend: opened.backend,
    database: opened.database,
    migrationsApplied: opened.applied,
    async stop() {
      await app.stop();
      // Work acked but not finished (a declaration half-way) gets a moment to complete before the database closes.
      if (!(await inFlight.idle(10_000))) logger.warn('stopping with Slack work still running');
      await opened.stop();
    },
  };
}
