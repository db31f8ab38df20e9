import { BLOCK_KIT_LIMITS as L } from '../../../src/sandbox/block-kit-limits';
import { validateMessageBlocks, validateView } from '../../../src/sandbox/block-kit-validate';

const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const chars = (n: number) => 'x'.repeat(n);
const option = (text: string, value: string) => ({ text: plain(text), value });
const options = (n: number) => Array.from({ length: n }, (_, i) => option(`o${i}`, `v${i}`));
const section = (text = 'hi') => ({ type: 'section', text: mrkdwn(text) });
const actions = (...elements: unknown[]) => [{ type: 'actions', elements }];
const button = (extra: Record<string, unknown> = {}) => ({ type: 'button', action_id: 'b', text: plain('Go'), ...extra });
const input = (extra: Record<string, unknown> = {}, element: Record<string, unknown> = {}) => ({
  type: 'input', block_id: 'in', label: plain('Label'),
  element: { type: 'plain_text_input', action_id: 'v', ...element }, ...extra,
});
const modal = (extra: Record<string, unknown> = {}) => ({
  type: 'modal', title: plain('Title'), submit: plain('Save'), blocks: [section()], ...extra,
});

type Rule = [name: string, surface: 'message' | 'view', build: (n: number) => unknown, limit: number, expected: string];

// Each size rule: built at its limit it passes, one over it fails with Slack's kind of message.
const sizeRules: Rule[] = [
  ['a message holds at most 50 blocks', 'message', (n) => Array.from({ length: n }, () => ({ type: 'divider' })), L.messageBlocks, 'no more than 50 items allowed [json-pointer:/blocks]'],
  ['a modal holds at most 100 blocks', 'view', (n) => modal({ blocks: Array.from({ length: n }, () => ({ type: 'divider' })) }), L.viewBlocks, 'no more than 100 items allowed [json-pointer:/view/blocks]'],
  ['a block_id is at most 255 characters', 'message', (n) => [{ type: 'divider', block_id: chars(n) }], L.blockId, '/blocks/0/block_id'],
  ['an action_id is at most 255 characters', 'message', (n) => actions(button({ action_id: chars(n) })), L.actionId, '/blocks/0/elements/0/action_id'],
  ['section text is at most 3000 characters', 'message', (n) => [section(chars(n))], L.sectionText, 'must be less than 3001 characters [json-pointer:/blocks/0/text/text]'],
  ['a section has at most 10 fields', 'message', (n) => [{ type: 'section', fields: Array.from({ length: n }, () => mrkdwn('f')) }], L.sectionFields, 'no more than 10 items allowed [json-pointer:/blocks/0/fields]'],
  ['a section field is at most 2000 characters', 'message', (n) => [{ type: 'section', fields: [mrkdwn(chars(n))] }], L.sectionFieldText, '/blocks/0/fields/0/text'],
  ['header text is at most 150 characters', 'message', (n) => [{ type: 'header', text: plain(chars(n)) }], L.headerText, 'must be less than 151 characters'],
  ['a context block has at most 10 elements', 'message', (n) => [{ type: 'context', elements: Array.from({ length: n }, () => mrkdwn('c')) }], L.contextElements, 'no more than 10 items allowed'],
  ['an actions block has at most 25 elements', 'message', (n) => actions(...Array.from({ length: n }, (_, i) => button({ action_id: `b${i}` }))), L.actionsElements, 'no more than 25 items allowed'],
  ['button text is at most 75 characters', 'message', (n) => actions(button({ text: plain(chars(n)) })), L.buttonText, '/blocks/0/elements/0/text/text'],
  ['a button value is at most 2000 characters', 'message', (n) => actions(button({ value: chars(n) })), L.buttonValue, '/blocks/0/elements/0/value'],
  ['a button url is at most 3000 characters', 'message', (n) => actions(button({ url: `https://${chars(n - 8)}` })), L.buttonUrl, '/blocks/0/elements/0/url'],
  ['a static select has at most 100 options', 'message', (n) => actions({ type: 'static_select', action_id: 's', options: options(n) }), L.selectOptions, 'no more than 100 items allowed'],
  ['a static select has at most 100 option groups', 'message', (n) => actions({ type: 'static_select', action_id: 's', option_groups: Array.from({ length: n }, (_, i) => ({ label: plain(`g${i}`), options: [option('o', `v${i}`)] })) }), L.selectOptionGroups, '/option_groups'],
  ['option text is at most 75 characters', 'message', (n) => actions({ type: 'static_select', action_id: 's', options: [option(chars(n), 'v')] }), L.optionText, '/options/0/text/text'],
  ['an option value is at most 150 characters', 'message', (n) => actions({ type: 'static_select', action_id: 's', options: [option('o', chars(n))] }), L.optionValue, '/options/0/value'],
  ['an overflow menu has at most 5 options', 'message', (n) => actions({ type: 'overflow', action_id: 'o', options: options(n) }), L.overflowOptions, 'no more than 5 items allowed'],
  ['checkboxes have at most 10 options', 'message', (n) => actions({ type: 'checkboxes', action_id: 'c', options: options(n) }), L.choiceOptions, 'no more than 10 items allowed'],
  ['placeholder text is at most 150 characters', 'message', (n) => actions({ type: 'users_select', action_id: 'u', placeholder: plain(chars(n)) }), L.placeholderText, '/placeholder/text'],
  ['an input label is at most 2000 characters', 'view', (n) => modal({ blocks: [input({ label: plain(chars(n)) })] }), L.inputLabel, '/view/blocks/0/label/text'],
  ['an input hint is at most 2000 characters', 'view', (n) => modal({ blocks: [input({ hint: plain(chars(n)) })] }), L.inputHint, '/view/blocks/0/hint/text'],
  ['plain_text_input max_length is at most 3000', 'view', (n) => modal({ blocks: [input({}, { max_length: n })] }), L.plainTextInputLength, 'must be at most 3000 [json-pointer:/view/blocks/0/element/max_length]'],
  ['an image url is at most 3000 characters', 'message', (n) => [{ type: 'image', image_url: `https://${chars(n - 8)}`, alt_text: 'a' }], L.imageUrl, '/blocks/0/image_url'],
  ['image alt text is at most 2000 characters', 'message', (n) => [{ type: 'image', image_url: 'https://x', alt_text: chars(n) }], L.imageAltText, '/blocks/0/alt_text'],
  ['a modal title is at most 24 characters', 'view', (n) => modal({ title: plain(chars(n)) }), L.modalTitle, 'must be less than 25 characters [json-pointer:/view/title/text]'],
  ['modal submit text is at most 24 characters', 'view', (n) => modal({ submit: plain(chars(n)) }), L.modalButtonText, '/view/submit/text'],
  ['modal close text is at most 24 characters', 'view', (n) => modal({ close: plain(chars(n)) }), L.modalButtonText, '/view/close/text'],
  ['private_metadata is at most 3000 characters', 'view', (n) => modal({ private_metadata: chars(n) }), L.privateMetadata, '/view/private_metadata'],
  ['a callback_id is at most 255 characters', 'view', (n) => modal({ callback_id: chars(n) }), L.callbackId, '/view/callback_id'],
  ['an external_id is at most 255 characters', 'view', (n) => modal({ external_id: chars(n) }), L.externalId, '/view/external_id'],
];

