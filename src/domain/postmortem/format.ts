/** User id to the name people know them by; ids missing from it are shown as @U…. */
export type Names = Readonly<Record<string, string>>;

/** "14:05" in UTC. */
export const clockTime = (d: Date): string => d.toISOString().slice(11, 16);

/** "2025-03-14" in UTC. */
export const utcDay = (d: Date): string => d.toISOString().slice(0, 10);

/** "2025-03-14 14:05 UTC". */
export const utcTime = (d: Date): string => `${utcDay(d)} ${clockTime(d)} UTC`;

/** A span people read at a glance: "under 1 min", "45 min", "2 h 05 min", "3 d 4 h". */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return 'under 1 min';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** The name of a person, or @U… when it is not known. */
export function personName(names: Names, userId: string | null | undefined): string {
  if (!userId) return '';
  return names[userId] ?? `@${userId}`;
}

/**
 * Turns Slack's message markup into Markdown: mentions become names, channel and special mentions plain text,
 * links Markdown links. Slack's `&lt;`, `&gt;` and `&amp;` stay escaped, which Markdown shows as the characters.
 */
export function slackToMarkdown(text: string, names: Names): string {
  return text.replace(/<([^<>\s][^<>]*)>/g, (whole, inner: string) => {
    const [target, label] = splitLabel(inner);
    if (target.startsWith('@')) return label ? `@${label}` : `@${personName(names, target.slice(1)).replace(/^@/, '')}`;
    if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
    if (target.startsWith('!subteam^')) return `@${label?.replace(/^@/, '') ?? 'group'}`;
    if (target.startsWith('!date^')) return label ?? 'a date';
    if (target.startsWith('!')) return `@${target.slice(1)}`;
    if (/^(https?|mailto):/.test(target)) return label ? `[${label.replace(/[[\]]/g, '')}](${target})` : `<${target}>`;
    return whole;
  });
}

function splitLabel(inner: string): [string, string | undefined] {
  const bar = inner.indexOf('|');
  return bar < 0 ? [inner, undefined] : [inner.slice(0, bar), inner.slice(bar + 1)];
}

/** Text on one line, cut to `max` characters with an ellipsis. */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s*\n\s*/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** Text for one cell of a Markdown table: one line, pipes escaped. */
export function tableCell(text: string, max = 200): string {
  return oneLine(text, max).replace(/\|/g, '\\|');
}

/**
 * The link to a message in Slack, built without an API call: `<archive>/<channel>/p<ts without dot>`, plus the
 * thread for a reply. `archiveUrl` is the workspace's "https://<team>.slack.com/archives".
 */
export function messageLink(archiveUrl: string | null, channelId: string | null, ts: string | null, threadTs?: string | null): string | null {
  if (!archiveUrl || !channelId || !ts) return null;
  const base = `${archiveUrl.replace(/\/+$/, '')}/${channelId}/p${ts.replace('.', '')}`;
  return threadTs && threadTs !== ts ? `${base}?thread_ts=${threadTs}&cid=${channelId}` : base;
}

/** "Ana, Ben and 3 others". */
export function nameList(names: string[], shown = 3): string {
  if (names.length <= 1) return names.join('');
  if (names.length <= shown) return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  const others = names.length - shown;
  return `${names.slice(0, shown).join(', ')} and ${others} other${others === 1 ? '' : 's'}`;
}

/** "1 message", "3 messages". */
export const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;
