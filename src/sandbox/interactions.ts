type Json = Record<string, unknown>;

export interface FoundElement {
  blockId: string;
  element: Json;
}

/** What the user picked: one value (option value, user id, channel id, date…) or several for multi-selects. */
export interface Choice {
  value?: string;
  values?: string[];
}

/** Where an interactive element was used: a stored message, or an open view. */
export type ActionTarget =
  | { channel: string; messageTs: string; viewId?: undefined }
  | { viewId: string; channel?: undefined; messageTs?: undefined };

export type ActionInput = ActionTarget & { user: string; actionId: string; blockId?: string } & Choice;

/** Finds an interactive element by action_id (and block_id when given) in a message's or view's blocks. */
export function findElement(blocks: unknown[] | undefined, actionId: string, blockId?: string): FoundElement | undefined {
  for (const block of blocks ?? []) {
    const b = block as Json;
    if (blockId !== undefined && b.block_id !== blockId) continue;
    const candidates = [b.accessory, b.element, ...(Array.isArray(b.elements) ? b.elements : [])];
    const element = candidates.find((c) => isJson(c) && c.action_id === actionId);
    if (element) return { blockId: String(b.block_id ?? ''), element: element as Json };
  }
  return undefined;
}

/** Builds the `actions[0]` entry of a block_actions payload for an element and the user's choice. */
export function buildAction(found: FoundElement, choice: Choice, actionTs: string): Json {
  const el = found.element;
  const base: Json = { type: el.type, action_id: el.action_id, block_id: found.blockId, action_ts: actionTs };
  if (el.type === 'button') {
    return { ...base, text: el.text, value: choice.value ?? el.value, style: el.style, url: el.url };
  }
  return { ...base, ...selection(el, choice) };
}

/** The `state.values` entry an element holds after the choice. */
export function stateEntry(el: Json, choice: Choice): Json {
  return { type: el.type, ...selection(el, choice) };
}

function selection(el: Json, choice: Choice): Json {
  const one = choice.value ?? '';
  const many = choice.values ?? (choice.value !== undefined ? [choice.value] : []);
  switch (el.type) {
    case 'static_select':
    case 'external_select':
    case 'radio_buttons':
    case 'overflow':
      return { selected_option: findOption(el, one) };
    case 'multi_static_select':
    case 'multi_external_select':
    case 'checkboxes':
      return { selected_options: many.map((v) => findOption(el, v)) };
    case 'users_select':
      return { selected_user: one };
    case 'multi_users_select':
      return { selected_users: many };
    case 'conversations_select':
      return { selected_conversation: one };
    case 'multi_conversations_select':
      return { selected_conversations: many };
    case 'channels_select':
      return { selected_channel: one };
    case 'multi_channels_select':
      return { selected_channels: many };
    case 'datepicker':
      return { selected_date: one };
    case 'timepicker':
      return { selected_time: one };
    case 'datetimepicker':
      return { selected_date_time: Number(one) };
    default:
      return { value: one };
  }
}

function findOption(el: Json, value: string): Json {
  if (el.type === 'external_select' || el.type === 'multi_external_select') {
    return { text: { type: 'plain_text', text: value }, value };
  }
  const groups = Array.isArray(el.option_groups) ? (el.option_groups as Json[]) : [];
  const options = [
    ...(Array.isArray(el.options) ? (el.options as Json[]) : []),
    ...groups.flatMap((g) => (Array.isArray(g.options) ? (g.options as Json[]) : [])),
  ];
  const option = options.find((o) => o.value === value);
  if (!option) throw new Error(`The ${String(el.type)} '${String(el.action_id)}' has no option with value '${value}'`);
  return option;
}

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null;
}
