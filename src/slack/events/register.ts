import type { App } from '@slack/bolt';
import { homeView } from '../blocks/home';
import type { BotDeps } from '../deps';
import { dedupeEvents } from '../middleware/dedupe-events';
import { registerTimelineCapture } from './timeline-capture';

/** Registers the event middleware and listeners. */
export function registerEvents(app: App, deps: BotDeps): void {
  app.use(dedupeEvents(deps));
  registerTimelineCapture(app, deps);
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await client.views.publish({ user_id: event.user, view: homeView(deps.config.channels.incidents_channel) });
  });
}
