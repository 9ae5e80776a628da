/**
 * block_actions for any interactive element a person can use on a message, Home or modal: buttons,
 * selects, checkboxes and radio buttons go through clickButton/selectOption/checkBoxes; pickers
 * (date, time, user, conversation, channel) are handled here. Elements inside input blocks send
 * nothing until the form is submitted (unless the block asks with `dispatch_action`), as in Slack.
 */
import type { JsonObject } from '../types.ts';
import {
  type ActionTarget,
  checkBoxes,
  clickButton,
  findElement,
  type Surface,
  selectOption,
  send,
  surfaceOf,
} from './actions.ts';
import type { PlatformDeps } from './context.ts';
import type { BlockActionResponse } from './inbound.ts';

/** What the person did to one element; the fields that apply to its type. */
export type BlockActionInput = ActionTarget & {
  /** The element's type as rendered, e.g. `datepicker`. */
  type: string;
  /** A button's value (tells apart buttons sharing an action_id). */
  value?: string;
  /** The picked option's value: static_select, radio_buttons, overflow. */
  selectedOption?: string;
  /** Every checked option's value: checkboxes, multi_static_select. */
  selectedOptions?: readonly string[];
  selectedDate?: string;
  selectedTime?: string;
  selectedUser?: string;
  selectedUsers?: readonly string[];
  selectedConversation?: string;
  selectedChannel?: string;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

function required<T>(value: T | undefined, what: string, type: string): T {
  if (value === undefined) throw new Error(`a ${type} action needs ${what}`);
  return value;
}

function pickerAction(deps: PlatformDeps, input: BlockActionInput): JsonObject {
  const { type } = input;
  const knownUser = (id: string) => {
    if (!deps.state.workspace.users.has(id)) throw new Error(`no user ${id} to pick`);
    return id;
  };
  const knownChannel = (id: string) => {
    if (!deps.state.workspace.channels.has(id)) throw new Error(`no conversation ${id} to pick`);
    return id;
  };
  switch (type) {
    case 'datepicker': {
      const date = required(input.selectedDate, 'selectedDate', type);
      if (!DATE.test(date)) throw new Error(`"${date}" is not YYYY-MM-DD`);
      return { selected_date: date };
    }
    case 'timepicker': {
      const time = required(input.selectedTime, 'selectedTime', type);
      if (!TIME.test(time)) throw new Error(`"${time}" is not HH:mm`);
      return { selected_time: time };
    }
    case 'users_select':
      return { selected_user: knownUser(required(input.selectedUser, 'selectedUser', type)) };
    case 'multi_users_select':
      return { selected_users: required(input.selectedUsers, 'selectedUsers', type).map(knownUser) };
    case 'conversations_select':
      return {
        selected_conversation: knownChannel(
          required(input.selectedConversation, 'selectedConversation', type),
        ),
      };
    case 'channels_select':
      return { selected_channel: knownChannel(required(input.selectedChannel, 'selectedChannel', type)) };
    default:
      throw new Error(`the emulator cannot act on a ${type} element`);
  }
}

function dispatchesActions(surface: Surface, input: BlockActionInput): boolean {
  const placed = findElement(surface, input, [input.type], input.type);
  if (placed.blockType !== 'input') return true;
  return placed.block.dispatch_action === true;
}

/** Throws synchronously on misuse (no such element, an option not offered, an element in an input block). */
export function blockAction(deps: PlatformDeps, input: BlockActionInput): Promise<BlockActionResponse> {
  const surface = surfaceOf(deps, input);
  if (!dispatchesActions(surface, input)) {
    throw new Error(
      `${input.type} "${input.actionId}" is in an input block: Slack sends it with the form, not as block_actions`,
    );
  }
  switch (input.type) {
    case 'button':
      return clickButton(deps, input);
    case 'static_select':
    case 'radio_buttons':
    case 'overflow':
      return selectOption(deps, {
        ...input,
        value: required(input.selectedOption, 'selectedOption', input.type),
      });
    case 'checkboxes':
    case 'multi_static_select':
      return checkBoxes(deps, {
        ...input,
        values: required(input.selectedOptions, 'selectedOptions', input.type),
      });
    default: {
      const picked = pickerAction(deps, input);
      const { blockId } = findElement(surface, input, [input.type], input.type);
      return send(deps, input, surface, {
        type: input.type,
        action_id: input.actionId,
        block_id: blockId,
        ...picked,
      });
    }
  }
}
