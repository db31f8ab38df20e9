import { checkCatalogBeside } from '../commands/check-report';
import { checkRunbooksBeside } from '../runbooks/check-report';
import { ConfigError, formatConfigProblems, loadIncidentConfig } from './load';
import type { IncidentConfig } from './schema';

/** Validates a config file and the runbooks beside it; returns what `npm run config:check` prints. */
export function checkConfigFile(path: string): { ok: boolean; output: string } {
  const { config, problems } = loadForCheck(path);
  const runbooks = checkRunbooksBeside(path, config);
  const catalog = checkCatalogBeside(path, config);
  const all = [...problems, ...runbooks.problems, ...catalog.problems];
  if (config && all.length === 0) {
    const summary = [
      `${count(config.severities.length, 'severity', 'severities')} (default ${config.default_severity})`,
      count(config.statuses.length, 'status', 'statuses'),
      count(Object.keys(config.roles).length, 'role', 'roles'),
      ...(runbooks.summary ? [runbooks.summary] : []),
      ...(catalog.summary ? [catalog.summary] : []),
    ].join(', ');
    return { ok: true, output: `${path} is valid: ${summary}` };
  }
  const where = runbooks.problems.length > 0 ? `${path} and its runbooks` : path;
  return { ok: false, output: `${all.join('\n')}\n${count(all.length, 'problem', 'problems')} in ${where}` };
}

function loadForCheck(path: string): { config: IncidentConfig | null; problems: string[] } {
  try {
    return { config: loadIncidentConfig(path), problems: [] };
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return { config: null, problems: formatConfigProblems(err).split('\n') };
  }
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

if (require.main === module) {
  const path = process.argv[2] ?? process.env.INCIDENT_CONFIG ?? 'incident.config.yml';
  const { ok, output } = checkConfigFile(path);
  (ok ? console.log : console.error)(output);
  process.exitCode = ok ? 0 : 1;
}
