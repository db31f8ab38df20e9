import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The bot's Prometheus metrics, on a registry of its own so several bots can live in one process (tests). */
export interface Metrics {
  registry: Registry;
  commands: Counter<'subcommand' | 'outcome'>;
  ackSeconds: Histogram<'kind'>;
  events: Counter<'type' | 'outcome'>;
  errors: Counter<'code'>;
  jobs: Counter<'kind' | 'outcome'>;
  jobLagSeconds: Histogram<'kind'>;
}

/** Creates the registry with process metrics and the bot's own counters. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'incident_bot_' });
  return {
    registry,
    commands: new Counter({
      name: 'incident_bot_commands_total',
      help: 'Slash subcommands handled, by outcome (ok, usage, refused, error).',
      labelNames: ['subcommand', 'outcome'],
      registers: [registry],
    }),
    ackSeconds: new Histogram({
      name: 'incident_bot_ack_seconds',
      help: 'Time from receiving a Slack request to acknowledging it.',
      labelNames: ['kind'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    events: new Counter({
      name: 'incident_bot_events_total',
      help: 'Events API deliveries, by type and outcome (processed, duplicate).',
      labelNames: ['type', 'outcome'],
      registers: [registry],
    }),
    errors: new Counter({
      name: 'incident_bot_errors_total',
      help: 'Errors reported to users, by code (unexpected errors count as "internal").',
      labelNames: ['code'],
      registers: [registry],
    }),
    jobs: new Counter({
      name: 'incident_bot_jobs_total',
      help: 'Timer jobs (reminders, escalations, reviews) run, by kind and outcome (posted, skipped, retried, failed).',
      labelNames: ['kind', 'outcome'],
      registers: [registry],
    }),
    jobLagSeconds: new Histogram({
      name: 'incident_bot_job_lag_seconds',
      help: 'Time from a job falling due to its message being posted.',
      labelNames: ['kind'],
      buckets: [0.5, 1, 2, 5, 10, 30, 60, 300],
      registers: [registry],
    }),
  };
}
