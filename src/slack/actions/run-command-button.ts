import type { App, BlockButtonAction } from '@slack/bolt';
import { z } from 'zod';
import { AppError } from '../../domain/errors';
import { regionsFor } from '../../domain/flows/request-command';
import type { BotDeps } from '../deps';
import { replyForError } from '../error-reply';
import { ACTIONS } from '../ids';
import { runModal } from './run-command-button-modal';

/** Every Run button on a runbook step: `runbook_run_command:<command id>`; the value is a RunButtonValue (JSON). */
export const RUN_COMMAND_ACTION = new RegExp(`^${ACTIONS.runCommand}:`);

const buttonValue = z.object({ incidentId: z.number().int().positive(), commandId: z.string() });

/** A step's Run button: opens the Run form (region and parameters) for the command it names. */
export function registerRunCommandButton(app: App, deps: BotDeps): void {
  app.action<BlockButtonAction>(RUN_COMMAND_ACTION, async ({ ack, body, action, client }) => {
    await ack();
    const channel = body.channel?.id;
    try {
      const value = buttonValue.safeParse(JSON.parse(action.value ?? 'null'));
      if (!value.success) throw new AppError('usage', 'This Run button is from an older version of the runbook; post the runbook again with `/incident runbook`.');
      const spec = deps.catalog.get(value.data.commandId);
      if (!spec) throw new AppError('not_found', `\`${value.data.commandId}\` is not in the approved command catalog (commands/*.yml) of this bot.`);
      const regions = regionsFor(deps.config, spec);
      if (regions.length === 0) throw new AppError('usage', `\`${spec.id}\` may not run in any configured region; add regions under \`regions:\` in incident.config.yml.`);
      await client.views.open({ trigger_id: body.trigger_id, view: runModal(spec, regions, { incidentId: value.data.incidentId, commandId: spec.id, channelId: channel ?? '' }) });
    } catch (err) {
      if (channel) await client.chat.postEphemeral({ channel, user: body.user.id, text: replyForError(err, deps).text }).catch(() => undefined);
    }
  });
}
