import { slugify } from '../channel-name';
import type { Incident } from '../incident';
import { utcDay } from './format';

const SLUG_MAX = 60;

/** The file name of a draft: `<yyyy-mm-dd>-inc-<n>-<slug>.md`, with `-v<n>` from the second version on. */
export function postmortemFileName(incident: Pick<Incident, 'id' | 'title' | 'declaredAt'>, version: number): string {
  const slug = slugify(incident.title).slice(0, SLUG_MAX).replace(/-+$/, '') || 'incident';
  return `${utcDay(incident.declaredAt)}-inc-${incident.id}-${slug}${version > 1 ? `-v${version}` : ''}.md`;
}

/** Where a draft is kept in the artifact store: `postmortems/<file name>`. */
export function postmortemKey(incident: Pick<Incident, 'id' | 'title' | 'declaredAt'>, version: number): string {
  return `postmortems/${postmortemFileName(incident, version)}`;
}
