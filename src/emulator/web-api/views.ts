/** views.* methods: open and push (need a trigger), update (by id or external id), publish (Home). */
import { isObject } from '../block-kit/issues.ts';
import { checkView } from '../block-kit/views.ts';
import { toJson } from '../state.ts';
import type { JsonObject, StoredView } from '../types.ts';
import { MAX_STACK } from '../view-store.ts';
import { type ApiContext, type ApiHandler, blockKitFailure, fail, str } from './context.ts';

const MAX_VIEW_BYTES = 250 * 1024;

/** A view as Slack returns it (without the emulator's bookkeeping fields). */
export function viewJson(view: StoredView): JsonObject {
  const { user_id: _user, errors: _errors, ...rest } = view;
  return toJson(rest);
}

type ViewCheck = { ok: true; view: JsonObject } | { ok: false; response: JsonObject };

function checkViewArg(
  args: JsonObject,
  type: 'modal' | 'home',
  ctx: ApiContext,
  self?: StoredView,
): ViewCheck {
  const view = args.view;
  if (JSON.stringify(view).length > MAX_VIEW_BYTES) return { ok: false, response: fail('view_too_large') };
  const issues = checkView(view, type);
  if (!issues.empty || !isObject(view)) return { ok: false, response: blockKitFailure(ctx, issues.list) };
  const externalId = str(view.external_id);
  const owner = externalId ? ctx.state.views.findByExternalId(externalId) : undefined;
  if (owner && owner.id !== self?.id) return { ok: false, response: fail('duplicate_external_id') };
  return { ok: true, view };
}

type TriggerCheck = { ok: true; userId: string } | { ok: false; response: JsonObject };

function exchangeTrigger(args: JsonObject, ctx: ApiContext): TriggerCheck {
  const id = str(args.trigger_id) ?? str(args.interactivity_pointer) ?? '';
  const result = ctx.state.triggers.exchange(id);
  if (result.ok) return result;
  ctx.violate('trigger', [`${result.error}: ${id}`]);
  return { ok: false, response: fail(result.error) };
}

const open: ApiHandler = (args, ctx) => {
  const checked = checkViewArg(args, 'modal', ctx);
  if (!checked.ok) return checked.response;
  const trigger = exchangeTrigger(args, ctx);
  if (!trigger.ok) return trigger.response;
  return { ok: true, view: viewJson(ctx.state.views.open(trigger.userId, checked.view)) };
};

const push: ApiHandler = (args, ctx) => {
  const checked = checkViewArg(args, 'modal', ctx);
  if (!checked.ok) return checked.response;
  const trigger = exchangeTrigger(args, ctx);
  if (!trigger.ok) return trigger.response;
  const stack = ctx.state.views.stackOf(trigger.userId);
  if (stack.length === 0) return fail('not_found');
  if (stack.length >= MAX_STACK) return fail('push_limit_reached');
  const view = ctx.state.views.push(trigger.userId, checked.view);
  return view ? { ok: true, view: viewJson(view) } : fail('push_limit_reached');
};

const update: ApiHandler = (args, ctx) => {
  const { views } = ctx.state;
  const viewId = str(args.view_id);
  const existing = viewId ? views.findById(viewId) : views.findByExternalId(str(args.external_id) ?? '');
  if (!existing) return fail('not_found');
  const hash = str(args.hash);
  if (hash !== undefined && hash !== existing.hash) return fail('hash_conflict');
  const checked = checkViewArg(args, existing.type, ctx, existing);
  if (!checked.ok) return checked.response;
  return { ok: true, view: viewJson(views.replace(existing, checked.view)) };
};

const publish: ApiHandler = (args, ctx) => {
  const userId = String(args.user_id);
  if (!ctx.state.workspace.users.has(userId)) {
    const messages = [`[ERROR] user_id ${userId} names no user`];
    ctx.violate('arguments', messages);
    return fail('invalid_arguments', messages);
  }
  const home = ctx.state.views.homeOf(userId);
  const hash = str(args.hash);
  if (hash !== undefined && home && hash !== home.hash) return fail('hash_conflict');
  const checked = checkViewArg(args, 'home', ctx, home);
  if (!checked.ok) return checked.response;
  return { ok: true, view: viewJson(ctx.state.views.publishHome(userId, checked.view)) };
};

export const viewHandlers: Record<string, ApiHandler> = {
  'views.open': open,
  'views.push': push,
  'views.update': update,
  'views.publish': publish,
};
