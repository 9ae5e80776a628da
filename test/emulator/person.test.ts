// What a person does in the Slack client, as the playground's page does it through the emulator:
// slash commands whose ack shows up, messages that reach the app as events, any element's
// block_actions, forms submitted with exactly what they show, the Home tab opened — and the change
// notifications that tell the page to re-read.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorChange, JsonObject, SlackEmulator } from '../../src/emulator/index.ts';
import {
  button,
  type CapturedRequest,
  callApi,
  fakeApp,
  payloadOf,
  section,
  seededEmulator,
  webClient,
} from './helpers.ts';

const plain = (text: string) => ({ type: 'plain_text', text });

const FORM = {
  type: 'modal',
  callback_id: 'form',
  title: plain('Form'),
  submit: plain('Send'),
  blocks: [
    {
      type: 'input',
      block_id: 'name',
      label: plain('Name'),
      element: { type: 'plain_text_input', action_id: 'name', min_length: 3 },
    },
    {
      type: 'input',
      block_id: 'seats',
      label: plain('Seats'),
      element: { type: 'number_input', action_id: 'seats', is_decimal_allowed: false, max_value: '100' },
    },
    {
      type: 'input',
      block_id: 'size',
      optional: true,
      label: plain('Size'),
      element: {
        type: 'static_select',
        action_id: 'size',
        options: [
          { text: plain('Small'), value: 's' },
          { text: plain('Large'), value: 'l' },
        ],
      },
    },
    {
      type: 'actions',
      block_id: 'tools',
      elements: [{ type: 'datepicker', action_id: 'when' }],
    },
  ],
};

