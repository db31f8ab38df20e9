import { ConfigError, formatConfigProblems, loadIncidentConfig } from './load';

/** Validates a config file and returns what `npm run config:check` prints. */
export function checkConfigFile(path: string): { ok: boolean; output: string } {
  try {
    const config = loadIncidentConfig(path);
    const summary = [
      `${count(config.severities.length, 'severity', 'severities')} (default ${config.default_severity})`,
      count(config.statuses.length, 'status', 'statuses'),
      count(Object.keys(config.roles).length, 'role', 'roles'),
    ].join(', ');
    return { ok: true, output: `${path} is valid: ${summary}` };
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    const total = count(err.problems.length, 'problem', 'problems');
    return { ok: false, output: `${formatConfigProblems(err)}\n${total} in ${path}` };
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
