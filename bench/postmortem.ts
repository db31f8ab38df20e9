import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { loadIncidentConfig } from '../src/config/load';
import type { Incident, StatusUpdate } from '../src/domain/incident';
import { assemblePostmortem } from '../src/domain/postmortem/assemble';
import type { PostmortemInput } from '../src/domain/postmortem/model';
import type { TimelineEntry } from '../src/domain/timeline';
import { loadTemplates } from '../src/slack/templates';
import { summarise } from './stats';

const SIZES = [1_000, 10_000, 50_000];
const PEOPLE = ['U0ANA', 'U0BEN', 'U0CARA', 'U0DEV', 'U0ELI', 'U0FAY'];
const T0 = Date.UTC(2025, 2, 14, 9, 0);

function base(id: number, kind: string, at: number, patch: Partial<TimelineEntry>): TimelineEntry {
  return { id, incidentId: 1, kind, occurredAt: new Date(at), actorId: null, text: '', slackTs: null, threadTs: null, originalText: null, editedAt: null, deletedAt: null, highlighted: false, data: {}, ...patch };
}

// Every 50th entry is something the bot or a person did (updates, notes, commands, reminders); the rest is talk.
function event(i: number, at: number): TimelineEntry {
  const who = PEOPLE[i % PEOPLE.length];
  const run = { runId: `r${i}`, commandId: 'pg-activity', region: 'eu-west', commandLine: 'psql -c "select * from pg_stat_activity"' };
  const kinds: [string, Partial<TimelineEntry>][] = [
    ['status_update', { actorId: who, text: `Investigating (internal update): update ${i}` }],
    ['note', { actorId: who, text: i % 4 === 0 ? `action: follow up ${i}` : `note ${i}`, data: i % 4 === 0 ? { action: true } : {} }],
    ['reminder', { data: { kind: 'status_due', messageTs: '1.1' } }],
    ['command_finished', { actorId: who, data: { ...run, exitCode: 0, durationMs: 800, outputSha256: 'ab'.repeat(32), outputBytes: 4096, artifactKey: 'k', link: 'https://a/k', approvedBy: '', timedOut: false } }],
    ['runbook_step', { actorId: who, data: { runbookId: 'db-failover', step: (i % 7) + 1, title: `step ${(i % 7) + 1}`, done: true } }],
  ];
  const [kind, patch] = kinds[(i / 50) % kinds.length | 0];
  return base(i, kind, at, patch);
}

/** A synthetic incident timeline of `n` entries, one every 3 s: mostly talk, threads, some highlights, events every 50. */
export function syntheticTimeline(n: number): TimelineEntry[] {
  const entries: TimelineEntry[] = [base(0, 'declared', T0, { actorId: PEOPLE[0], text: 'INC-1 declared as SEV-2: bench', data: { severity: 'SEV-2' } })];
  let parent: TimelineEntry | undefined;
  for (let i = 1; i < n; i++) {
    const at = T0 + i * 3000;
    const ts = `${Math.floor(at / 1000)}.${String(i).padStart(6, '0')}`;
    if (i % 50 === 0) entries.push(event(i, at));
    else if (parent && i % 5 === 0) entries.push(base(i, 'reply', at, { actorId: PEOPLE[i % 6], text: `reply ${i} <@U0BEN>`, slackTs: ts, threadTs: parent.slackTs }));
    else {
      parent = base(i, 'message', at, { actorId: PEOPLE[i % 6], text: `message ${i} about <https://grafana.example/d/${i}|dashboard>`, slackTs: ts, highlighted: i % 97 === 0 });
      entries.push(parent);
    }
  }
  return entries;
}

function inputFor(n: number): PostmortemInput {
  const timeline = syntheticTimeline(n);
  const end = new Date(timeline[timeline.length - 1].occurredAt.getTime() + 60_000);
  const incident: Incident = {
    id: 1, title: 'Bench incident', description: null, severity: 'SEV-2', status: 'Resolved', isPrivate: false, symptom: null, channelId: 'C0BENCH',
    channelName: 'inc-bench', headerTs: null, announcementChannelId: null, announcementTs: null, declaredBy: PEOPLE[0], declaredAt: new Date(T0),
    detectedAt: null, mitigatedAt: end, resolvedAt: end, resolution: { summary: 'done', rootCause: null, impactEndedAt: null, resolvedBy: PEOPLE[0] }, roles: { commander: PEOPLE[0] },
  };
  const statusUpdates: StatusUpdate[] = timeline
    .filter((e) => e.kind === 'status_update')
    .map((e, i) => ({ id: i, incidentId: 1, status: 'Investigating', impact: e.text, currentActions: 'working', nextUpdateMinutes: 30, audience: 'internal', postedBy: e.actorId as string, postedAt: e.occurredAt }));
  return {
    config: loadIncidentConfig('incident.config.yml'), incident, timeline, statusUpdates, names: Object.fromEntries(PEOPLE.map((p) => [p, `Person ${p.slice(3)}`])),
    archiveUrl: 'https://bench.slack.com/archives', version: 1, generatedAt: end, generatedBy: PEOPLE[0], backfillProblem: null,
  };
}

/** One size in this process: assembly and render times over `rounds`, and the process's peak memory. */
async function measure(n: number, rounds: number): Promise<Record<string, unknown>> {
  const input = inputFor(n);
  const render = loadTemplates().postmortem;
  const rssBefore = process.memoryUsage().rss;
  const assemble: number[] = [];
  const rendered: number[] = [];
  let markdown = render(assemblePostmortem(input)); // warm-up, not counted
  for (let r = 0; r < rounds; r++) {
    const started = performance.now();
    const draft = assemblePostmortem(input);
    const assembled = performance.now();
    markdown = render(draft);
    assemble.push(assembled - started);
    rendered.push(performance.now() - assembled);
  }
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  return { n, assemble: summarise(assemble), render: summarise(rendered), peakRssMb: Math.round(peakRssMb), rssBeforeMb: Math.round(rssBefore / 2 ** 20), markdownKb: Math.round(Buffer.byteLength(markdown) / 1024), lines: markdown.split('\n').length };
}

function inChild(n: number): Promise<Record<string, unknown>> {
  const tsx = join(__dirname, '..', 'node_modules', '.bin', 'tsx');
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [__filename, '--worker', String(n)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1) as string)) : reject(new Error(`worker for ${n} exited ${code}`))));
  });
}

/**
 * Assembly and render time of the postmortem draft, and peak memory, for incidents of 1,000, 10,000 and 50,000
 * timeline entries. Each size runs in its own process so its peak RSS is its own.
 */
export async function benchPostmortem(): Promise<Record<string, unknown>> {
  const report: Record<string, unknown> = {};
  for (const n of SIZES) {
    const r = await inChild(n);
    report[`assemble ${n}`] = r.assemble;
    report[`render ${n}`] = r.render;
    report[`peakRssMb ${n}`] = r.peakRssMb;
    report[`rssBeforeAssemblyMb ${n}`] = r.rssBeforeMb;
    report[`markdownKb ${n}`] = r.markdownKb;
    report[`markdownLines ${n}`] = r.lines;
  }
  return report;
}

if (process.argv[2] === '--worker') {
  const n = Number(process.argv[3]);
  measure(n, n >= 50_000 ? 5 : 10)
    .then((r) => console.log(JSON.stringify(r)))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
