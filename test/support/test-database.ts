import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/db/embedded';

/** Which Postgres the suite runs on: the server at TEST_DATABASE_URL/DATABASE_URL, else embedded PGlite. */
export const SERVER_URL = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
export const BACKEND: 'server' | 'embedded' = SERVER_URL ? 'server' : 'embedded';

/** A fresh, empty database for one test file: its own schema on the server, or its own PGlite. */
export interface TestDatabase {
  url: string;
  stop(): Promise<void>;
}

/** Creates an empty schema (server) or an in-memory PGlite (embedded); stop() drops or closes it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (!SERVER_URL) {
    const embedded = await startEmbeddedPostgres(undefined);
    return { url: embedded.url, stop: () => embedded.stop() };
  }
  return createSchemaDatabase(SERVER_URL);
}

/** An empty schema of its own on a Postgres server (tests, benchmarks); stop() drops it. */
export async function createSchemaDatabase(serverUrl: string): Promise<TestDatabase> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    async stop() {
      const c = new Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}
