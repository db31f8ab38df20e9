/**
 * Block Kit limits Slack enforces, in one table. Each entry is checked in block-kit-validate.ts /
 * block-kit-elements.ts and has its own test in test/unit/sandbox/block-kit-limits.test.ts.
 */
export const BLOCK_KIT_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  messageText: 40_000,
  blockId: 255,
  actionId: 255,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  selectOptions: 100,
  selectOptionGroups: 100,
  optionText: 75,
  optionValue: 150,
  overflowOptions: 5,
  choiceOptions: 10,
  placeholderText: 150,
  inputLabel: 2000,
  inputHint: 2000,
  plainTextInputLength: 3000,
  imageUrl: 3000,
  imageAltText: 2000,
  modalTitle: 24,
  modalButtonText: 24,
  privateMetadata: 3000,
  callbackId: 255,
  externalId: 255,
} as const;

export const TEXT_OBJECT_TYPES = ['plain_text', 'mrkdwn'] as const;

export const BLOCK_TYPES = [
  'actions', 'context', 'divider', 'file', 'header', 'image', 'input',
  'markdown', 'rich_text', 'section', 'table', 'video',
] as const;

export const SELECT_MENU_TYPES = [
  'static_select', 'external_select', 'users_select', 'conversations_select', 'channels_select',
  'multi_static_select', 'multi_external_select', 'multi_users_select', 'multi_conversations_select',
  'multi_channels_select',
] as const;

const PICKERS = ['datepicker', 'timepicker', 'datetimepicker'] as const;
const CHOICES = ['checkboxes', 'radio_buttons'] as const;

/** Which interactive elements each place accepts. */
export const ELEMENTS_ALLOWED_IN = {
  actions: ['button', 'overflow', 'workflow_button', 'rich_text_input', ...SELECT_MENU_TYPES, ...PICKERS, ...CHOICES],
  sectionAccessory: ['button', 'image', 'overflow', 'workflow_button', ...SELECT_MENU_TYPES, ...PICKERS, ...CHOICES],
  input: [
    'plain_text_input', 'email_text_input', 'url_text_input', 'number_input', 'rich_text_input', 'file_input',
    ...SELECT_MENU_TYPES, ...PICKERS, ...CHOICES,
  ],
} as const;

export const BUTTON_STYLES = ['primary', 'danger'] as const;
