import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * The ids of the approved command catalog, read from the `id:` of each `commands/*.yml` file; null when the
 * folder does not exist (no catalog to check against). Only the ids: the catalog's own loader checks the rest.
 */
export function readCommandIds(dir: string): Set<string> | null {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
  } catch {
    return null;
  }
  const ids = new Set<string>();
  for (const file of files) {
    let doc: unknown;
    try {
      doc = parse(readFileSync(join(dir, file), 'utf8'));
    } catch {
      continue;
    }
    for (const entry of Array.isArray(doc) ? doc : [doc]) {
      const id = (entry as { id?: unknown } | null)?.id;
      if (typeof id === 'string') ids.add(id);
    }
  }
  return ids;
}
