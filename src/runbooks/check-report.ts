import { readFileSync } from 'node:fs';
import type { IncidentConfig } from '../config/schema';
import { readCommandIds } from './command-ids';
import { checkRunbookLibrary, libraryDirs } from './library';
import { formatLibraryProblem } from './types';

/** The runbooks' part of `npm run config:check`: every problem as `file:line path: message`, and a summary. */
export function checkRunbooksBeside(configPath: string, config: IncidentConfig | null): { problems: string[]; summary: string | null } {
  const dirs = libraryDirs(configPath);
  const matrix = config ? { file: configPath, text: readFileSync(configPath, 'utf8'), config } : null;
  const { library, problems } = checkRunbookLibrary({ runbooksDir: dirs.runbooks, matrix, commandIds: readCommandIds(dirs.commands) });
  const rows = config?.matrix.length ?? 0;
  const count = library.runbooks.length;
  const summary = rows === 0 && count === 0 ? null : `${rows} matrix row${rows === 1 ? '' : 's'}, ${count} runbook${count === 1 ? '' : 's'}`;
  return { problems: problems.map(formatLibraryProblem), summary };
}
