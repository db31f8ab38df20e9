import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { IncidentConfig } from '../config/schema';
import { CatalogError, catalogOf, checkCatalogRegions, formatCatalogProblems, loadCommandCatalog, type CommandCatalog } from './catalog';

/** The catalog's folder: `commands/` beside the config file. */
export function commandsDirBeside(configPath: string): string {
  return join(dirname(configPath), 'commands');
}

/**
 * Loads the catalog beside the config and checks its regions against the config's; an absent folder is an
 * empty catalog (no commands can run). Throws CatalogError on any problem.
 */
export function loadCatalogBeside(configPath: string, config: Pick<IncidentConfig, 'regions'>): CommandCatalog {
  const dir = commandsDirBeside(configPath);
  if (!existsSync(dir)) return catalogOf([]);
  const catalog = loadCommandCatalog(dir);
  const problems = checkCatalogRegions(catalog, Object.keys(config.regions));
  if (problems.length > 0) throw new CatalogError(problems);
  return catalog;
}

/** The catalog's part of `npm run config:check`: every problem as `file:line path: message`, and a summary. */
export function checkCatalogBeside(configPath: string, config: IncidentConfig | null): { problems: string[]; summary: string | null } {
  if (!existsSync(commandsDirBeside(configPath))) return { problems: [], summary: null };
  try {
    const catalog = config ? loadCatalogBeside(configPath, config) : loadCommandCatalog(commandsDirBeside(configPath));
    const n = catalog.list().length;
    const regions = config ? Object.keys(config.regions).length : 0;
    return { problems: [], summary: `${n} approved command${n === 1 ? '' : 's'}, ${regions} region${regions === 1 ? '' : 's'}` };
  } catch (err) {
    if (!(err instanceof CatalogError)) throw err;
    return { problems: formatCatalogProblems(err.problems).split('\n'), summary: null };
  }
}
