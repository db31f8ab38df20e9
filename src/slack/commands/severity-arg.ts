import { findSeverity, severityLevels } from '../../config/load';
import type { IncidentConfig } from '../../config/schema';
import { AppError } from '../../domain/errors';

const LOOKS_LIKE_SEVERITY = /^(sev|p)[-_ ]?\d+$|^\d$/i;

/** "Unknown severity X. Valid ones: SEV-1 (sev1, 1, p1, …), …" */
export function unknownSeverity(config: IncidentConfig, given: string, usage: string): AppError {
  const valid = config.severities.map((s) => `${s.id}${s.aliases.length ? ` (${s.aliases.slice(0, 4).join(', ')})` : ''}`).join(', ');
  return new AppError('usage', `Unknown severity "${given}". Valid ones: ${valid}.\nUsage: \`${usage}\``);
}

/**
 * Splits "[severity] [title…]": the first word is a severity when the config knows it; a word that only looks
 * like one (sev9, p7) is an error rather than the start of a title.
 */
export function splitSeverity(config: IncidentConfig, args: string[], usage: string): { severity?: string; title: string } {
  const [first, ...rest] = args;
  if (first === undefined) return { title: '' };
  const severity = findSeverity(config, first);
  if (severity) return { severity: severity.id, title: rest.join(' ') };
  if (LOOKS_LIKE_SEVERITY.test(first)) throw unknownSeverity(config, first, usage);
  return { title: args.join(' ') };
}

export { severityLevels };
