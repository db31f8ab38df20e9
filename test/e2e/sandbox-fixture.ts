import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEnv } from '../../src/config/env';
import { loadIncidentConfig } from '../../src/config/load';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/start-sandbox';
import { TestClock } from '../support/harness';
import { createTestDatabase } from '../support/test-database';

/** A sandbox as `npm start` runs it without credentials, on the suite's database backend and a free port. */
export interface TestSandbox {
  sandbox: RunningSandbox;
  /** http://127.0.0.1:PORT (the page is at /sandbox). */
  origin: string;
  clock: TestClock;
  stop(): Promise<void>;
}

/** Starts the sandbox with the environment of a newcomer (no Slack variables, plus `env`) on a fresh database. */
export async function startTestSandbox(o: { configPath?: string; env?: Record<string, string> } = {}): Promise<TestSandbox> {
  const db = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'incident-sandbox-test-'));
  const configPath = o.configPath ?? 'incident.config.yml';
  const result = readEnv({ PORT: '0', DATABASE_URL: db.url, DATA_DIR: dataDir, LOG_LEVEL: 'error', INCIDENT_CONFIG: configPath, ...o.env });
  if (!result.ok || !result.sandbox) throw new Error('expected the environment without Slack variables to mean sandbox mode');
  const clock = new TestClock();
  try {
    const sandbox = await startSandbox(result.env, loadIncidentConfig(configPath), { clock });
    return {
      sandbox,
      origin: `http://127.0.0.1:${sandbox.port}`,
      clock,
      async stop() {
        await sandbox.stop();
        await db.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await db.stop();
    throw error;
  }
}
