import type { Logger } from '@slack/bolt';
import type { IncidentConfig } from '../config/schema';
import type { Database } from '../db/db';
import type { Metrics } from '../http/metrics';

/** What every listener may use: parsed config, the database and the metrics. Built once in `startBot`. */
export interface BotDeps {
  config: IncidentConfig;
  db: Database;
  metrics: Metrics;
  logger: Logger;
}
