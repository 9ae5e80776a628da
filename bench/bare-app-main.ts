// The baseline as its own process: a Bolt app on the same HTTP receiver that only acknowledges.
// Prints "listening on port N" like Booking Desk does.

import type { Server } from 'node:http';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

async function main() {
  const receiver = new HTTPReceiver({
    signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
    logLevel: LogLevel.ERROR,
  });
  const app = new App({
    token: process.env.SLACK_BOT_TOKEN,
    receiver,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  });
  app.command('/book', async ({ ack }) => {
    await ack();
  });
  app.view('booking_intake', async ({ ack }) => {
    await ack();
  });
  app.action({ type: 'block_actions', action_id: /^step_take/ }, async ({ ack }) => {
    await ack();
  });
  const server = (await app.start(0)) as Server;
  const address = server.address();
  console.log(`listening on port ${address && typeof address === 'object' ? address.port : 0}`);
  process.on('SIGTERM', () => process.exit(0));
}

main();
