import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkCommands, checkDuplicateIds, checkMatrix, type MatrixSource } from './check-library';
import { closestIds } from './closest';
import { readCommandIds } from './command-ids';
import { parseRunbook } from './parse-runbook';
import { formatLibraryProblem, type LibraryProblem, type Runbook } from './types';

/** Every runbook the bot knows, by id. */
export interface RunbookLibrary {
  readonly runbooks: readonly Runbook[];
  get(id: string): Runbook | undefined;
  /** The ids closest to one that does not exist, for "did you mean". */
  closest(id: string, limit?: number): string[];
}

/** Runbooks or matrix rows the bot cannot use; it refuses to start with them, like with a bad config. */
export class RunbookLibraryError extends Error {
  constructor(readonly problems: LibraryProblem[]) {
    super(`the runbooks or the matrix have ${problems.length} problem(s):\n${problems.map(formatLibraryProblem).join('\n')}`);
    this.name = 'RunbookLibraryError';
  }
}

/** Builds a library from runbooks already parsed and checked. */
export function runbookLibrary(runbooks: readonly Runbook[]): RunbookLibrary {
  const byId = new Map(runbooks.map((r) => [r.id, r]));
  const sorted = [...runbooks].sort((a, b) => a.id.localeCompare(b.id));
  return {
    runbooks: sorted,
    get: (id) => byId.get(id.trim().toLowerCase()),
    closest: (id, limit = 3) => closestIds(id, sorted.map((r) => r.id), limit),
  };
}

/** Where the runbooks and the command catalog live: beside the config file. */
export function libraryDirs(configPath: string): { runbooks: string; commands: string } {
  const root = dirname(configPath);
  return { runbooks: join(root, 'runbooks'), commands: join(root, 'commands') };
}

export interface CheckInput {
  runbooksDir: string;
  /** The config and its text, for the matrix checks; null when the config itself is invalid. */
  matrix: MatrixSource | null;
  /** Known command ids; null skips the catalog check (no catalog yet). */
  commandIds: ReadonlySet<string> | null;
}

/** Reads `runbooks/*.md` and checks them with the matrix and the catalog; every problem at once. */
export function checkRunbookLibrary(input: CheckInput): { library: RunbookLibrary; problems: LibraryProblem[] } {
  const parsed = readRunbookFiles(input.runbooksDir).map(({ file, text }) => parseRunbook(file, text));
  const runbooks = parsed.flatMap((p) => (p.runbook ? [p.runbook] : []));
  const problems = [
    ...parsed.flatMap((p) => p.problems),
    ...checkDuplicateIds(parsed),
    ...checkCommands(parsed, input.commandIds),
    // A file with problems still declares its id, so the matrix is not told that runbook is missing as well.
    ...(input.matrix ? checkMatrix(input.matrix, new Set(parsed.flatMap((p) => (p.id ? [p.id] : [])))) : []),
  ];
  return { library: runbookLibrary(runbooks), problems };
}

/** Loads the library beside the config for the bot; throws RunbookLibraryError on any problem. */
export function loadRunbookLibrary(configPath: string, config: MatrixSource['config'], commandIds?: ReadonlySet<string> | null): RunbookLibrary {
  const dirs = libraryDirs(configPath);
  const { library, problems } = checkRunbookLibrary({
    runbooksDir: dirs.runbooks,
    matrix: { file: configPath, text: readFileSync(configPath, 'utf8'), config },
    commandIds: commandIds === undefined ? readCommandIds(dirs.commands) : commandIds,
  });
  if (problems.length > 0) throw new RunbookLibraryError(problems);
  return library;
}

function readRunbookFiles(dir: string): { file: string; text: string }[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md').sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return names.map((name) => ({ file: join(dir, name), text: readFileSync(join(dir, name), 'utf8') }));
}
