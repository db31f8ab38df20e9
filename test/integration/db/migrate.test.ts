import { connectDatabase, type Database } from '../../../src/db/db';
import { migrate, readMigrations } from '../../../src/db/migrate';
import { BACKEND, createTestDatabase, type TestDatabase } from '../../support/test-database';

describe(`migrations (${BACKEND} backend)`, () => {
  let testDb: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    database = connectDatabase(testDb.url);
  });
  afterAll(async () => {
    await database.close();
    await testDb.stop();
  });

  it('applies every migration to an empty database and records each one', async () => {
    const all = readMigrations().map((m) => m.version);
    expect(all.length).toBeGreaterThan(0);
    expect(await migrate(database)).toEqual(all);
    const { rows } = await database.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(all);
  });

  it('is a no-op when run again', async () => {
    expect(await migrate(database)).toEqual([]);
    const { rows } = await database.query<{ n: string }>('SELECT count(*) AS n FROM schema_migrations');
    expect(Number(rows[0].n)).toBe(readMigrations().length);
  });

  it('lets concurrent migrators of one database finish with each migration applied once', async () => {
    const fresh = await createTestDatabase();
    const pools = [connectDatabase(fresh.url), connectDatabase(fresh.url), connectDatabase(fresh.url)];
    try {
      const results = await Promise.all(pools.map((p) => migrate(p)));
      expect(results.flat().sort()).toEqual(readMigrations().map((m) => m.version));
      const { rows } = await pools[0].query<{ n: string }>('SELECT count(*) AS n FROM schema_migrations');
      expect(Number(rows[0].n)).toBe(readMigrations().length);
    } finally {
      await Promise.all(pools.map((p) => p.close()));
      await fresh.stop();
    }
  });

  it('rolls back a failing migration whole, leaving nothing half-applied', async () => {
    const fresh = await createTestDatabase();
    const db = connectDatabase(fresh.url);
    try {
      const broken = [...readMigrations(), { version: '999', name: 'broken', sql: 'CREATE TABLE half_done (x int); SELECT no_such_function();' }];
      await expect(migrate(db, broken)).rejects.toThrow(/no_such_function/);
      const { rows } = await db.query("SELECT to_regclass('half_done') AS t, to_regclass('schema_migrations') AS m");
      expect(rows[0]).toEqual({ t: null, m: null });
    } finally {
      await db.close();
      await fresh.stop();
    }
  });
});
