/** block_actions: clicking a button, picking options — only on elements the surface really shows. */

import type { JsonObject, StoredMessage, StoredView } from '../types.ts';
import { messageJson } from '../web-api/chat.ts';
import { viewJson } from '../web-api/views.ts';
import { actionTs, interactionBase, type PlatformDeps } from './context.ts';
import type { BlockActionResponse } from './inbound.ts';
import { elementsOf, type PlacedElement, pickOptions } from './surface.ts';

/** Where the element is: a message (`channel` + `messageTs`) or an open view (`viewId`). */
export type ActionTarget = { userId: string; actionId: string; blockId?: string } & (
  | { channel: string; messageTs: string; viewId?: undefined }
  | { viewId: string; channel?: undefined; messageTs?: undefined }
);

export type ClickButtonInput = ActionTarget & { value?: string };
export type SelectOptionInput = ActionTarget & { value: string };
export type CheckBoxesInput = ActionTarget & { values: readonly string[] };

export type Surface = { kind: 'message'; message: StoredMessage } | { kind: 'view'; view: StoredView };

export function surfaceOf(deps: PlatformDeps, target: ActionTarget): Surface {
  if (target.viewId !== undefined) {
    const view = deps.state.views.findById(target.viewId);
    if (!view) throw new Error(`no open view ${target.viewId}`);
    if (view.user_id !== target.userId)
      throw new Error(`view ${target.viewId} is not shown to ${target.userId}`);
    return { kind: 'view', view };
  }
  const channel = deps.state.workspace.resolveChannel(target.channel)?.id ?? target.channel;
  const message = deps.state.messages.find(channel, target.messageTs);
  if (!message) throw new Error(`no message ${target.messageTs} in ${target.channel}`);
  return { kind: 'message', message };
}

function describe(surface: Surface): string {
  return surface.kind === 'view'
    ? `view ${surface.view.id}`
    : `message ${surface.message.channel}/${surface.message.ts}`;
}

export function findElement(
  surface: Surface,
  target: ActionTarget,
  types: readonly string[],
  label: string,
  extra: (p: PlacedElement) => boolean = () => true,
): PlacedElement {
  const blocks = surface.kind === 'view' ? surface.view.blocks : surface.message.blocks;
  const found = elementsOf(blocks).find(
    (p) =>
      types.includes(String(p.element.type)) &&
      p.element.action_id === target.actionId &&
      (target.blockId === undefined || p.blockId === target.blockId) &&
      extra(p),
  );
  if (!found) throw new Error(`no ${label} "${target.actionId}" in ${describe(surface)}`);
  return found;
}

export async function send(
  deps: PlatformDeps,
  target: ActionTarget,
  surface: Surface,
  action: JsonObject,
): Promise<BlockActionResponse> {
  const triggerId = deps.state.triggers.issue(target.userId);
  const sentAt = actionTs(deps);
  const payload: JsonObject = {
    ...interactionBase(deps, 'block_actions', target.userId),
    trigger_id: triggerId,
    state: { values: {} },
    actions: [{ ...action, action_ts: sentAt }],
  };
  if (surface.kind === 'view') {
    payload.container = { type: 'view', view_id: surface.view.id };
    payload.view = viewJson(surface.view);
  } else {
    const { message } = surface;
    const channel = deps.state.workspace.channels.get(message.channel);
    const isReply = message.thread_ts !== undefined && message.thread_ts !== message.ts;
    payload.container = {
      type: 'message',
      message_ts: message.ts,
      channel_id: message.channel,
      is_ephemeral: false,
      ...(isReply ? { thread_ts: message.thread_ts } : {}),
    };
    payload.channel = {
      id: message.channel,
      name: channel?.isIm ? 'directmessage' : (channel?.name ?? message.channel),
    };
    payload.message = messageJson(message);
    payload.response_url = deps.responseUrls.issue({
      channel: message.channel,
      userId: target.userId,
      messageTs: message.ts,
    });
  }
  return { ...(await deps.sender.postPayload('block_actions', payload)), triggerId, actionTs: sentAt };
}

export function clickButton(deps: PlatformDeps, input: ClickButtonInput): Promise<BlockActionResponse> {
  const surface = surfaceOf(deps, input);
  const { element, blockId } = findElement(
    surface,
    input,
    ['button'],
    'button',
    (p) => input.value === undefined || p.element.value === input.value,
  );
  const action: JsonObject = {
    type: 'button',
    action_id: input.actionId,
    block_id: blockId,
    text: element.text ?? null,
  };
  if (element.value !== undefined) action.value = element.value;
  if (element.style !== undefined) action.style = element.style;
  return send(deps, input, surface, action);
}

/** Picks one option of a static_select, radio_buttons or overflow element. */
export function selectOption(deps: PlatformDeps, input: SelectOptionInput): Promise<BlockActionResponse> {
  const surface = surfaceOf(deps, input);
  const where = `in ${describe(surface)}`;
  const { element, blockId } = findElement(
    surface,
    input,
    ['static_select', 'radio_buttons', 'overflow'],
    'select',
  );
  const [option] = pickOptions(element, [input.value], where);
  const action: JsonObject = {
    type: String(element.type),
    action_id: input.actionId,
    block_id: blockId,
    selected_option: option ?? null,
  };
  if (element.placeholder !== undefined) action.placeholder = element.placeholder;
  return send(deps, input, surface, action);
}

/** Sets the checked options of a checkboxes or multi_static_select element. */
export function checkBoxes(deps: PlatformDeps, input: CheckBoxesInput): Promise<BlockActionResponse> {
  const surface = surfaceOf(deps, input);
  const where = `in ${describe(surface)}`;
  const { element, blockId } = findElement(
    surface,
    input,
    ['checkboxes', 'multi_static_select'],
    'checkboxes',
  );
  const selected = pickOptions(element, input.values, where);
  return send(deps, input, surface, {
    type: String(element.type),
    action_id: input.actionId,
    block_id: blockId,
    selected_options: selected,
  });
}
