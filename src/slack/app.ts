import { App, HTTPModuleFunctions, HTTPReceiver, LogLevel, SocketModeReceiver } from '@slack/bolt';
import type { Env } from '../config/env';
import { healthRoutes } from '../http/health-routes';
import { registerActions } from './actions/register';
import { registerCommands } from './commands/register';
import type { BotDeps } from './deps';
import { registerEvents } from './events/register';
import type { InFlightWork } from './middleware/in-flight';
import { recordAnswer, refuseReplays, SIGNATURE_KEY } from './middleware/refuse-replays';
import { ackEventsAfterProcessing, isEventDelivery } from './delivery-acks';
import { registerViews } from './views/register';

const LOG_LEVELS = { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR } as const;

/**
 * Builds the Bolt app: HTTP (commands, interactivity and events on `POST /slack/events`, health beside them)
 * or Socket Mode (health on its own port), with the Web API pointed at `SLACK_API_URL` when set.
 */
export function createSlackApp(env: Env, deps: BotDeps, inFlight: InFlightWork): App {
  const routes = [...healthRoutes({ ping: () => deps.db.ping(), registry: deps.metrics.registry }), ...(deps.httpRoutes ?? [])];
  const logLevel = LOG_LEVELS[env.logLevel];
  const slackReceiver =
    env.slack.mode === 'socket'
      ? new SocketModeReceiver({ appToken: env.slack.appToken, customRoutes: routes, installerOptions: { port: env.healthPort }, logLevel })
      : new HTTPReceiver({
          signingSecret: env.slack.signingSecret,
          endpoints: '/slack/events',
          customRoutes: routes,
          logLevel,
          customPropertiesExtractor: (req) => ({ [SIGNATURE_KEY]: req.headers['x-slack-signature'] }),
          // A failed delivery is answered (500, or 401) here and counts as handled: no "not acknowledged" 3 s later.
          processEventErrorHandler: async (args) => {
            await HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
            return true;
          },
        });
  const receiver = ackEventsAfterProcessing(slackReceiver, recordAnswer(deps));
  const app = new App({
    token: env.slack.botToken,
    receiver,
    logLevel,
    extendedErrorHandler: true,
    clientOptions: env.slackApiUrl ? { slackApiUrl: env.slackApiUrl } : undefined,
  });
  app.use(inFlight.middleware());
  app.use(refuseReplays(deps));
  registerEvents(app, deps);
  registerCommands(app, deps);
  registerViews(app, deps);
  registerActions(app, deps);
  app.error(async ({ error, body }: { error: Error; body: unknown }) => {
    deps.logger.error('unhandled error in a listener', error);
    // An event's delivery fails with it, so Slack retries the event (see ackEventsAfterProcessing).
    if (isEventDelivery(body)) throw error;
  });
  return app;
}
