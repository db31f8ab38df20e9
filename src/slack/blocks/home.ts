import { Blocks, HomeTab, Md } from 'slack-block-builder';
import type { SlackViewDto } from 'slack-block-builder';

/** The App Home tab: what the bot is and the one command to remember. */
export function homeView(incidentsChannel: string): SlackViewDto {
  return HomeTab()
    .blocks(
      Blocks.Header({ text: 'Incident Bot' }),
      Blocks.Section({
        text: `Something wrong? Declare it: ${Md.codeInline('/incident declare sev2 Checkout API 5xx')}. The bot opens a channel, announces it in ${incidentsChannel} and keeps the timeline.`,
      }),
      Blocks.Context().elements(`Every command: ${Md.codeInline('/incident help')}`),
    )
    .buildToObject();
}
