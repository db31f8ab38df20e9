import { BLOCK_KIT_LIMITS as L, BUTTON_STYLES, TEXT_OBJECT_TYPES } from './block-kit-limits';

type Json = Record<string, unknown>;

/** Collects rule violations as Slack words them: '[ERROR] <rule> [json-pointer:<path>]'. */
export class Report {
  readonly messages: string[] = [];

  /** Records one violation at a JSON pointer. */
  add(path: string, rule: string): void {
    this.messages.push(`[ERROR] ${rule} [json-pointer:${path}]`);
  }
}

/** Whether the value is a plain JSON object. */
export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Length in characters (code points), as Slack counts them. */
export function charCount(value: string): number {
  return Array.from(value).length;
}

/** Checks that an optional string field is a string of at most `max` characters. */
export function checkString(r: Report, value: unknown, path: string, max: number, required = false): void {
  if (value === undefined || value === null) {
    if (required) r.add(path, 'must provide a string');
    return;
  }
  if (typeof value !== 'string') return r.add(path, 'must be a string');
  if (charCount(value) > max) r.add(path, `must be less than ${max + 1} characters`);
}

/** Checks a text composition object: its type, its text and its length. */
export function checkText(
  r: Report,
  value: unknown,
  path: string,
  o: { max: number; plainOnly?: boolean; required?: boolean },
): void {
  if (value === undefined || value === null) {
    if (o.required) r.add(path, 'must provide a text object');
    return;
  }
  if (!isObject(value)) return r.add(path, 'must be a text object');
  if (!(TEXT_OBJECT_TYPES as readonly unknown[]).includes(value.type)) {
    return r.add(`${path}/type`, 'must be one of plain_text, mrkdwn');
  }
  if (o.plainOnly && value.type !== 'plain_text') return r.add(`${path}/type`, 'must be plain_text');
  if (typeof value.text !== 'string') return r.add(`${path}/text`, 'must provide a string');
  if (value.text.length === 0) return r.add(`${path}/text`, 'must be more than 0 characters');
  if (charCount(value.text) > o.max) r.add(`${path}/text`, `must be less than ${o.max + 1} characters`);
}

/** Checks a list's length bounds. */
export function checkCount(r: Report, value: unknown, path: string, max: number, min = 0): value is unknown[] {
  if (!Array.isArray(value)) {
    r.add(path, 'must be an array');
    return false;
  }
  if (value.length < min) r.add(path, `must provide at least ${min} items`);
  if (value.length > max) r.add(path, `no more than ${max} items allowed`);
  return true;
}

/** Checks an interactive element: the type is allowed here, and the type's own limits hold. */
export function checkElement(r: Report, el: unknown, path: string, allowed: readonly string[]): void {
  if (!isObject(el)) return r.add(path, 'must be an object');
  if (typeof el.type !== 'string' || !allowed.includes(el.type)) {
    return r.add(`${path}/type`, `unsupported element type: ${String(el.type)}`);
  }
  checkString(r, el.action_id, `${path}/action_id`, L.actionId);
  checkText(r, el.placeholder, `${path}/placeholder`, { max: L.placeholderText, plainOnly: true });
  if (el.type === 'button') return checkButton(r, el, path);
  if (el.type === 'image') return checkImage(r, el, path);
  if (el.type === 'plain_text_input') return checkPlainTextInput(r, el, path);
  if (el.type === 'overflow') return checkOptions(r, el.options, `${path}/options`, L.overflowOptions, true);
  if (el.type === 'checkboxes' || el.type === 'radio_buttons') {
    return checkOptions(r, el.options, `${path}/options`, L.choiceOptions, false);
  }
  if (el.type === 'static_select' || el.type === 'multi_static_select') checkStaticSelect(r, el, path);
}

/** Checks an image element or block's url and alt text. */
export function checkImage(r: Report, el: Json, path: string): void {
  if (el.slack_file === undefined) checkString(r, el.image_url, `${path}/image_url`, L.imageUrl, true);
  checkString(r, el.alt_text, `${path}/alt_text`, L.imageAltText, true);
}

function checkButton(r: Report, el: Json, path: string): void {
  checkText(r, el.text, `${path}/text`, { max: L.buttonText, plainOnly: true, required: true });
  checkString(r, el.value, `${path}/value`, L.buttonValue);
  checkString(r, el.url, `${path}/url`, L.buttonUrl);
  if (el.style !== undefined && !(BUTTON_STYLES as readonly unknown[]).includes(el.style)) {
    r.add(`${path}/style`, 'must be one of primary, danger');
  }
}

function checkPlainTextInput(r: Report, el: Json, path: string): void {
  for (const key of ['max_length', 'min_length'] as const) {
    const value = el[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value)) r.add(`${path}/${key}`, 'must be an integer');
    else if (value > L.plainTextInputLength) r.add(`${path}/${key}`, `must be at most ${L.plainTextInputLength}`);
  }
}

function checkStaticSelect(r: Report, el: Json, path: string): void {
  if (el.options !== undefined) return checkOptions(r, el.options, `${path}/options`, L.selectOptions, true);
  if (!checkCount(r, el.option_groups, `${path}/option_groups`, L.selectOptionGroups, 1)) return;
  (el.option_groups as unknown[]).forEach((group, i) => {
    const groupPath = `${path}/option_groups/${i}`;
    if (!isObject(group)) return r.add(groupPath, 'must be an object');
    checkText(r, group.label, `${groupPath}/label`, { max: L.optionText, plainOnly: true, required: true });
    checkOptions(r, group.options, `${groupPath}/options`, L.selectOptions, true);
  });
}

function checkOptions(r: Report, options: unknown, path: string, max: number, plainOnly: boolean): void {
  if (!checkCount(r, options, path, max, 1)) return;
  const values = new Set<unknown>();
  (options as unknown[]).forEach((option, i) => {
    const optionPath = `${path}/${i}`;
    if (!isObject(option)) return r.add(optionPath, 'must be an object');
    checkText(r, option.text, `${optionPath}/text`, { max: L.optionText, plainOnly, required: true });
    checkString(r, option.value, `${optionPath}/value`, L.optionValue, true);
    if (values.has(option.value)) r.add(`${optionPath}/value`, 'duplicate option value');
    values.add(option.value);
  });
}
