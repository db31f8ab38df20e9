import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { describeIssue, formatPath, lineOf } from '../config/load';
import { commandFile, type CommandClass, type CommandEntry, type ParamSpec } from './catalog-schema';

export type { CommandClass, ParamSpec };

/** The commands the shipped catalog holds; runbooks refer to them by these ids. */
export const SHIPPED_COMMAND_IDS = [
  'container-status',
  'container-logs',
  'pg-activity',
  'pg-connections',
  'pg-slow-queries',
  'pg-replication-lag',
  'disk-usage',
  'redis-ping',
  'redis-info',
  'health-check',
  'restart-service',
  'promote-replica',
  'rollback-to-tag',
] as const;

/** One reviewed command, ready to validate parameters against and render. */
export interface CommandSpec {
  id: string;
  title: string;
  description: string;
  class: CommandClass;
  template: string;
  params: Readonly<Record<string, ParamSpec>>;
  regions: 'all' | readonly string[];
  approval: 'none' | 'second-person';
  timeoutSeconds: number;
  outputCapBytes: number;
  source: { file: string; line?: number };
}

/** The approved commands, by id. */
export interface CommandCatalog {
  readonly ids: ReadonlySet<string>;
  get(id: string): CommandSpec | undefined;
  list(): readonly CommandSpec[];
}

export type CatalogProblem = { file: string; line?: number; path: string; message: string };

/** A catalog that cannot be used, with every problem in every file. */
export class CatalogError extends Error {
  constructor(readonly problems: CatalogProblem[]) {
    super(`the command catalog has ${problems.length} problem(s):\n${formatCatalogProblems(problems)}`);
    this.name = 'CatalogError';
  }
}

/** One line per problem: `file:line path: message`, like the config's. */
export function formatCatalogProblems(problems: CatalogProblem[]): string {
  return problems
    .map((p) => {
      const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
      return p.path ? `${where} ${p.path}: ${p.message}` : `${where}: ${p.message}`;
    })
    .join('\n');
}

/** Reads and validates every `*.yml` file of `dir`; throws CatalogError listing all problems. */
export function loadCommandCatalog(dir: string): CommandCatalog {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    throw new CatalogError([{ file: dir, path: '', message: 'folder not found; it holds the approved commands (commands/*.yml)' }]);
  }
  const problems: CatalogProblem[] = [];
  const commands = new Map<string, CommandSpec>();
  for (const name of files) {
    const file = join(dir, name);
    const parsed = parseCommandFile(readFileSync(file, 'utf8'), file);
    problems.push(...parsed.problems);
    for (const spec of parsed.commands) {
      const taken = commands.get(spec.id);
      if (taken) problems.push({ file, line: spec.source.line, path: 'id', message: `"${spec.id}" is already defined in ${taken.source.file}` });
      else commands.set(spec.id, spec);
    }
  }
  if (problems.length > 0) throw new CatalogError(problems);
  return catalogOf([...commands.values()]);
}

/** A catalog over already-validated commands. */
export function catalogOf(specs: CommandSpec[]): CommandCatalog {
  const byId = new Map(specs.map((s) => [s.id, Object.freeze(s)]));
  const list = Object.freeze([...byId.values()]);
  return { ids: new Set(byId.keys()), get: (id) => byId.get(id), list: () => list };
}

/** Validates one commands file; `file` names it in problems. */
export function parseCommandFile(text: string, file: string): { commands: CommandSpec[]; problems: CatalogProblem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return { commands: [], problems: doc.errors.map((e) => ({ file, line: lines.linePos(e.pos[0]).line, path: '', message: `YAML syntax error: ${e.message}` })) };
  }
  if (doc.contents === null) return { commands: [], problems: [] };
  const result = commandFile.safeParse(doc.toJS(), { error: describeIssue });
  if (!result.success) {
    const problems = result.error.issues.flatMap((issue) => {
      const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
      const message = issue.code === 'unrecognized_keys' ? 'unknown key' : issue.message;
      return paths.map((path) => ({ file, line: lineOf(doc, lines, path), path: formatPath(path), message }));
    });
    return { commands: [], problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
  }
  return { commands: result.data.map((entry, i) => toSpec(entry, { file, line: lineOf(doc, lines, [i]) })), problems: [] };
}

/** Problems where a command names a region the config does not define. */
export function checkCatalogRegions(catalog: CommandCatalog, regionIds: readonly string[]): CatalogProblem[] {
  return catalog.list().flatMap((spec) =>
    spec.regions === 'all'
      ? []
      : spec.regions
          .filter((r) => !regionIds.includes(r))
          .map((r) => ({
            file: spec.source.file,
            line: spec.source.line,
            path: `${spec.id}.regions`,
            message: `"${r}" is not a region of the config; defined regions are: ${regionIds.join(', ') || '(none)'}`,
          })),
  );
}

function toSpec(e: CommandEntry, source: CommandSpec['source']): CommandSpec {
  return {
    id: e.id,
    title: e.title,
    description: e.description,
    class: e.class,
    template: e.template,
    params: e.params,
    regions: e.regions,
    approval: e.approval ?? (e.class === 'mitigation' ? 'second-person' : 'none'),
    timeoutSeconds: e.timeout_seconds,
    outputCapBytes: e.output_cap_bytes,
    source,
  };
}
