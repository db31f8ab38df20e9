import { connectDatabase, type Database } from './db';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded';
import { migrate } from './migrate';

export type Backend = 'server' | 'embedded';

/** The database the bot runs on, migrated and ready, with whatever must stop with it. */
export interface OpenedDatabase {
  database: Database;
  backend: Backend;
  /** Migration versions applied by this start (empty when the schema was already up to date). */
  applied: string[];
  stop(): Promise<void>;
}

/** Connects to DATABASE_URL (a pool of `poolSize`), or starts the embedded Postgres under dataDir; then applies migrations. */
export async function openDatabase(options: { databaseUrl?: string; dataDir?: string; poolSize?: number }): Promise<OpenedDatabase> {
  let embedded: EmbeddedPostgres | undefined;
  const url = options.databaseUrl ?? (embedded = await startEmbeddedPostgres(options.dataDir)).url;
  // PGlite is a single session: one connection keeps a transaction's queries from interleaving with others'.
  const database = connectDatabase(url, { max: embedded ? 1 : options.poolSize ?? 10 });
  let applied: string[];
  try {
    applied = await migrate(database);
  } catch (err) {
    await database.close();
    await embedded?.stop();
    throw err;
  }
  return {
    database,
    backend: embedded ? 'embedded' : 'server',
    applied,
    async stop() {
      await database.close();
      await embedded?.stop();
    },
  };
}