function check(surface: 'message' | 'view', value: unknown): string[] {
  return surface === 'message' ? validateMessageBlocks(value) : validateView(value);
}

describe('Block Kit size limits', () => {
  it.each(sizeRules)('%s', (_name, surface, build, limit, expected) => {
    expect(check(surface, build(limit))).toEqual([]);
    const problems = check(surface, build(limit + 1));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(expected);
  });
});

type ShapeRule = [name: string, surface: 'message' | 'view', valid: unknown, invalid: unknown, expected: string];

const shapeRules: ShapeRule[] = [
  ['block_ids are unique within a message', 'message', [{ type: 'divider', block_id: 'a' }, { type: 'divider', block_id: 'b' }], [{ type: 'divider', block_id: 'a' }, { type: 'divider', block_id: 'a' }], 'duplicate block_id: a [json-pointer:/blocks/1/block_id]'],
  ['block_ids are unique within a view', 'view', modal({ blocks: [section(), { ...section(), block_id: 'x' }] }), modal({ blocks: [{ ...section(), block_id: 'x' }, { ...section(), block_id: 'x' }] }), 'duplicate block_id: x'],
  ['action_ids are unique within an actions block', 'message', actions(button({ action_id: 'a' }), button({ action_id: 'b' })), actions(button({ action_id: 'a' }), button({ action_id: 'a' })), 'duplicate action_id: a [json-pointer:/blocks/0/elements/1/action_id]'],
  ['header text must be plain_text', 'message', [{ type: 'header', text: plain('Hi') }], [{ type: 'header', text: mrkdwn('Hi') }], 'must be plain_text [json-pointer:/blocks/0/text/type]'],
  ['text objects are plain_text or mrkdwn', 'message', [section()], [{ type: 'section', text: { type: 'markdown', text: 'x' } }], 'must be one of plain_text, mrkdwn [json-pointer:/blocks/0/text/type]'],
  ['text objects carry non-empty text', 'message', [section('x')], [section('')], 'must be more than 0 characters'],
  ['unknown block types are rejected', 'message', [{ type: 'divider' }], [{ type: 'carousel' }], 'unsupported block type: carousel [json-pointer:/blocks/0/type]'],
  ['unknown element types are rejected', 'message', actions(button()), actions({ type: 'slider', action_id: 's' }), 'unsupported element type: slider [json-pointer:/blocks/0/elements/0/type]'],
  ['elements must fit their place: no text input in an actions block', 'message', actions(button()), actions({ type: 'plain_text_input', action_id: 't' }), 'unsupported element type: plain_text_input'],
  ['a section needs text or fields', 'message', [{ type: 'section', fields: [mrkdwn('f')] }], [{ type: 'section' }], 'must provide text or fields [json-pointer:/blocks/0]'],
  ['button style is primary or danger', 'message', actions(button({ style: 'danger' })), actions(button({ style: 'warning' })), 'must be one of primary, danger'],
  ['an input block needs an element', 'view', modal({ blocks: [input()] }), modal({ blocks: [{ type: 'input', label: plain('L') }] }), 'must provide an element'],
  ['a modal needs a plain_text title', 'view', modal(), modal({ title: undefined }), 'must provide a text object [json-pointer:/view/title]'],
  ['a modal with input blocks needs a submit button', 'view', modal({ blocks: [input()] }), modal({ blocks: [input()], submit: undefined }), 'must provide submit when the view has input blocks'],
  ['a view type is modal or home', 'view', { type: 'home', blocks: [] }, { type: 'page', blocks: [] }, 'must be one of modal, home'],
  ['option values are unique within a menu', 'message', actions({ type: 'static_select', action_id: 's', options: options(2) }), actions({ type: 'static_select', action_id: 's', options: [option('a', 'v'), option('b', 'v')] }), 'duplicate option value'],
];

describe('Block Kit shape rules', () => {
  it.each(shapeRules)('%s', (_name, surface, valid, invalid, expected) => {
    expect(check(surface, valid)).toEqual([]);
    expect(check(surface, invalid).join('\n')).toContain(expected);
  });
});
