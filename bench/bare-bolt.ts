import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

/**
 * A Bolt app that only acks `/incident` and view submissions: the floor our ack latency is compared with. Run as its own process
 * (like the bot) so the load generator does not share its event loop; prints the same ready line as the bot.
 */
async function main(): Promise<void> {
  const signingSecret = process.env.SLACK_SIGNING_SECRET as string;
  const receiver = new HTTPReceiver({ signingSecret, endpoints: '/slack/events', logLevel: LogLevel.ERROR });
  const app = new App({ token: process.env.SLACK_BOT_TOKEN, receiver, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: process.env.SLACK_API_URL } });
  app.command('/incident', async ({ ack }) => {
    await ack();
  });
  // Answers like the bot does to an invalid form, so the form stays open for the next submission.
  app.view(/.*/, async ({ ack }) => {
    await ack({ response_action: 'errors', errors: { title: 'Give the incident a title.' } });
  });
  const server = (await app.start(Number(process.env.PORT ?? 0))) as Server;
  console.log(`incident bot ready: HTTP on port ${(server.address() as AddressInfo).port} (bare Bolt)`);
  process.once('SIGTERM', () => void app.stop().then(() => process.exit(0)));
}

void main();
