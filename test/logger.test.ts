// The structured logger: JSON lines, secrets and tokens never written, and the Slack request's
// fields (its id, the booking request's reference) on every line logged while handling it.

import { App, type Receiver } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createLogger, type LogLevel, withLogContext } from '../src/logger.ts';
import { bindRequestRef, requestLogger, traceSlackRequests } from '../src/slack/request-context.ts';

const BOT_TOKEN = 'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp';
const APP_TOKEN = 'xapp-1-A012345-6789-abcdef0123456789';
const USER_TOKEN = 'xoxp-1111-2222-3333-deadbeef';
const ADMIN_SECRET = 'f'.repeat(64);
const PASSWORD = 'hunter2-db-password';

type Line = Record<string, unknown>;

function capture(level: LogLevel = 'debug') {
  const lines: Line[] = [];
  const raw: string[] = [];
  const logger = createLogger(level, {
    destination: {
      write(chunk: string) {
        raw.push(chunk);
        for (const line of chunk.split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Line);
      },
    },
  });
  return { logger, lines, output: () => raw.join('') };
}

describe('logger', () => {
  it('writes one JSON object per line with level, time, message and fields', () => {
    const { logger, lines } = capture('info');
    logger.debug('not written');
    logger.info('booking recorded', { outboxId: 12n, user: 'U123' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'booking recorded', outboxId: '12', user: 'U123' });
    expect(new Date(String(lines[0]?.time)).getTime()).not.toBeNaN();
  });

  it('writes nothing at all when silent', () => {
    const { logger, output } = capture('silent');
    logger.error('boom', { error: new Error('boom') });
    expect(output()).toBe('');
  });

  it('never writes a token or secret given in fields, at any depth', () => {
    const { logger, lines, output } = capture();
    logger.info('starting', {
      token: BOT_TOKEN,
      env: { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, ADMIN_TOKEN: ADMIN_SECRET, PORT: 3000 },
      headers: { authorization: `Bearer ${ADMIN_SECRET}`, 'content-type': 'text/csv' },
      receiver: { signingSecret: 'abc123signing', options: { deep: { botToken: BOT_TOKEN } } },
      database: { url: `postgresql://desk:${PASSWORD}@db.internal:5432/desk` },
      note: `someone pasted ${USER_TOKEN} into a form`,
      calls: [{ args: { token: BOT_TOKEN } }],
    });
    const text = output();
    for (const secret of [BOT_TOKEN, APP_TOKEN, USER_TOKEN, ADMIN_SECRET, 'abc123signing', PASSWORD]) {
      expect(text).not.toContain(secret);
    }
    expect(lines[0]).toMatchObject({
      token: '[redacted]',
      env: { SLACK_BOT_TOKEN: '[redacted]', PORT: 3000 },
      headers: { authorization: '[redacted]', 'content-type': 'text/csv' },
      note: 'someone pasted [redacted] into a form',
      database: { url: 'postgresql://desk:[redacted]@db.internal:5432/desk' },
    });
  });

  it('never writes a token found in a message, an error message or a stack', () => {
    const { logger, lines, output } = capture();
    const slackError = Object.assign(new Error(`An API error occurred: invalid_auth (token ${BOT_TOKEN})`), {
      code: 'slack_webapi_platform_error',
      data: { ok: false, error: 'invalid_auth' },
    });
    logger.error(`call with Authorization: Bearer ${ADMIN_SECRET} failed`, { error: slackError });
    logger.warn('wrapped', { error: new Error('outer', { cause: new Error(`inner ${APP_TOKEN}`) }) });
    const text = output();
    for (const secret of [BOT_TOKEN, APP_TOKEN, ADMIN_SECRET]) expect(text).not.toContain(secret);
    expect(lines[0]?.msg).toBe('call with Authorization: Bearer [redacted] failed');
    const error = lines[0]?.error as Line;
    expect(error).toMatchObject({
      type: 'Error',
      message: 'An API error occurred: invalid_auth (token [redacted])',
      code: 'slack_webapi_platform_error',
      slackError: 'invalid_auth',
    });
    expect(String(error.stack)).toContain('logger.test.ts');
    expect(String(error.stack)).not.toContain(BOT_TOKEN);
    expect((lines[1]?.error as Line | undefined)?.cause).toMatchObject({ message: 'inner [redacted]' });
  });

  it('adds a child’s bindings and the current log context to every line', async () => {
    const { logger, lines } = capture();
    const child = logger.child({ requestRef: 'BK-2026-000001' });
    await withLogContext({ slackRequestId: 'Ev123' }, async () => {
      await Promise.resolve();
      child.info('inside');
      logger.info('root inside');
    });
    logger.info('outside');
    expect(lines[0]).toMatchObject({ msg: 'inside', requestRef: 'BK-2026-000001', slackRequestId: 'Ev123' });
    expect(lines[1]).toMatchObject({ msg: 'root inside', slackRequestId: 'Ev123' });
    expect(lines[1]).not.toHaveProperty('requestRef');
    expect(lines[2]).not.toHaveProperty('slackRequestId');
  });
});

