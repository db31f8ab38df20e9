import { LineCounter, parseDocument } from 'yaml';
import { findSeverity } from '../config/load';
import type { IncidentConfig } from '../config/schema';
import type { ParsedRunbook } from './parse-runbook';
import type { LibraryProblem } from './types';
import { lineOfPath } from '../config/yaml-lines';

/** The config as far as the matrix checks need it, and the file it came from (for line numbers). */
export interface MatrixSource {
  file: string;
  text: string;
  config: Pick<IncidentConfig, 'matrix' | 'severities'>;
}

/** Runbooks whose id another file already took; each later file is a problem at its `id:` line. */
export function checkDuplicateIds(parsed: ParsedRunbook[]): LibraryProblem[] {
  const owners = new Map<string, string>();
  const problems: LibraryProblem[] = [];
  for (const p of parsed) {
    if (!p.runbook) continue;
    const owner = owners.get(p.runbook.id);
    if (owner) problems.push({ file: p.runbook.file, line: p.lineOf(['id']), path: 'id', message: `"${p.runbook.id}" is already the id of ${owner}; runbook ids must be unique` });
    else owners.set(p.runbook.id, p.runbook.file);
  }
  return problems;
}

/** Front matter commands missing from the approved catalog; skipped when there is no catalog (null). */
export function checkCommands(parsed: ParsedRunbook[], catalog: ReadonlySet<string> | null): LibraryProblem[] {
  if (catalog === null) return [];
  const known = [...catalog].sort().join(', ') || 'none';
  return parsed.flatMap((p) =>
    (p.runbook?.commands ?? []).flatMap((id, i) =>
      catalog.has(id)
        ? []
        : [{ file: p.runbook!.file, line: p.lineOf(['commands', i]), path: `commands[${i}]`, message: `"${id}" is not in the approved command catalog (commands/*.yml); known ids: ${known}` }],
    ),
  );
}

/** Matrix rows naming a runbook that does not exist, or a severity the ladder lacks. */
export function checkMatrix(source: MatrixSource, ids: ReadonlySet<string>): LibraryProblem[] {
  const lines = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter: lines });
  const at = (path: PropertyKey[]) => lineOfPath(doc, lines, path);
  const problems: LibraryProblem[] = [];
  source.config.matrix.forEach((row, i) => {
    row.runbooks.forEach((id, j) => {
      if (ids.has(id)) return;
      const message = `no runbook "${id}": add runbooks/${id}.md with "id: ${id}" in its front matter, or name one of: ${[...ids].sort().join(', ') || 'none yet'}`;
      problems.push({ file: source.file, line: at(['matrix', i, 'runbooks', j]), path: `matrix[${i}].runbooks[${j}]`, message });
    });
    if (!findSeverity(source.config, row.suggested_severity)) {
      const valid = source.config.severities.map((s) => s.id).join(', ');
      problems.push({ file: source.file, line: at(['matrix', i, 'suggested_severity']), path: `matrix[${i}].suggested_severity`, message: `"${row.suggested_severity}" is not a defined severity; valid ones are ${valid}` });
    }
  });
  return problems;
}
