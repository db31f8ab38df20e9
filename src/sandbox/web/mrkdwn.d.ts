/** Types of mrkdwn.js (a browser script that is also a CommonJS module), for the unit tests. */
export interface RenderContext {
  users?: Record<string, { name: string; realName?: string }>;
  channels?: Record<string, string>;
  userList?: { id: string; label: string }[];
  channelList?: { id: string; label: string }[];
  botName?: string;
  me?: string;
  /** IANA zone for times and dates; the browser's when omitted. */
  timeZone?: string;
  /** "Now" in milliseconds, for {date_pretty} and {ago}. */
  now?: number;
}
export function escapeHtml(text: unknown): string;
export function decodeEntities(text: string): string;
export function renderPlain(text: string | undefined): string;
export function renderMrkdwn(text: string | undefined, ctx?: RenderContext): string;
export function formatDate(seconds: number, template: string, ctx?: RenderContext): string;
export function emojify(html: string): string;
