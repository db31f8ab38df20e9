import { Pool, type PoolClient, type QueryResultRow } from 'pg';

/** The one-method seam every query function takes, so a flow can run several queries in one transaction. */
export interface Db {
  query<R extends QueryResultRow = QueryResultRow>(sql: string, params?: unknown[]): Promise<{ rows: R[]; rowCount: number }>;
}

/** A pool-backed Db that can also run a function inside a transaction. */
export interface Database extends Db {
  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T>;
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

function asDb(client: Pool | PoolClient): Db {
  return {
    async query(sql, params) {
      const result = await client.query(sql, params as unknown[]);
      return { rows: result.rows, rowCount: result.rowCount ?? 0 };
    },
  };
}

/** Opens a pg pool on a connection string; `pg` is the only driver, whatever the backend. */
export function connectDatabase(connectionString: string, options: { max?: number } = {}): Database {
  const pool = new Pool({ connectionString, max: options.max ?? 10, connectionTimeoutMillis: 5000 });
  // An idle client losing its server (a restart, a failover) must not crash the process.
  pool.on('error', () => undefined);
  const db = asDb(pool);
  return {
    query: db.query,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(asDb(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async ping(timeoutMs = 2000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`database did not answer within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([pool.query('SELECT 1'), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => pool.end(),
  };
}
