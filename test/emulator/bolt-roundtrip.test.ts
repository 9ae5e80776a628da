import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '../../src/emulator/index.ts';
import { quietLogger, SIGNING_SECRET, seededEmulator } from './helpers.ts';

const plain = (text: string) => ({ type: 'plain_text' as const, text });

function buildApp(emu: SlackEmulator): App {
  const app = new App({
    token: emu.botToken,
    signingSecret: SIGNING_SECRET,
    clientOptions: { slackApiUrl: emu.apiUrl, retryConfig: { retries: 0 } },
    logger: quietLogger,
    logLevel: LogLevel.ERROR,
  });

  app.command('/desk', async ({ ack, body, client }) => {
    await client.views.open({
      trigger_id: body.trigger_id,
      view: {
        type: 'modal',
        callback_id: 'intake',
        title: plain('New booking'),
        submit: plain('Create'),
        blocks: [
          {
            type: 'input',
            block_id: 'customer',
            label: plain('Customer'),
            element: { type: 'plain_text_input', action_id: 'name' },
          },
        ],
      },
    });
    await ack();
  });

  app.view('intake', async ({ ack, view, body, client }) => {
    const name = view.state.values.customer?.name?.value ?? '';
    if (name === 'Nobody') {
      await ack({ response_action: 'errors', errors: { customer: 'Unknown customer' } });
      return;
    }
    await client.chat.postMessage({
      channel: 'C_DESK',
      text: `Booking for ${name} by <@${body.user.id}>`,
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: `Booking for *${name}*` } },
        {
          type: 'actions',
          block_id: 'booking',
          elements: [{ type: 'button', action_id: 'approve', value: name, text: plain('Approve') }],
        },
      ],
    });
    await ack();
  });

  app.action('approve', async ({ ack, body, client }) => {
    if (body.type !== 'block_actions' || !body.message || !body.channel) throw new Error('unexpected action');
    await client.chat.update({
      channel: body.channel.id,
      ts: body.message.ts,
      text: `Approved by <@${body.user.id}>`,
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Approved :white_check_mark:' } }],
    });
    await ack();
  });
  return app;
}

describe('round trip with a real Bolt app', () => {
  let emu: SlackEmulator;
  let app: App;
  beforeEach(async () => {
    emu = await seededEmulator();
    app = buildApp(emu);
    const server = await app.start({ port: 0, host: '127.0.0.1' });
    emu.setAppUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`);
  });
  afterEach(async () => {
    await app.stop();
    await emu.close();
  });

  it('slash command → modal → errors → submission → message → button click', async () => {
    const command = await emu.slashCommand({
      userId: 'U_REP',
      command: '/desk',
      text: '',
      channelId: 'C_DESK',
    });
    expect(command.status).toBe(200);
    const [modal] = emu.openViewsOf('U_REP');
    expect(modal).toMatchObject({ callback_id: 'intake', title: { text: 'New booking' } });

    const rejected = await emu.submitView({ userId: 'U_REP', values: { name: 'Nobody' } });
    expect(rejected).toMatchObject({ status: 200, outcome: 'errors', body: { response_action: 'errors' } });
    expect(emu.openViewsOf('U_REP')).toMatchObject([
      { id: modal?.id, errors: { customer: 'Unknown customer' } },
    ]);

    const accepted = await emu.submitView({ userId: 'U_REP', values: { name: 'Acme' } });
    expect(accepted.outcome).toBe('close');
    expect(emu.openViewsOf('U_REP')).toEqual([]);
    const [posted] = emu.messagesIn('C_DESK');
    expect(posted).toMatchObject({ text: 'Booking for Acme by <@U_REP>' });

    const click = await emu.clickButton({
      userId: 'U_OPS',
      actionId: 'approve',
      channel: 'C_DESK',
      messageTs: posted!.ts,
    });
    expect(click.status).toBe(200);
    expect(emu.messagesIn('C_DESK')[0]).toMatchObject({
      text: 'Approved by <@U_OPS>',
      edited: { user: emu.botUserId },
    });

    expect(emu.calls.map((c) => c.method)).toEqual([
      'auth.test',
      'views.open',
      'chat.postMessage',
      'chat.update',
    ]);
    for (const res of [command, rejected, accepted, click]) expect(res.ackMs).toBeLessThan(3000);
    emu.assertNoViolations();
  });

  it('Bolt rejects unsigned and forged requests', async () => {
    const body = 'command=%2Fdesk&user_id=U_REP';
    const unsigned = await emu.postRaw({
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(unsigned.status).toBe(401);
    const forged = await emu.postRaw({
      body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...emu.signRequest('something else'),
      },
    });
    expect(forged.status).toBe(401);
    const stale = await emu.postRaw({
      body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...emu.signRequest(body, Math.floor(Date.now() / 1000) - 600),
      },
    });
    expect(stale.status).toBe(401);
    expect(emu.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });
});