describe('Slack request fields on log lines', () => {
  function tracedApp() {
    const { logger, lines } = capture();
    const receiver: Receiver = { init: () => {}, start: async () => {}, stop: async () => {} };
    const app = new App({ receiver, authorize: async () => ({ botToken: BOT_TOKEN, botUserId: 'UBOT' }) });
    const acks: number[] = [];
    traceSlackRequests(app, { logger, observeAck: (_surface, seconds) => acks.push(seconds) });
    return { app, logger, lines, acks };
  }

  it('puts the trigger id and the request reference on every line of a command, then one summary line', async () => {
    const { app, logger, lines, acks } = tracedApp();
    app.command('/book', async ({ ack, context }) => {
      await ack();
      logger.info('listener line');
      bindRequestRef('BK-2026-000042', context);
      requestLogger(context, logger).info('after the reference is known');
      logger.warn('through the shared logger');
    });
    await app.processEvent({
      body: {
        command: '/book',
        text: '',
        user_id: 'U1',
        trigger_id: '1337.42.abcdef',
        token: 'legacy-token',
      },
      ack: async () => {},
    });
    expect(acks).toHaveLength(1);
    const byMsg = (msg: string) => lines.find((line) => line.msg === msg);
    expect(byMsg('listener line')).toMatchObject({ slackRequestId: '1337.42.abcdef', surface: 'command' });
    expect(byMsg('listener line')).not.toHaveProperty('requestRef');
    for (const msg of ['after the reference is known', 'through the shared logger', 'slack request']) {
      expect(byMsg(msg)).toMatchObject({ slackRequestId: '1337.42.abcdef', requestRef: 'BK-2026-000042' });
    }
    expect(byMsg('slack request')).toMatchObject({ surface: 'command', name: '/book', level: 'info' });
    expect(byMsg('slack request')?.ackMs).toEqual(expect.any(Number));
    expect(lines.filter((line) => line.msg === 'slack request')).toHaveLength(1);
  });

  it('uses the event id for events, acked before the listener runs', async () => {
    const { app, logger, lines, acks } = tracedApp();
    app.event('app_home_opened', async () => {
      logger.info('home opened');
    });
    await app.processEvent({
      body: {
        type: 'event_callback',
        event_id: 'Ev0HOME',
        team_id: 'T1',
        event: { type: 'app_home_opened', user: 'U1', tab: 'home' },
      },
      ack: async () => {},
    });
    expect(acks).toHaveLength(1);
    expect(lines.find((line) => line.msg === 'home opened')).toMatchObject({
      slackRequestId: 'Ev0HOME',
      surface: 'event',
    });
    expect(lines.find((line) => line.msg === 'slack request')).toMatchObject({
      slackRequestId: 'Ev0HOME',
      name: 'app_home_opened',
    });
  });

  it('uses the trigger id, else the view, for interactions', async () => {
    const { app, lines } = tracedApp();
    app.action('take', async ({ ack }) => ack());
    await app.processEvent({
      body: {
        type: 'block_actions',
        user: { id: 'U1' },
        trigger_id: 'T.trigger',
        container: { type: 'message', message_ts: '1.2' },
        actions: [{ action_id: 'take', type: 'button', block_id: 'b', action_ts: '1' }],
      },
      ack: async () => {},
    });
    await app.processEvent({
      body: {
        type: 'view_submission',
        user: { id: 'U1' },
        view: { id: 'V0INTAKE', callback_id: 'intake', state: { values: {} } },
      },
      ack: async () => {},
    });
    const summaries = lines.filter((line) => line.msg === 'slack request');
    expect(summaries[0]).toMatchObject({
      surface: 'block_actions',
      slackRequestId: 'T.trigger',
      name: 'take',
    });
    expect(summaries[1]).toMatchObject({
      surface: 'view_submission',
      slackRequestId: 'V0INTAKE',
      ackMs: null,
    });
  });
});
