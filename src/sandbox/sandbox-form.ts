import { stateEntry } from './interactions';
import type { ViewStateValues } from './view-interactions';
import type { Workspace } from './workspace';
import type { SlackView } from './workspace-types';

type Json = Record<string, unknown>;

/** What the page sends for one form field: a single value, or several (checkboxes, multi-selects). */
export interface FieldInput {
  value?: string | null;
  values?: string[];
}

export type FormFields = Record<string, Record<string, FieldInput>>;

/** The empty `state.values` entry Slack sends for an input left blank, by element type. */
const EMPTY_SINGLE: Record<string, string> = {
  static_select: 'selected_option', external_select: 'selected_option', radio_buttons: 'selected_option',
  users_select: 'selected_user', conversations_select: 'selected_conversation', channels_select: 'selected_channel',
  datepicker: 'selected_date', timepicker: 'selected_time', datetimepicker: 'selected_date_time',
};

const MULTI = /^(multi_|checkboxes$)/;

/** Turns the page's form fields into the modal's `state.values`, one entry per input block, as Slack builds it. */
export function viewStateValues(view: SlackView, fields: FormFields): ViewStateValues {
  const values: ViewStateValues = { ...view.state.values };
  for (const block of view.blocks as Json[]) {
    const element = block.element as Json | undefined;
    if (block.type !== 'input' || !element || typeof element.action_id !== 'string') continue;
    const blockId = String(block.block_id ?? '');
    const input = fields[blockId]?.[element.action_id] ?? {};
    values[blockId] = { [element.action_id]: entryFor(element, input) };
  }
  return values;
}

function entryFor(element: Json, input: FieldInput): Json {
  const type = String(element.type);
  if (MULTI.test(type)) return stateEntry(element, { values: input.values ?? [] });
  const value = input.value ?? input.values?.[0] ?? '';
  if (value !== '') return stateEntry(element, { value });
  return { type, [EMPTY_SINGLE[type] ?? 'value']: null };
}

/**
 * Escapes typed text as the Slack client does before sending it: `&`, `<`, `>` become entities, `@name`,
 * `#channel` and `@here` become mentions (commands get the `<@U…|name>` form that `should_escape` produces), and
 * a message's bare URLs become links.
 */
export function escapeTyped(ws: Workspace, text: string, style: 'command' | 'message'): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const linked = style === 'message' ? escaped.replace(/(^|\s)(https?:\/\/[^\s<>]*[^\s<>.,;:!?)])/g, '$1<$2>') : escaped;
  return linked.replace(/(^|[^\w&])([@#])(\w(?:[\w.-]*\w)?)/g, (whole, before: string, sigil: string, name: string) => {
    const mention = sigil === '@' ? userMention(ws, name, style) : channelMention(ws, name, style);
    return mention ? `${before}${mention}` : whole;
  });
}

function userMention(ws: Workspace, name: string, style: 'command' | 'message'): string | undefined {
  if (['here', 'channel', 'everyone'].includes(name)) return `<!${name}>`;
  const user = [...ws.users.values()].find((u) => u.name === name);
  if (!user) return undefined;
  return style === 'command' ? `<@${user.id}|${user.name}>` : `<@${user.id}>`;
}

function channelMention(ws: Workspace, name: string, style: 'command' | 'message'): string | undefined {
  const channel = ws.channelByName(name);
  if (!channel) return undefined;
  return style === 'command' ? `<#${channel.id}|${channel.name}>` : `<#${channel.id}>`;
}
