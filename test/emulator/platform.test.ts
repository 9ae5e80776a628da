import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '../../src/emulator/index.ts';
import { type FakeAnswer, fakeApp, payloadOf, seededEmulator, webClient } from './helpers.ts';

const plain = (text: string) => ({ type: 'plain_text' as const, text });
const intakeModal = {
  type: 'modal' as const,
  callback_id: 'intake',
  title: plain('Intake'),
  submit: plain('Save'),
  notify_on_close: true,
  blocks: [
    {
      type: 'input',
      block_id: 'customer',
      label: plain('Customer'),
      element: { type: 'plain_text_input', action_id: 'name', max_length: 20 },
    },
    {
      type: 'input',
      block_id: 'tier',
      label: plain('Tier'),
      element: {
        type: 'static_select',
        action_id: 'tier',
        options: [{ text: plain('Gold'), value: 'gold' }],
      },
    },
    {
      type: 'input',
      block_id: 'due',
      optional: true,
      label: plain('Due'),
      element: { type: 'datepicker', action_id: 'due' },
    },
    {
      type: 'input',
      block_id: 'extras',
      optional: true,
      label: plain('Extras'),
      element: { type: 'checkboxes', action_id: 'extras', options: [{ text: plain('Rush'), value: 'rush' }] },
    },
  ],
};

