// Every Slack request is traced: its ack time goes into the ack histogram (from the request's arrival,
// stamped by the HTTP receiver, or from the start of processing in Socket Mode), every line logged
// while it is handled carries its Slack request id (and, once a listener knows it, the request
// reference), and one line per request says what it was and how fast it was acked. Listeners do
// nothing for this; those that learn which booking request a click is about call `bindRequestRef`.

import type { App, Context } from '@slack/bolt';
import { addLogContext, type Logger, withLogContext } from '../logger.ts';
import type { Surface } from '../metrics/desk-metrics.ts';

/** The HTTP receiver puts the request's arrival (performance.now()) in Bolt's custom properties under this key. */
export const ARRIVAL_KEY = 'bookingDeskArrivedAt';
const TRACE_KEY = 'bookingDeskTrace';
/** Where the middleware puts the request's logger on Bolt's `context`. */
export const LOG_KEY = 'log';

interface RequestTrace {
  surface: Surface;
  /** Which command, callback, action or event type (never user text). */
  name: string | null;
  slackRequestId: string | null;
  arrivedAt: number;
  ackSeconds: number | null;
}

export interface RequestTracing {
  logger: Logger;
  observeAck?(surface: Surface, seconds: number): void;
}

/** Installs the tracing on `app`: call before any listener is registered. */
export function traceSlackRequests(app: App, tracing: RequestTracing): void {
  const process = app.processEvent.bind(app);
  app.processEvent = (event) => {
    const arrived = event.customProperties?.[ARRIVAL_KEY];
    const trace = describeRequest(event.body, typeof arrived === 'number' ? arrived : performance.now());
    const ack = event.ack;
    const traced: typeof event = {
      ...event,
      ack: async (response) => {
        await ack(response);
        if (trace.ackSeconds !== null) return;
        trace.ackSeconds = (performance.now() - trace.arrivedAt) / 1000;
        tracing.observeAck?.(trace.surface, trace.ackSeconds);
      },
      customProperties: { ...event.customProperties, [TRACE_KEY]: trace },
    };
    return withLogContext({ slackRequestId: trace.slackRequestId, surface: trace.surface }, () =>
      process(traced),
    );
  };
  app.use(async ({ context, next }) => {
    const trace = traceOf(context);
    context[LOG_KEY] = tracing.logger.child({
      slackRequestId: trace?.slackRequestId ?? null,
      surface: trace?.surface ?? 'other',
    });
    let failed = false;
    try {
      await next();
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      if (trace) logRequest(tracing.logger, trace, context, failed);
    }
  });
}

/** Puts the booking request's reference on every line logged for the rest of this Slack request. */
export function bindRequestRef(reference: string, context?: Context): void {
  addLogContext({ requestRef: reference });
  const log = context ? requestLogger(context, null) : null;
  if (context && log) context[LOG_KEY] = log.child({ requestRef: reference });
}

/** The request's logger the middleware put on `context` (`fallback` outside a traced request). */
export function requestLogger<T extends Logger | null>(context: Context, fallback: T): Logger | T {
  const log: unknown = context[LOG_KEY];
  return isLogger(log) ? log : fallback;
}

function logRequest(logger: Logger, trace: RequestTrace, context: Context, failed: boolean): void {
  const ms = (seconds: number) => Math.round(seconds * 10_000) / 10;
  logger.info('slack request', {
    name: trace.name,
    ackMs: trace.ackSeconds === null ? null : ms(trace.ackSeconds),
    durationMs: ms((performance.now() - trace.arrivedAt) / 1000),
    ...(typeof context.retryNum === 'number' ? { retryNum: context.retryNum } : {}),
    ...(failed ? { failed } : {}),
  });
}

function traceOf(context: Context): RequestTrace | null {
  const trace: unknown = context[TRACE_KEY];
  return typeof trace === 'object' && trace !== null && 'surface' in trace ? (trace as RequestTrace) : null;
}

function isLogger(value: unknown): value is Logger {
  return typeof value === 'object' && value !== null && 'child' in value && 'info' in value;
}

/** The surface, name and Slack request id of a request body (event_id, else trigger_id, else the view). */
export function describeRequest(body: unknown, arrivedAt: number): RequestTrace {
  const at = (...path: string[]) => stringAt(body, path);
  const type = at('type');
  const viewId = at('view', 'id') ?? at('container', 'view_id');
  const base = { arrivedAt, ackSeconds: null };
  if (type === 'event_callback') {
    return { ...base, surface: 'event', name: at('event', 'type'), slackRequestId: at('event_id') };
  }
  if (at('command') !== null) {
    return { ...base, surface: 'command', name: at('command'), slackRequestId: at('trigger_id') };
  }
  switch (type) {
    case 'view_submission':
      return {
        ...base,
        surface: 'view_submission',
        name: at('view', 'callback_id'),
        slackRequestId: at('trigger_id') ?? viewId,
      };
    case 'block_actions':
      return {
        ...base,
        surface: 'block_actions',
        name: firstActionId(body),
        slackRequestId: at('trigger_id') ?? viewId ?? at('container', 'message_ts'),
      };
    case 'block_suggestion':
      return {
        ...base,
        surface: 'options',
        name: at('action_id'),
        slackRequestId: viewId ?? at('container', 'message_ts'),
      };
    default:
      return {
        ...base,
        surface: 'other',
        name: type,
        slackRequestId: at('trigger_id') ?? viewId,
      };
  }
}

function stringAt(value: unknown, path: readonly string[]): string | null {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return null;
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === 'string' && current !== '' ? current : null;
}

function firstActionId(body: unknown): string | null {
  const actions = typeof body === 'object' && body !== null ? (body as { actions?: unknown }).actions : null;
  return Array.isArray(actions) ? stringAt(actions[0], ['action_id']) : null;
}
