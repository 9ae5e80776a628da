// What every request from Slack goes through before the listeners:
// - Every string in it is made storable: NUL characters are dropped and lone UTF-16 surrogates become
//   U+FFFD. PostgreSQL stores neither (in text or jsonb a query with one fails), and nobody means one.
// - Slack shows the person an error when a request is not acknowledged within three seconds.
//   Requests that no listener handles — a block action with an action_id the app no longer knows
//   (a button on an old message), a submission of a view that is not ours, or an interaction
//   without the person who made it — are acknowledged here and dropped, instead of Bolt answering
//   404 after three seconds. What is ours is what ids.ts lists.

import type { AnyMiddlewareArgs, App } from '@slack/bolt';
import {
  ACTION,
  CALLBACK,
  COMMAND,
  HOME_PAGE_ACTION_PATTERN,
  RETRY_DELIVERY_ACTION_PATTERN,
  STEP_TAKE_ACTION_PATTERN,
} from '../ids.ts';
import { isChecklistActionId } from '../views/step-checklist.ts';

export function registerInboundGuards(app: App): void {
  app.use(async (args) => {
    makeStorable(args.body);
    const { ack } = args as AnyMiddlewareArgs & { ack?: (response?: unknown) => Promise<void> };
    if (ack === undefined || handled(args.body)) return args.next();
    await ack();
  });
}

// Retry buttons always carry the outbox id in their action_id (RETRY_DELIVERY_ACTION_PATTERN).
const ACTION_IDS = new Set<string>(Object.values(ACTION).filter((id) => id !== ACTION.retryDelivery));
const CALLBACK_IDS = new Set<string>(Object.values(CALLBACK));

function knownActionId(actionId: unknown): boolean {
  if (typeof actionId !== 'string') return false;
  return (
    ACTION_IDS.has(actionId) ||
    STEP_TAKE_ACTION_PATTERN.test(actionId) ||
    HOME_PAGE_ACTION_PATTERN.test(actionId) ||
    RETRY_DELIVERY_ACTION_PATTERN.test(actionId) ||
    isChecklistActionId(actionId)
  );
}

/** True when a listener will take the request: it names who made it, and what it is is ours. */
function handled(body: unknown): boolean {
  const request = body as {
    type?: unknown;
    command?: unknown;
    user_id?: unknown;
    user?: { id?: unknown } | null;
    actions?: unknown;
    view?: { callback_id?: unknown } | null;
  };
  const actor =
    (typeof request.user_id === 'string' && request.user_id !== '') ||
    (typeof request.user?.id === 'string' && request.user.id !== '');
  if (!actor) return false;
  if (request.command !== undefined) return request.command === COMMAND;
  if (request.type === 'block_actions')
    // Bolt routes a block action by its first action.
    return Array.isArray(request.actions) && knownActionId(request.actions[0]?.action_id);
  if (request.type === 'view_submission') return CALLBACK_IDS.has(String(request.view?.callback_id));
  return true;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Removes U+0000 and replaces lone surrogates in every string of a parsed body, in place. */
function makeStorable(value: unknown, depth = 0): void {
  if (depth > 64 || typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (typeof item === 'string') {
      const clean = item.replaceAll('\u0000', '').replace(LONE_SURROGATE, '\ufffd');
      if (clean !== item) record[key] = clean;
    } else makeStorable(item, depth + 1);
  }
}
