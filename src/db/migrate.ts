import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './db';

export const MIGRATIONS_DIR = join(__dirname, 'migrations');

export interface Migration {
  version: string;
  name: string;
  sql: string;
}

/** Reads the numbered `NNN_name.sql` files in order. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => ({ version: file.slice(0, 3), name: file.slice(4, -4), sql: readFileSync(join(dir, file), 'utf8') }));
}

/**
 * Applies the migrations not yet recorded, in one transaction behind an advisory lock keyed by schema,
 * so replicas starting together wait for each other instead of racing. Returns the versions applied.
 */
export async function migrate(database: Database, migrations = readMigrations()): Promise<string[]> {
  return database.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('incident-bot:migrate:' || current_schema()))");
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await tx.query<{ version: string }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((r) => r.version));
    const applied: string[] = [];
    for (const m of migrations.filter((m) => !done.has(m.version))) {
      await tx.query(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
