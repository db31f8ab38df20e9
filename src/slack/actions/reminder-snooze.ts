import type { App, BlockButtonAction } from '@slack/bolt';
import { z } from 'zod';
import { AppError } from '../../domain/errors';
import { snoozeStatusReminder } from '../../domain/flows/snooze-reminder';
import { snoozedReminderMessage } from '../blocks/reminder';
import type { BotDeps } from '../deps';
import { replyForError } from '../error-reply';
import { ACTIONS } from '../ids';

const snoozeValue = z.object({ jobId: z.number().int(), minutes: z.number().int() });

function parseValue(value: string | undefined): z.infer<typeof snoozeValue> {
  try {
    return snoozeValue.parse(JSON.parse(value ?? ''));
  } catch {
    throw new AppError('usage', 'This snooze button is not one the bot made; use `/incident status` to post an update.');
  }
}

/** The reminder's Snooze buttons: the next reminder comes later, and the reminder shows who snoozed it until when. */
export function registerReminderSnooze(app: App, deps: BotDeps): void {
  for (const actionId of [ACTIONS.snoozeShort, ACTIONS.snoozeLong]) {
    app.action<BlockButtonAction>(actionId, async ({ ack, body, action, client, respond }) => {
      await ack();
      try {
        const { until } = await snoozeStatusReminder(deps, parseValue(action.value));
        await respond({ replace_original: true, ...snoozedReminderMessage(body.message?.text ?? 'Status update reminder', body.user.id, until) });
      } catch (err) {
        const channel = body.channel?.id;
        const text = replyForError(err, deps).text;
        if (channel) await client.chat.postEphemeral({ channel, user: body.user.id, text }).catch(() => undefined);
      }
    });
  }
}
