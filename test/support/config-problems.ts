import { ConfigError, formatConfigProblems, parseIncidentConfig } from '../../src/config/load';

/** Parses YAML as if it were the user's incident.config.yml and returns the report lines it is rejected with. */
export function configProblems(text: string): string[] {
  try {
    parseIncidentConfig(text, 'incident.config.yml');
  } catch (err) {
    if (err instanceof ConfigError) return formatConfigProblems(err).split('\n');
    throw err;
  }
  throw new Error('expected the config to be rejected');
}
