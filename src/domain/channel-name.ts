/** Slack's rules for channel names: lowercase letters, digits, '-' and '_', at most 80 characters. */
export const CHANNEL_NAME_MAX = 80;

/** Turns a title into a channel-safe slug: "Checkout API 5xx!" -> "checkout-api-5xx". */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10).replace(/-/g, '');
}

/**
 * Fills the naming template ({yyyymmdd}, {slug}, {n}); when the result is too long the slug is shortened,
 * never the fixed parts, and an empty slug falls back to the incident number.
 */
export function incidentChannelName(template: string, values: { declaredAt: Date; title: string; number: number }): string {
  const slug = slugify(values.title) || `incident-${values.number}`;
  const fill = (s: string) =>
    template.replace('{yyyymmdd}', formatDay(values.declaredAt)).replace('{n}', String(values.number)).replace('{slug}', s);
  const overflow = fill(slug).length - CHANNEL_NAME_MAX;
  const name = overflow > 0 ? fill(slug.slice(0, Math.max(1, slug.length - overflow)).replace(/-+$/, '')) : fill(slug);
  return name.slice(0, CHANNEL_NAME_MAX);
}

/** The name to try after `attempt` collisions: "inc-…-slug-2", still within 80 characters. */
export function withSuffix(name: string, attempt: number): string {
  const suffix = `-${attempt + 1}`;
  return `${name.slice(0, CHANNEL_NAME_MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
}
