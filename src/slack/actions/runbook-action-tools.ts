import type { BlockAction, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { SlackMessageDto } from 'slack-block-builder';
import type { ZodType } from 'zod';
import { AppError } from '../../domain/errors';
import type { BotDeps } from '../deps';
import { replyForError } from '../error-reply';

/** Parses a button's JSON value; one the bot did not make gets a clear answer instead of a crash. */
export function parseButtonValue<T>(schema: ZodType<T>, value: string | undefined, instead: string): T {
  try {
    return schema.parse(JSON.parse(value ?? ''));
  } catch {
    throw new AppError('usage', `This button is not one the bot made. ${instead}`);
  }
}

/**
 * Tells the person who clicked, and only them, what went wrong: through the interaction's response_url, which
 * reaches them even in a public channel they have not joined, else as an ephemeral message.
 */
export async function tellClicker(tools: ClickTools, err: unknown, deps: Pick<BotDeps, 'logger' | 'metrics'>): Promise<void> {
  const text = replyForError(err, deps).text;
  await showClicker(tools, { text }).catch(() => undefined);
}

/** What an action listener has to answer the person who clicked. */
export interface ClickTools {
  body: BlockAction;
  client: WebClient;
  respond?: RespondFn;
}

/** Shows a message to the person who clicked only (not replacing the message they clicked in). */
export async function showClicker(tools: ClickTools, message: Pick<SlackMessageDto, 'text' | 'blocks'>): Promise<void> {
  if (tools.respond && tools.body.response_url) {
    await tools.respond({ response_type: 'ephemeral', replace_original: false, ...message });
    return;
  }
  const channel = tools.body.channel?.id;
  if (channel) await tools.client.chat.postEphemeral({ channel, user: tools.body.user.id, text: message.text ?? '', blocks: message.blocks });
}
