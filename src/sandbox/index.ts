/** The Slack sandbox: a stateful Web API emulator and the Slack side that sends the bot signed requests. */
export { SlackEmulator, type EmulatorOptions, type BotResponse } from './emulator';
export { signSlackRequest, signatureHeaders } from './signing';
export { Workspace, type SeedChannel, type SeedUser } from './workspace';
export { BLOCK_KIT_LIMITS } from './block-kit-limits';
export { validateMessageBlocks, validateView } from './block-kit-validate';
export { API_METHODS } from './api-methods';
export type { ActionInput, ActionTarget, Choice } from './interactions';
export type { BotConnection, EventDelivery, RawBotRequest } from './bot-link';
export type { ViewStateValues } from './view-interactions';
export type { MessageRef } from './user-activity';
export type * from './workspace-types';
