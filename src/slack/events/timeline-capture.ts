import type { App } from '@slack/bolt';
import { captureDelete, captureEdit, captureHighlight, captureMessage, type CaptureOutcome } from '../../domain/flows/capture-timeline';
import type { BotDeps } from '../deps';
import { parseMessageEvent, parsePinEvent, parseReactionEvent, type CaptureAction } from './timeline-events';

/** Carries out one capture with the domain's plain inputs. */
export function applyCapture(deps: Pick<BotDeps, 'db'>, action: CaptureAction): Promise<CaptureOutcome> {
  switch (action.type) {
    case 'message':
      return captureMessage(deps, action.message);
    case 'edit':
      return captureEdit(deps, action);
    case 'delete':
      return captureDelete(deps, action);
    case 'highlight':
      return captureHighlight(deps, action);
  }
}

/**
 * Registers the listeners that put an incident channel's conversation on its timeline: messages and replies,
 * edits and deletions, pins and :pushpin: reactions. The bot's own posts are skipped; it records its actions itself.
 */
export function registerTimelineCapture(app: App, deps: BotDeps): void {
  const capture = async (action: CaptureAction | null, source: string) => {
    if (!action) return;
    const outcome = await applyCapture(deps, action);
    // A reaction or edit on a message from before the bot was listening is not worth more than a debug line.
    if (outcome === 'not_stored') deps.logger.debug(`timeline: ${source} on ${action.channelId}/${action.ts} matches no entry; skipped`);
  };
  app.event('message', async ({ event, context }) => {
    await capture(parseMessageEvent(event, { botUserId: context.botUserId, botId: context.botId }), 'message');
  });
  for (const type of ['reaction_added', 'reaction_removed'] as const) {
    app.event(type, async ({ event }) => capture(parseReactionEvent(event), type));
  }
  for (const type of ['pin_added', 'pin_removed'] as const) {
    app.event(type, async ({ event }) => capture(parsePinEvent(event), type));
  }
}
