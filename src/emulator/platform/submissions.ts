/** view_submission and view_closed, and what Slack does with the app's `response_action`. */
import { isObject } from '../block-kit/issues.ts';
import { checkView } from '../block-kit/views.ts';
import type { JsonObject, StoredView } from '../types.ts';
import { MAX_STACK } from '../view-store.ts';
import { viewJson } from '../web-api/views.ts';
import { interactionBase, type PlatformDeps } from './context.ts';
import type { AppResponse } from './sender.ts';
import { elementsOf } from './surface.ts';
import { buildStateValues, type InputValue } from './view-state.ts';

export interface SubmitViewInput {
  userId: string;
  /** Defaults to the top of the user's modal stack. */
  viewId?: string;
  /** Values by action_id, shaped per element type from the view's input blocks. */
  values?: Readonly<Record<string, InputValue>>;
  /** Raw `state.values` in Slack's shape (block_id → action_id → entry); merged over `values`. */
  stateValues?: JsonObject;
}

export type ResponseAction = 'errors' | 'update' | 'push' | 'clear' | 'close';

export type SubmissionResponse = AppResponse & {
  triggerId: string;
  /** What Slack did: the app's response_action, `close` for a bare ack, null when the app failed. */
  outcome: ResponseAction | null;
};

function openView(deps: PlatformDeps, userId: string, viewId: string | undefined): StoredView {
  const stack = deps.state.views.stackOf(userId);
  const view = viewId === undefined ? stack.at(-1) : stack.find((v) => v.id === viewId);
  if (!view) throw new Error(`no open modal ${viewId ?? ''} for ${userId}`.replace('  ', ' '));
  return view;
}

function violation(deps: PlatformDeps, message: string): null {
  deps.recorder.violate('response_action', 'view_submission', [message]);
  return null;
}

function applyResponse(deps: PlatformDeps, view: StoredView, body: JsonObject): ResponseAction | null {
  const { views } = deps.state;
  const action = body.response_action;
  if (action === undefined) {
    views.close(view.user_id, view.id);
    return 'close';
  }
  if (action === 'clear') {
    views.clear(view.user_id);
    return 'clear';
  }
  if (action === 'errors') {
    if (!isObject(body.errors)) return violation(deps, 'response_action errors without an errors object');
    const inputIds = new Set(
      elementsOf(view.blocks)
        .filter((p) => p.blockType === 'input')
        .map((p) => p.blockId),
    );
    const unknown = Object.keys(body.errors).filter((id) => !inputIds.has(id));
    if (unknown.length > 0)
      return violation(deps, `errors name blocks that are not inputs: ${unknown.join(', ')}`);
    view.errors = Object.fromEntries(Object.entries(body.errors).map(([k, v]) => [k, String(v)]));
    return 'errors';
  }
  if (action !== 'update' && action !== 'push')
    return violation(deps, `unknown response_action ${String(action)}`);
  const issues = checkView(body.view, 'modal', '/view');
  if (!issues.empty || !isObject(body.view)) {
    deps.recorder.violate('block_kit', `view_submission response_action ${action}`, issues.list);
    return null;
  }
  if (action === 'update') {
    views.replace(view, body.view);
    return 'update';
  }
  if (views.stackOf(view.user_id).length >= MAX_STACK) return violation(deps, 'push beyond 3 stacked views');
  views.push(view.user_id, body.view);
  return 'push';
}

/** Throws synchronously on misuse (no such view, values the client would refuse). */
export function submitView(deps: PlatformDeps, input: SubmitViewInput): Promise<SubmissionResponse> {
  const view = openView(deps, input.userId, input.viewId);
  const values = { ...buildStateValues(view, input.values ?? {}), ...input.stateValues };
  return send(deps, input.userId, view, values);
}

export async function send(
  deps: PlatformDeps,
  userId: string,
  view: StoredView,
  values: JsonObject,
): Promise<SubmissionResponse> {
  const triggerId = deps.state.triggers.issue(userId);
  const payload = {
    ...interactionBase(deps, 'view_submission', userId),
    trigger_id: triggerId,
    view: { ...viewJson(view), state: { values } },
    response_urls: [],
  };
  const response = await deps.sender.postPayload('view_submission', payload);
  // Late or failed: Slack keeps the modal as it was and tells the person it had trouble connecting.
  if (response.status !== 200 || deps.sender.isLate(response))
    return { ...response, triggerId, outcome: null };
  const body = isObject(response.body) ? response.body : {};
  return { ...response, triggerId, outcome: applyResponse(deps, view, body) };
}

/**
 * The user closes a modal. Slack tells the app (`view_closed`) only when the view asked for it
 * with `notify_on_close`; otherwise nothing is sent and undefined is returned.
 */
export function closeView(
  deps: PlatformDeps,
  input: { userId: string; viewId?: string },
): Promise<AppResponse | undefined> {
  const view = openView(deps, input.userId, input.viewId);
  const { views } = deps.state;
  const isCleared = view.clear_on_close;
  if (isCleared) views.clear(input.userId);
  else views.close(input.userId, view.id);
  if (!view.notify_on_close) return Promise.resolve(undefined);
  const payload = {
    ...interactionBase(deps, 'view_closed', input.userId),
    view: viewJson(view),
    is_cleared: isCleared,
  };
  return deps.sender.postPayload('view_closed', payload);
}