describe('platform side: signed requests to the app', () => {
  let emu: SlackEmulator;
  let answer: (body: string) => FakeAnswer;
  let app: Awaited<ReturnType<typeof fakeApp>>;
  beforeEach(async () => {
    answer = () => ({});
    app = await fakeApp((req) => answer(req.body));
    emu = await seededEmulator({ appUrl: app.url, ackLimitMs: 30 });
  });
  afterEach(async () => {
    emu.assertNoViolations();
    await emu.close();
    await app.close();
  });

  async function openIntake(): Promise<string> {
    const { triggerId } = await emu.slashCommand({ userId: 'U_REP', command: '/desk', channelId: 'C_DESK' });
    const opened = await webClient(emu).views.open({ trigger_id: triggerId, view: intakeModal });
    return opened.view!.id!;
  }

  it('sends slash commands form-encoded with Slack’s fields', async () => {
    answer = () => ({ json: { text: 'got it' } });
    const res = await emu.slashCommand({
      userId: 'U_REP',
      command: '/desk',
      text: 'new acme',
      channelId: 'C_DESK',
    });
    expect(res).toMatchObject({ status: 200, body: { text: 'got it' } });
    expect(res.ackMs).toBeGreaterThanOrEqual(0);
    const req = app.requests[0]!;
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const fields = Object.fromEntries(new URLSearchParams(req.body));
    expect(fields).toMatchObject({
      team_id: emu.teamId,
      team_domain: 'booking-desk',
      channel_id: 'C_DESK',
      channel_name: 'booking-desk',
      user_id: 'U_REP',
      user_name: 'rita',
      command: '/desk',
      text: 'new acme',
      trigger_id: res.triggerId,
      response_url: res.responseUrl,
    });
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(['token', 'api_app_id']));
  });

  it('clicks only buttons that exist, with a block_actions payload', async () => {
    const posted = await webClient(emu).chat.postMessage({
      channel: 'C_DESK',
      text: 'BK-1',
      blocks: [
        {
          type: 'actions',
          block_id: 'acts',
          elements: [{ type: 'button', action_id: 'approve', value: 'BK-1', text: plain('Approve') }],
        },
      ],
    });
    const res = await emu.clickButton({
      userId: 'U_OPS',
      actionId: 'approve',
      channel: 'C_DESK',
      messageTs: posted.ts!,
    });
    const payload = payloadOf(app.requests[0]!);
    expect(payload).toMatchObject({
      type: 'block_actions',
      user: { id: 'U_OPS', username: 'oscar' },
      trigger_id: res.triggerId,
      container: { type: 'message', message_ts: posted.ts, channel_id: 'C_DESK' },
      channel: { id: 'C_DESK', name: 'booking-desk' },
      message: { ts: posted.ts, text: 'BK-1' },
      actions: [
        {
          action_id: 'approve',
          block_id: 'acts',
          value: 'BK-1',
          type: 'button',
          action_ts: expect.any(String),
        },
      ],
    });
    expect(() =>
      emu.clickButton({ userId: 'U_OPS', actionId: 'reject', channel: 'C_DESK', messageTs: posted.ts! }),
    ).toThrow(/no button "reject" in message C_DESK/);
  });

  it('selects options and checks boxes in messages, refusing options that are not offered', async () => {
    const posted = await webClient(emu).chat.postMessage({
      channel: 'C_DESK',
      text: 'pick',
      blocks: [
        {
          type: 'actions',
          block_id: 'a',
          elements: [
            { type: 'static_select', action_id: 'owner', options: [{ text: plain('Ops'), value: 'ops' }] },
            {
              type: 'checkboxes',
              action_id: 'steps',
              options: [
                { text: plain('One'), value: '1' },
                { text: plain('Two'), value: '2' },
              ],
            },
          ],
        },
      ],
    });
    const where = { userId: 'U_OPS', channel: 'C_DESK', messageTs: posted.ts! };
    await emu.selectOption({ ...where, actionId: 'owner', value: 'ops' });
    await emu.checkBoxes({ ...where, actionId: 'steps', values: ['2'] });
    expect(payloadOf(app.requests[0]!).actions).toMatchObject([
      { type: 'static_select', selected_option: { value: 'ops' } },
    ]);
    expect(payloadOf(app.requests[1]!).actions).toMatchObject([
      { type: 'checkboxes', selected_options: [{ value: '2' }] },
    ]);
    expect(() => emu.selectOption({ ...where, actionId: 'owner', value: 'nobody' })).toThrow(
      /no option "nobody"/,
    );
  });

  it('submits a view with state values in Slack’s shape and closes it on a bare ack', async () => {
    const viewId = await openIntake();
    const res = await emu.submitView({
      userId: 'U_REP',
      values: { name: 'Acme', tier: 'gold', extras: ['rush'] },
    });
    expect(res.outcome).toBe('close');
    const payload = payloadOf(app.requests.at(-1)!);
    expect(payload).toMatchObject({ type: 'view_submission', view: { id: viewId, callback_id: 'intake' } });
    expect((payload.view as { state: unknown }).state).toEqual({
      values: {
        customer: { name: { type: 'plain_text_input', value: 'Acme' } },
        tier: { tier: { type: 'static_select', selected_option: { text: plain('Gold'), value: 'gold' } } },
        due: { due: { type: 'datepicker', selected_date: null } },
        extras: {
          extras: { type: 'checkboxes', selected_options: [{ text: plain('Rush'), value: 'rush' }] },
        },
      },
    });
    expect(emu.openViewsOf('U_REP')).toEqual([]);
  });

  it('refuses what the Slack client would not let a user submit', async () => {
    await openIntake();
    expect(() => emu.submitView({ userId: 'U_REP', values: { tier: 'gold' } })).toThrow(
      /required input "name"/,
    );
    expect(() => emu.submitView({ userId: 'U_REP', values: { name: 'x'.repeat(21), tier: 'gold' } })).toThrow(
      /length 21/,
    );
    expect(() => emu.submitView({ userId: 'U_REP', values: { nope: 'x' } })).toThrow(/no input "nope"/);
  });

  it('applies response_action errors, update, push and clear', async () => {
    const viewId = await openIntake();
    const values = { name: 'Acme', tier: 'gold' };
    answer = () => ({ json: { response_action: 'errors', errors: { customer: 'Unknown customer' } } });
    expect((await emu.submitView({ userId: 'U_REP', values })).outcome).toBe('errors');
    expect(emu.openViewsOf('U_REP')).toMatchObject([
      { id: viewId, errors: { customer: 'Unknown customer' } },
    ]);

    answer = () => ({
      json: { response_action: 'update', view: { ...intakeModal, title: plain('Intake (2)') } },
    });
    await emu.submitView({ userId: 'U_REP', values });
    expect(emu.openViewsOf('U_REP')).toMatchObject([{ id: viewId, title: { text: 'Intake (2)' } }]);

    answer = () => ({
      json: { response_action: 'push', view: { type: 'modal', title: plain('Confirm'), blocks: [] } },
    });
    await emu.submitView({ userId: 'U_REP', values });
    expect(emu.openViewsOf('U_REP').map((v) => v.title?.text)).toEqual(['Intake (2)', 'Confirm']);

    answer = () => ({ json: { response_action: 'clear' } });
    await emu.submitView({ userId: 'U_REP', viewId, values });
    expect(emu.openViewsOf('U_REP')).toEqual([]);
  });

  it('records response_action errors that name no input block', async () => {
    await openIntake();
    answer = () => ({ json: { response_action: 'errors', errors: { nope: 'x' } } });
    const res = await emu.submitView({ userId: 'U_REP', values: { name: 'Acme', tier: 'gold' } });
    expect(res.outcome).toBeNull();
    expect(emu.takeViolations()).toMatchObject([{ kind: 'response_action' }]);
  });

  it('uses nothing of an answer that came after the ack limit, as Slack does', async () => {
    const viewId = await openIntake();
    answer = () => ({ delayMs: 45 });
    const late = await emu.submitView({ userId: 'U_REP', values: { name: 'Acme', tier: 'gold' } });
    // A bare ack would close the modal; too late, it stays as it was.
    expect(late.outcome).toBeNull();
    expect(emu.openViewsOf('U_REP')).toMatchObject([{ id: viewId }]);

    answer = () => ({ json: { text: 'Only you see this' }, delayMs: 45 });
    await emu.client.typeCommand({ userId: 'U_REP', command: '/desk', channelId: 'C_DESK' });
    expect(emu.ephemeralsFor('U_REP')).toEqual([]);
    expect(emu.takeViolations().map((violation) => violation.kind)).toEqual(['ack_timeout', 'ack_timeout']);
  });

  it('sends view_closed when the view asked for it', async () => {
    const viewId = await openIntake();
    await emu.closeView({ userId: 'U_REP' });
    expect(payloadOf(app.requests.at(-1)!)).toMatchObject({
      type: 'view_closed',
      view: { id: viewId },
      is_cleared: false,
    });
    expect(emu.openViewsOf('U_REP')).toEqual([]);
  });

  it('sends events with retry headers, and url_verification', async () => {
    const first = await emu.sendEvent({ type: 'app_mention', user: 'U_REP', text: 'hi', channel: 'C_DESK' });
    await emu.sendEvent(
      { type: 'app_mention', user: 'U_REP', text: 'hi' },
      { eventId: first.eventId, retryNum: 1, retryReason: 'http_timeout' },
    );
    const [a, b] = app.requests;
    expect(JSON.parse(a!.body)).toMatchObject({
      type: 'event_callback',
      event_id: first.eventId,
      event: { type: 'app_mention' },
    });
    expect(a!.headers['x-slack-retry-num']).toBeUndefined();
    expect(JSON.parse(b!.body).event_id).toBe(first.eventId);
    expect(b!.headers).toMatchObject({ 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });

    answer = (body) => ({ json: { challenge: JSON.parse(body).challenge } });
    expect((await emu.verifyUrl()).verified).toBe(true);
  });

  it('records a slow ack as a violation', async () => {
    answer = () => ({ delayMs: 45 });
    const res = await emu.sendEvent({ type: 'app_home_opened', user: 'U_REP' });
    expect(res.ackMs).toBeGreaterThan(30);
    expect(emu.takeViolations()).toMatchObject([{ kind: 'ack_timeout', source: 'event:app_home_opened' }]);
  });

  it('serves response_urls: ephemeral by default, in_channel and replace_original on request', async () => {
    const { responseUrl } = await emu.slashCommand({
      userId: 'U_REP',
      command: '/desk',
      channelId: 'C_DESK',
    });
    const post = (body: object) =>
      fetch(responseUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post({ text: 'only you' })).status).toBe(200);
    await post({ text: 'everyone', response_type: 'in_channel' });
    expect(emu.ephemeralsFor('U_REP')).toMatchObject([{ text: 'only you' }]);
    expect(emu.messagesIn('C_DESK')).toMatchObject([{ text: 'everyone' }]);
    expect(emu.responseUrlPosts).toHaveLength(2);
  });
});
