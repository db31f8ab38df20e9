import { createSchemaDatabase, type TestDatabase } from '../test/support/test-database';

/** The Postgres server benchmarks use when they run "on the server": BENCH_DATABASE_URL, else the local one. */
export const BENCH_SERVER_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh, empty schema on that server for one benchmark run, so earlier runs' rows never interfere. */
export function freshServerDatabase(): Promise<TestDatabase> {
  return createSchemaDatabase(BENCH_SERVER_URL);
}
