import {
  Report,
  checkCount,
  checkElement,
  checkImage,
  checkString,
  checkText,
  isObject,
} from './block-kit-elements';
import { BLOCK_KIT_LIMITS as L, BLOCK_TYPES, ELEMENTS_ALLOWED_IN } from './block-kit-limits';

type Json = Record<string, unknown>;

/** Checks a message's blocks; returns Slack-style error lines (empty when valid). */
export function validateMessageBlocks(blocks: unknown): string[] {
  const r = new Report();
  checkBlockList(r, blocks, '/blocks', L.messageBlocks);
  return r.messages;
}

/** Checks a modal or home tab view; returns Slack-style error lines (empty when valid). */
export function validateView(view: unknown, expectedType?: 'modal' | 'home'): string[] {
  const r = new Report();
  if (!isObject(view)) {
    r.add('/view', 'must be an object');
    return r.messages;
  }
  if (view.type !== 'modal' && view.type !== 'home') r.add('/view/type', 'must be one of modal, home');
  else if (expectedType && view.type !== expectedType) r.add('/view/type', `must be ${expectedType}`);
  if (view.type === 'modal') checkModalChrome(r, view);
  checkString(r, view.private_metadata, '/view/private_metadata', L.privateMetadata);
  checkString(r, view.callback_id, '/view/callback_id', L.callbackId);
  checkString(r, view.external_id, '/view/external_id', L.externalId);
  checkBlockList(r, view.blocks, '/view/blocks', L.viewBlocks);
  return r.messages;
}

function checkModalChrome(r: Report, view: Json): void {
  const button = { max: L.modalButtonText, plainOnly: true };
  checkText(r, view.title, '/view/title', { max: L.modalTitle, plainOnly: true, required: true });
  checkText(r, view.submit, '/view/submit', button);
  checkText(r, view.close, '/view/close', button);
  const hasInput = Array.isArray(view.blocks) && view.blocks.some((b) => isObject(b) && b.type === 'input');
  if (hasInput && view.submit === undefined) r.add('/view/submit', 'must provide submit when the view has input blocks');
}

function checkBlockList(r: Report, blocks: unknown, path: string, max: number): void {
  if (!checkCount(r, blocks, path, max)) return;
  const blockIds = new Set<string>();
  (blocks as unknown[]).forEach((block, i) => checkBlock(r, block, `${path}/${i}`, blockIds));
}

function checkBlock(r: Report, block: unknown, path: string, blockIds: Set<string>): void {
  if (!isObject(block)) return r.add(path, 'must be an object');
  if (!(BLOCK_TYPES as readonly unknown[]).includes(block.type)) {
    return r.add(`${path}/type`, `unsupported block type: ${String(block.type)}`);
  }
  checkBlockId(r, block.block_id, `${path}/block_id`, blockIds);
  switch (block.type) {
    case 'section':
      return checkSection(r, block, path);
    case 'header':
      return checkText(r, block.text, `${path}/text`, { max: L.headerText, plainOnly: true, required: true });
    case 'context':
      return checkContext(r, block, path);
    case 'actions':
      return checkActions(r, block, path);
    case 'input':
      return checkInput(r, block, path);
    case 'image':
      checkImage(r, block, path);
      return checkText(r, block.title, `${path}/title`, { max: L.imageAltText, plainOnly: true });
  }
}

function checkBlockId(r: Report, blockId: unknown, path: string, seen: Set<string>): void {
  if (blockId === undefined) return;
  checkString(r, blockId, path, L.blockId);
  if (typeof blockId !== 'string') return;
  if (seen.has(blockId)) r.add(path, `duplicate block_id: ${blockId}`);
  seen.add(blockId);
}

function checkSection(r: Report, block: Json, path: string): void {
  if (block.text === undefined && block.fields === undefined) {
    r.add(path, 'must provide text or fields');
  }
  checkText(r, block.text, `${path}/text`, { max: L.sectionText });
  if (block.fields !== undefined && checkCount(r, block.fields, `${path}/fields`, L.sectionFields, 1)) {
    (block.fields as unknown[]).forEach((field, i) =>
      checkText(r, field, `${path}/fields/${i}`, { max: L.sectionFieldText, required: true }),
    );
  }
  if (block.accessory !== undefined) {
    checkElement(r, block.accessory, `${path}/accessory`, ELEMENTS_ALLOWED_IN.sectionAccessory);
  }
}

function checkContext(r: Report, block: Json, path: string): void {
  if (!checkCount(r, block.elements, `${path}/elements`, L.contextElements, 1)) return;
  (block.elements as unknown[]).forEach((el, i) => {
    const elPath = `${path}/elements/${i}`;
    if (isObject(el) && el.type === 'image') return checkImage(r, el, elPath);
    checkText(r, el, elPath, { max: L.sectionText, required: true });
  });
}

function checkActions(r: Report, block: Json, path: string): void {
  if (!checkCount(r, block.elements, `${path}/elements`, L.actionsElements, 1)) return;
  const actionIds = new Set<string>();
  (block.elements as unknown[]).forEach((el, i) => {
    const elPath = `${path}/elements/${i}`;
    checkElement(r, el, elPath, ELEMENTS_ALLOWED_IN.actions);
    if (!isObject(el) || typeof el.action_id !== 'string') return;
    if (actionIds.has(el.action_id)) r.add(`${elPath}/action_id`, `duplicate action_id: ${el.action_id}`);
    actionIds.add(el.action_id);
  });
}

function checkInput(r: Report, block: Json, path: string): void {
  checkText(r, block.label, `${path}/label`, { max: L.inputLabel, plainOnly: true, required: true });
  checkText(r, block.hint, `${path}/hint`, { max: L.inputHint, plainOnly: true });
  if (block.element === undefined) return r.add(`${path}/element`, 'must provide an element');
  checkElement(r, block.element, `${path}/element`, ELEMENTS_ALLOWED_IN.input);
}

/** Gives every block without a block_id a short random one, as Slack does when it stores blocks. */
export function assignBlockIds(blocks: unknown[]): unknown[] {
  return blocks.map((block) => {
    if (!isObject(block) || typeof block.block_id === 'string') return block;
    return { ...block, block_id: Math.random().toString(36).slice(2, 7) };
  });
}
