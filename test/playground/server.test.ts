// The playground server over HTTP: the page and its bundle, the workspace, what one person sees,
// what they do (each reaching the real app through the emulator), the clock control and the event
// stream — and bad input answered with a clear JSON error, never a crash.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESK_CHANNEL, REQUESTER, SPECIALISTS } from '../../src/demo/cast.ts';
import type {
  ActionResult,
  ChannelView,
  ClockState,
  HomeView,
  ModalView,
  WorkspaceView,
} from '../../src/playground/page-types.ts';
import { type Playground, startPlayground } from '../../src/playground/playground.ts';
import { eventually } from '../support/desk-harness.ts';

const START = new Date('2026-11-23T09:30:00Z');
const REP = REQUESTER.id;
const ORDERS = SPECIALISTS.order_management.id;

describe('the playground server', () => {
  let playground: Playground;

  beforeAll(async () => {
    playground = await startPlayground({ port: 0, start: START });
  }, 120_000);

  afterAll(async () => {
    await playground?.stop();
  }, 60_000);

  const url = (path: string) => new URL(path, playground.url).toString();
  async function get<T>(path: string): Promise<{ status: number; body: T }> {
    const response = await fetch(url(path));
    return { status: response.status, body: (await response.json()) as T };
  }
  async function post<T>(path: string, body: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(url(path), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  }
  const channel = async (as: string, ref = DESK_CHANNEL.id) =>
    (await get<ChannelView>(`/api/channel?as=${as}&channel=${ref}`)).body;

  it('serves the page, its bundled script and its styles, on 127.0.0.1', async () => {
    expect(playground.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const html = await fetch(url('/'));
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(await html.text()).toContain('<script type="module" src="/app.js">');
    const script = await fetch(url('/app.js'));
    expect(script.headers.get('content-type')).toContain('text/javascript');
    const code = await script.text();
    expect(code).toContain('/api/workspace');
    expect(code).not.toMatch(/^import /m);
    for (const sheet of ['/app.css', '/blocks.css']) {
      const css = await fetch(url(sheet));
      expect(css.headers.get('content-type')).toContain('text/css');
      expect((await css.text()).length).toBeGreaterThan(100);
    }
  });

  it('lists the workspace: a rep and a specialist per role in every region, the desk lead, Sales Support', async () => {
    const { body } = await get<WorkspaceView>('/api/workspace');
    expect(body.deskChannel).toEqual({ id: DESK_CHANNEL.id, name: 'booking-desk' });
    expect(body.firstViewer).toBe(REP);
    expect(body.people).toHaveLength(4 + 16 + 2);
    const titles = body.people.map((person) => person.title);
    for (const region of ['APAC', 'EMEA', 'AMER', 'LATAM']) {
      for (const role of [
        'Sales rep',
        'Order management',
        'Revenue operations',
        'Billing',
        'Customer operations',
      ]) {
        expect(titles).toContain(`${role} · ${region}`);
      }
    }
    expect(titles).toEqual(expect.arrayContaining(['Desk lead', 'Sales Support']));
    expect(body.people.find((person) => person.id === REP)).toMatchObject({
      realName: 'Rita Rep',
      initials: 'RR',
    });
  });

  it('answers bad requests with a clear JSON error', async () => {
    expect(await get('/api/channel?channel=C0DESK')).toEqual({
      status: 400,
      body: { error: 'say who you are acting as: ?as=<user id>' },
    });
    expect((await get('/api/channel?as=U0NOBODY&channel=C0DESK')).body).toEqual({
      error: 'no person U0NOBODY in the workspace',
    });
    expect((await get(`/api/channel?as=${playground.stage.emulator.botUserId}&channel=C0DESK`)).status).toBe(
      400,
    );
    expect((await get(`/api/channel?as=${REP}&channel=C0NOPE`)).status).toBe(404);
    const dm = playground.stage.emulator.dmChannelOf(ORDERS);
    expect(await get(`/api/channel?as=${REP}&channel=${dm}`)).toEqual({
      status: 403,
      body: { error: `Rita Rep cannot see ${dm}` },
    });
    expect(await post('/api/message', '{not json')).toEqual({
      status: 400,
      body: { error: 'the request body is not JSON' },
    });
    expect((await post('/api/message', { as: REP, channel: 'C0DESK' })).body).toEqual({
      error: expect.stringContaining('text'),
    });
    expect(await post('/api/command', { as: REP, channel: 'C0DESK', text: '/deploy prod' })).toEqual({
      status: 400,
      body: { error: '/deploy is not a valid command. This workspace has /book.' },
    });
    expect((await post('/api/action', { as: REP, action: { type: 'button', actionId: 'x' } })).status).toBe(
      400,
    );
    const missing = await post<{ error: string }>('/api/action', {
      as: REP,
      action: {
        type: 'button',
        actionId: 'nope',
        container: { type: 'message', channel: 'C0DESK', messageTs: '1.000001' },
      },
    });
    expect(missing).toEqual({ status: 400, body: { error: 'no message 1.000001 in C0DESK' } });
    expect(await post('/api/view/close', { as: REP, viewId: 'V0NOPE' })).toEqual({
      status: 400,
      body: { error: `no open modal V0NOPE for ${REP}` },
    });
    expect((await get('/api/nothing')).status).toBe(404);
  });

  it('sends /book help to the bot as the person; the answer shows to them only', async () => {
    const answer = await post<ActionResult>('/api/command', {
      as: REP,
      channel: DESK_CHANNEL.id,
      text: '/book help',
    });
    expect(answer).toEqual({ status: 200, body: { ok: true, status: 200 } });
    const mine = (await channel(REP)).messages.filter((m) => m.ephemeral);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.html).toContain('/book');
    expect(mine[0]?.author.realName).toBe('Booking Desk');
    expect((await channel(ORDERS)).messages.filter((m) => m.ephemeral)).toEqual([]);
  });

  it('posts a person’s message in the channel and in a thread, as Slack would', async () => {
    const first = await post<ActionResult>('/api/message', {
      as: ORDERS,
      channel: DESK_CHANNEL.id,
      text: 'Morning all',
    });
    expect(first.body.ok).toBe(true);
    const message = (await channel(REP)).messages.find((m) => m.html.includes('Morning all'));
    expect(message).toMatchObject({
      author: { id: ORDERS },
      ephemeral: false,
      time: expect.stringMatching(/^09:3\d$/),
    });
    const reply = await post<ActionResult>('/api/message', {
      as: REP,
      channel: DESK_CHANNEL.id,
      text: 'Morning!',
      threadTs: message!.ts,
    });
    expect(reply.body.ok).toBe(true);
    const thread = await get<{ replies: { html: string }[] }>(
      `/api/thread?as=${ORDERS}&channel=${DESK_CHANNEL.id}&ts=${message!.ts}`,
    );
    expect(thread.body.replies.map((r) => r.html).join('')).toContain('Morning!');
    expect((await channel(REP)).messages.find((m) => m.ts === message!.ts)?.replyCount).toBe(1);
  });

  it('opens the booking form, checks it like the client, and closes it', async () => {
    await post('/api/command', { as: REP, channel: DESK_CHANNEL.id, text: '/book Q-9001' });
    const stack = await eventually(async () => {
      const { body } = await get<{ stack: ModalView[] }>(`/api/modals?as=${REP}`);
      return body.stack.length > 0 ? body.stack : null;
    }, 'the booking form');
    const [form] = stack;
    expect(form?.callbackId).toBe('booking_intake');
    expect(form?.html).toContain('New booking');
    expect(form?.html).toContain('value="Q-9001"');

    const empty = await post<ActionResult>('/api/view/submit', { as: REP, viewId: form!.id, values: {} });
    expect(empty.body.outcome).toBe('incomplete');
    expect(empty.body.errors?.customerAccountName).toBe('Please complete this required field.');
    const bogus = await post('/api/view/submit', {
      as: REP,
      viewId: form!.id,
      values: { nope: { nope: { type: 'plain_text_input', value: 'x' } } },
    });
    expect(bogus).toEqual({
      status: 400,
      body: { error: `no element "nope" in block "nope" of view ${form!.id}` },
    });

    expect((await post<ActionResult>('/api/view/close', { as: REP, viewId: form!.id })).body.ok).toBe(true);
    expect((await get<{ stack: ModalView[] }>(`/api/modals?as=${REP}`)).body.stack).toEqual([]);
  });

  it('opens the App Home: the bot publishes the person’s Home', async () => {
    expect((await get<{ home: HomeView | null }>(`/api/home?as=${ORDERS}`)).body.home).toBeNull();
    expect((await post<ActionResult>('/api/home/open', { as: ORDERS })).body.ok).toBe(true);
    const home = await eventually(
      async () => (await get<{ home: HomeView | null }>(`/api/home?as=${ORDERS}`)).body.home,
      'the Home tab',
    );
    expect(home.html).toContain('data-action-id="new_booking"');
    // Its New booking button is a block action on the Home view: the bot opens the form.
    const clicked = await post<ActionResult>('/api/action', {
      as: ORDERS,
      action: { type: 'button', actionId: 'new_booking', container: { type: 'view', viewId: home.id } },
    });
    expect(clicked.body.ok).toBe(true);
    const form = await eventually(async () => {
      const { body } = await get<{ stack: ModalView[] }>(`/api/modals?as=${ORDERS}`);
      return body.stack[0];
    }, 'the form from the Home');
    expect(form.callbackId).toBe('booking_intake');
    await post('/api/view/close', { as: ORDERS, viewId: form.id });
    // Someone else's Home is not theirs to click.
    const foreign = await post('/api/action', {
      as: REP,
      action: { type: 'button', actionId: 'new_booking', container: { type: 'view', viewId: home.id } },
    });
    expect(foreign).toEqual({ status: 400, body: { error: `view ${home.id} is not shown to ${REP}` } });
  });

  it('moves the app’s clock forward and shows each region', async () => {
    const before = (await get<ClockState>('/api/clock')).body;
    expect(before.regions.find((r) => r.region === 'EMEA')).toMatchObject({ open: true });
    const moved = await post<ClockState & { from: string }>('/api/clock', {
      kind: 'business-hour',
      region: 'EMEA',
    });
    expect(moved.status).toBe(200);
    const gained = Date.parse(moved.body.now) - Date.parse(before.now);
    expect(gained).toBeGreaterThanOrEqual(60 * 60_000);
    expect(gained).toBeLessThan(62 * 60_000);
    expect(playground.stage.clock.now().getTime()).toBeGreaterThanOrEqual(Date.parse(moved.body.now));
    expect(await post('/api/clock', { kind: 'to-time', region: 'EMEA', time: '4pm' })).toEqual({
      status: 400,
      body: { error: 'time: time must be HH:mm, e.g. 16:45' },
    });
  });

  it('tells open pages when something changed, over server-sent events', async () => {
    const controller = new AbortController();
    const response = await fetch(url('/events'), { signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let seen = '';
    const until = async (pattern: RegExp) => {
      while (!pattern.test(seen)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${pattern}`);
        seen += decoder.decode(value);
      }
    };
    await until(/event: hello/);
    await post('/api/message', { as: REP, channel: DESK_CHANNEL.id, text: 'ping' });
    // A clock event of an earlier test may still be on its way, alone or coalesced with this one.
    await until(/"topics":\[[^\]]*"slack"/);
    seen = '';
    await post('/api/clock', { kind: 'minutes', minutes: 5 });
    await until(/"topics":\[[^\]]*"clock"/);
    controller.abort();
  });
});
