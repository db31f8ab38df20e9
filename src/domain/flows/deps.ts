import type { IncidentConfig } from '../../config/schema';
import type { Database } from '../../db/db';
import type { Clock, IncidentChat } from '../ports';

/** What every flow works with: the config, the database and the ports. */
export interface FlowDeps {
  config: IncidentConfig;
  db: Database;
  chat: IncidentChat;
  clock: Clock;
}
