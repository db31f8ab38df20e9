import type { MatrixRow } from '../config/sections/matrix';
import type { IncidentConfig } from '../config/schema';
import type { RunbookLibrary } from './library';
import type { Runbook } from './types';

/** The matrix row with this id, if the config has one. */
export function findMatrixRow(config: Pick<IncidentConfig, 'matrix'>, rowId: string): MatrixRow | undefined {
  return config.matrix.find((row) => row.id === rowId);
}

/** The runbooks a row names, in its order (all exist: the library was checked against the matrix at start). */
export function runbooksOfRow(library: RunbookLibrary, row: MatrixRow): Runbook[] {
  return row.runbooks.flatMap((id) => {
    const runbook = library.get(id);
    return runbook ? [runbook] : [];
  });
}