describe('a person in the Slack client', () => {
  let emu: SlackEmulator;
  let app: Awaited<ReturnType<typeof fakeApp>>;
  let answer: (req: CapturedRequest) => { json?: unknown; body?: string } = () => ({});
  const changes: EmulatorChange[] = [];

  beforeEach(async () => {
    emu = await seededEmulator();
    app = await fakeApp((req) => answer(req));
    emu.setAppUrl(app.url);
    changes.length = 0;
    emu.onChange((change) => changes.push(change));
  });

  afterEach(async () => {
    answer = () => ({});
    emu.assertNoViolations();
    await app.close();
    await emu.close();
  });

  it('sees the ack of a slash command only they get, and in the channel for in_channel', async () => {
    answer = () => ({ json: { response_type: 'ephemeral', text: 'Only you see this' } });
    await emu.client.typeCommand({ userId: 'U_REP', command: '/book', text: 'help', channelId: 'C_DESK' });
    expect(emu.ephemeralsFor('U_REP')).toMatchObject([{ channel: 'C_DESK', text: 'Only you see this' }]);
    expect(emu.ephemeralsFor('U_OPS')).toEqual([]);
    expect(changes.map((c) => c.source)).toContain('slash_command');

    answer = () => ({ json: { response_type: 'in_channel', text: 'Everyone sees this' } });
    await emu.client.typeCommand({ userId: 'U_REP', command: '/book', channelId: 'C_DESK' });
    expect(emu.messagesIn('C_DESK')).toMatchObject([{ text: 'Everyone sees this', user: emu.botUserId }]);

    // A bare ack shows nothing; a command from no channel lands in the person's DM with the bot.
    answer = () => ({ body: '' });
    await emu.client.typeCommand({ userId: 'U_REP', command: '/book' });
    answer = () => ({ body: 'plain text ack' });
    await emu.client.typeCommand({ userId: 'U_REP', command: '/book' });
    expect(emu.ephemeralsFor('U_REP').at(-1)).toMatchObject({
      channel: emu.dmChannelOf('U_REP'),
      text: 'plain text ack',
    });
    expect(emu.ephemeralsFor('U_REP')).toHaveLength(2);
  });

  it('writes a message: stored under its author and sent to the app as a message event', async () => {
    const parent = await webClient(emu).chat.postMessage({ channel: 'C_DESK', text: 'card' });
    const posted = await emu.client.postUserMessage({
      userId: 'U_OPS',
      channel: 'C_DESK',
      text: 'On it',
      threadTs: parent.ts!,
    });
    expect(posted.event.status).toBe(200);
    expect(emu.threadOf('C_DESK', parent.ts!)).toMatchObject([{ user: 'U_OPS', text: 'On it' }]);
    const envelope = JSON.parse(app.requests.at(-1)!.body) as { event: JsonObject };
    expect(envelope.event).toMatchObject({
      type: 'message',
      channel: 'C_DESK',
      channel_type: 'channel',
      user: 'U_OPS',
      text: 'On it',
      ts: posted.message.ts,
      thread_ts: parent.ts,
    });
    expect(changes.map((c) => c.source)).toEqual(expect.arrayContaining(['chat.postMessage', 'message']));

    await emu.client.postUserMessage({ userId: 'U_REP', channel: 'U_REP', text: 'hello bot' });
    const dm = JSON.parse(app.requests.at(-1)!.body) as { event: JsonObject };
    expect(dm.event).toMatchObject({ channel_type: 'im', channel: emu.dmChannelOf('U_REP') });
  });

  it('refuses messages a person could not write', () => {
    expect(() => emu.client.postUserMessage({ userId: 'U_NOPE', channel: 'C_DESK', text: 'x' })).toThrow(
      /unknown user/,
    );
    expect(() => emu.client.postUserMessage({ userId: emu.botUserId, channel: 'C_DESK', text: 'x' })).toThrow(
      /unknown user/,
    );
    expect(() => emu.client.postUserMessage({ userId: 'U_REP', channel: 'C_NOPE', text: 'x' })).toThrow(
      /unknown channel/,
    );
    expect(() => emu.client.postUserMessage({ userId: 'U_REP', channel: 'C_DESK', text: '  ' })).toThrow(
      /text/,
    );
    expect(() =>
      emu.client.postUserMessage({ userId: 'U_REP', channel: 'C_DESK', text: 'x', threadTs: '1.000001' }),
    ).toThrow(/no message/);
    expect(() =>
      emu.client.postUserMessage({ userId: 'U_REP', channel: emu.dmChannelOf('U_OPS'), text: 'x' }),
    ).toThrow(/not in/);
  });

  it('acts on pickers and refuses elements inside input blocks', async () => {
    const posted = await callApi(emu, 'chat.postMessage', {
      channel: 'C_DESK',
      text: 'pick',
      blocks: [
        section('Pick'),
        {
          type: 'actions',
          block_id: 'b',
          elements: [
            { type: 'datepicker', action_id: 'due' },
            { type: 'users_select', action_id: 'who' },
            button('go', 'Go', 'v1'),
          ],
        },
      ],
    });
    const where = { userId: 'U_REP', channel: 'C_DESK', messageTs: String(posted.json.ts) };
    await emu.client.blockAction({
      ...where,
      actionId: 'due',
      type: 'datepicker',
      selectedDate: '2026-12-24',
    });
    await emu.client.blockAction({ ...where, actionId: 'who', type: 'users_select', selectedUser: 'U_OPS' });
    await emu.client.blockAction({ ...where, actionId: 'go', type: 'button' });
    const actions = app.requests.map((req) => (payloadOf(req).actions as JsonObject[])[0]);
    expect(actions).toMatchObject([
      { type: 'datepicker', action_id: 'due', block_id: 'b', selected_date: '2026-12-24' },
      { type: 'users_select', action_id: 'who', selected_user: 'U_OPS' },
      { type: 'button', action_id: 'go', value: 'v1' },
    ]);
    expect(() =>
      emu.client.blockAction({ ...where, actionId: 'due', type: 'datepicker', selectedDate: '24/12' }),
    ).toThrow(/YYYY-MM-DD/);
    expect(() =>
      emu.client.blockAction({ ...where, actionId: 'who', type: 'users_select', selectedUser: 'U_X' }),
    ).toThrow(/no user/);

    answer = () => ({});
    await openForm(emu, app);
    const view = emu.openViewsOf('U_REP')[0]!;
    expect(() =>
      emu.client.blockAction({
        userId: 'U_REP',
        viewId: view.id,
        actionId: 'size',
        type: 'static_select',
        selectedOption: 's',
      }),
    ).toThrow(/input block/);
  });

  it('submits exactly what the form shows, or the client’s own field errors without sending', async () => {
    await openForm(emu, app);
    const view = emu.openViewsOf('U_REP')[0]!;
    const sent = app.requests.length;
    const incomplete = await emu.client.submitViewState({
      userId: 'U_REP',
      stateValues: {
        name: { name: { type: 'plain_text_input', value: 'Al' } },
        seats: { seats: { type: 'number_input', value: '2.5' } },
      },
    });
    expect(incomplete).toEqual({
      outcome: 'incomplete',
      errors: { name: 'Please enter at least 3 characters.', seats: 'Please enter a whole number.' },
    });
    expect(app.requests).toHaveLength(sent);

    answer = () => ({ json: { response_action: 'errors', errors: { name: 'Unknown customer' } } });
    const refused = await emu.client.submitViewState({
      userId: 'U_REP',
      viewId: view.id,
      stateValues: {
        name: { name: { type: 'plain_text_input', value: 'Nobody' } },
        seats: { seats: { type: 'number_input', value: '4' } },
        size: { size: { type: 'static_select', selected_option: { text: plain('Small'), value: 's' } } },
        tools: { when: { type: 'datepicker', selected_date: '2026-12-01' } },
      },
    });
    expect(refused.outcome).toBe('errors');
    expect(emu.openViewsOf('U_REP')[0]?.errors).toEqual({ name: 'Unknown customer' });
    const payload = payloadOf(app.requests.at(-1)!) as { view: { state: { values: JsonObject } } };
    expect(payload.view.state.values).toEqual({
      name: { name: { type: 'plain_text_input', value: 'Nobody' } },
      seats: { seats: { type: 'number_input', value: '4' } },
      size: { size: { type: 'static_select', selected_option: { text: plain('Small'), value: 's' } } },
      tools: { when: { type: 'datepicker', selected_date: '2026-12-01' } },
    });

    answer = () => ({});
    const done = await emu.client.submitViewState({
      userId: 'U_REP',
      stateValues: {
        name: { name: { type: 'plain_text_input', value: 'Acme' } },
        seats: { seats: { type: 'number_input', value: '4' } },
      },
    });
    expect(done.outcome).toBe('close');
    expect(emu.openViewsOf('U_REP')).toEqual([]);
  });

  it('refuses state the client could not have built', async () => {
    await openForm(emu, app);
    const submit = (stateValues: JsonObject) => () =>
      emu.client.submitViewState({ userId: 'U_REP', stateValues });
    expect(submit({ nope: { x: { type: 'plain_text_input', value: 'a' } } })).toThrow(/no element/);
    expect(submit({ name: { name: { type: 'number_input', value: '1' } } })).toThrow(
      /is not a plain_text_input/,
    );
    expect(
      submit({
        name: { name: { type: 'plain_text_input', value: 'Acme' } },
        seats: { seats: { type: 'number_input', value: '4' } },
        size: { size: { type: 'static_select', selected_option: { text: plain('Huge'), value: 'xl' } } },
      }),
    ).toThrow(/no option "xl"/);
  });

  it('opens the Home tab: app_home_opened with the published view', async () => {
    await webClient(emu).views.publish({ user_id: 'U_REP', view: { type: 'home', blocks: [section('Hi')] } });
    expect(changes.map((c) => c.source)).toContain('views.publish');
    await emu.client.openAppHome('U_REP');
    const envelope = JSON.parse(app.requests.at(-1)!.body) as { event: JsonObject };
    expect(envelope.event).toMatchObject({
      type: 'app_home_opened',
      user: 'U_REP',
      tab: 'home',
      channel: emu.dmChannelOf('U_REP'),
      view: { type: 'home' },
    });
  });

  it('lists the workspace and stops notifying after unsubscribe', async () => {
    expect(emu.users().map((u) => u.id)).toEqual(expect.arrayContaining(['U_REP', 'U_OPS', emu.botUserId]));
    expect(emu.channels().map((c) => c.id)).toContain('C_DESK');
    expect(emu.usergroups()).toMatchObject([{ id: 'S_BILL_EMEA', users: ['U_OPS'] }]);
    const seen: string[] = [];
    const stop = emu.onChange((change) => seen.push(change.source));
    await webClient(emu).chat.postMessage({ channel: 'C_DESK', text: 'one' });
    await webClient(emu).users.info({ user: 'U_REP' });
    stop();
    await webClient(emu).chat.postMessage({ channel: 'C_DESK', text: 'two' });
    expect(seen).toEqual(['chat.postMessage']);
  });
});

/** The fake app opens FORM for /form through views.open with the command's trigger. */
async function openForm(emu: SlackEmulator, app: { requests: CapturedRequest[] }): Promise<void> {
  await emu.slashCommand({ userId: 'U_REP', command: '/form', channelId: 'C_DESK' });
  const trigger = new URLSearchParams(app.requests.at(-1)!.body).get('trigger_id')!;
  const opened = await callApi(emu, 'views.open', { trigger_id: trigger, view: FORM });
  expect(opened.json.ok).toBe(true);
}
