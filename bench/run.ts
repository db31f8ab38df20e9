import { mkdirSync, writeFileSync } from 'node:fs';
import { benchAckLatency } from './ack-latency';
import { benchIngestion } from './ingestion';
import { benchLifecycle } from './lifecycle';
import { benchStartup } from './startup';
import { benchPostmortem } from './postmortem';
import { benchSsh } from './ssh';
import { table } from './stats';
import { benchTimers } from './timers';

type Bench = () => Promise<Record<string, unknown>>;

const BENCHES: Record<string, Bench> = {
  ack: () => benchAckLatency(),
  ingestion: () => benchIngestion(),
  startup: () => benchStartup(),
  lifecycle: () => benchLifecycle(),
  timers: () => benchTimers(),
  postmortem: () => benchPostmortem(),
  ssh: () => benchSsh(),
};

function rowsOf(name: string, report: Record<string, unknown>): Record<string, string | number>[] {
  return Object.entries(report)
    .filter(([, v]) => typeof v === 'object' && v !== null && !Array.isArray(v))
    .map(([series, v]) => ({ bench: name, series, ...(v as Record<string, number>) }));
}

/** `npm run bench [-- name…]`: runs the named benchmarks (all by default), writes bench/results/<name>.json and prints a table. */
async function main(): Promise<void> {
  const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(BENCHES);
  const unknown = names.filter((n) => !BENCHES[n]);
  if (unknown.length) {
    console.error(`Unknown benchmark: ${unknown.join(', ')}. Available: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  mkdirSync('bench/results', { recursive: true });
  for (const name of names) {
    const report = { bench: name, at: new Date().toISOString(), node: process.version, ...(await BENCHES[name]()) };
    writeFileSync(`bench/results/${name}.json`, JSON.stringify(report, null, 2));
    console.log(`\n${name}: ${JSON.stringify(Object.fromEntries(Object.entries(report).filter(([, v]) => typeof v !== 'object')))}`);
    console.log(table(rowsOf(name, report)));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
