/**
 * Builds `view.state.values` (block_id → action_id → value) the way the Slack client would after a
 * user filled in a modal, refusing what the client would refuse (empty required input, unknown option).
 */
import { isObject } from '../block-kit/issues.ts';
import type { Json, JsonObject, StoredView } from '../types.ts';
import { elementsOf, type PlacedElement, pickOptions } from './surface.ts';

/** What a test types in: a string (text, date, time, user, channel, option value) or a list. */
export type InputValue = string | readonly string[] | null;

function asList(value: InputValue): string[] {
  if (value === null) return [];
  return typeof value === 'string' ? [value] : [...value];
}

function initialValue(element: JsonObject): InputValue {
  const one = element.initial_value ?? element.initial_date ?? element.initial_time ?? element.initial_user;
  if (typeof one === 'string') return one;
  const conv = element.initial_conversation ?? element.initial_channel;
  if (typeof conv === 'string') return conv;
  if (isObject(element.initial_option) && typeof element.initial_option.value === 'string') {
    return element.initial_option.value;
  }
  const many = element.initial_options ?? element.initial_users ?? element.initial_conversations;
  if (Array.isArray(many)) return many.map((o) => (isObject(o) ? String(o.value) : String(o)));
  return null;
}

function textValue(placed: PlacedElement, value: InputValue, where: string): string | null {
  const [text] = asList(value);
  if (text === undefined || text === '') return null;
  const { element } = placed;
  const id = String(element.action_id);
  const min = typeof element.min_length === 'number' ? element.min_length : 0;
  const max = typeof element.max_length === 'number' ? element.max_length : 3000;
  if (text.length < min || text.length > max) {
    throw new Error(`input "${id}" ${where}: length ${text.length} outside ${min}..${max}`);
  }
  if (element.type === 'number_input') {
    const n = Number(text);
    const bad = !Number.isFinite(n) || (element.is_decimal_allowed !== true && !Number.isInteger(n));
    if (bad) throw new Error(`input "${id}" ${where}: "${text}" is not an allowed number`);
  }
  return text;
}

/** The Slack-shaped state entry for one element. */
function stateEntry(placed: PlacedElement, value: InputValue, where: string): JsonObject {
  const { element } = placed;
  const type = String(element.type);
  const list = asList(value);
  const first: Json = list[0] ?? null;
  switch (type) {
    case 'plain_text_input':
    case 'number_input':
    case 'email_text_input':
    case 'url_text_input':
      return { type, value: textValue(placed, value, where) };
    case 'static_select':
    case 'radio_buttons':
      return {
        type,
        selected_option: list.length ? (pickOptions(element, list.slice(0, 1), where)[0] ?? null) : null,
      };
    case 'multi_static_select':
    case 'checkboxes':
      return { type, selected_options: pickOptions(element, list, where) };
    case 'users_select':
      return { type, selected_user: first };
    case 'multi_users_select':
      return { type, selected_users: list };
    case 'conversations_select':
      return { type, selected_conversation: first };
    case 'multi_conversations_select':
      return { type, selected_conversations: list };
    case 'channels_select':
      return { type, selected_channel: first };
    case 'datepicker':
      if (first !== null && !/^\d{4}-\d{2}-\d{2}$/.test(first))
        throw new Error(`datepicker ${where}: "${first}" is not YYYY-MM-DD`);
      return { type, selected_date: first };
    case 'timepicker':
      if (first !== null && !/^\d{2}:\d{2}$/.test(first))
        throw new Error(`timepicker ${where}: "${first}" is not HH:mm`);
      return { type, selected_time: first };
    default:
      return { type, value: first };
  }
}

function isEmpty(entry: JsonObject): boolean {
  return Object.entries(entry).every(
    ([key, v]) => key === 'type' || v === null || (Array.isArray(v) && v.length === 0),
  );
}

/**
 * State values for a submission: every input block of the view, filled from `values` (by
 * action_id) or the element's initial value. Throws on unknown action ids and empty required inputs.
 */
export function buildStateValues(view: StoredView, values: Readonly<Record<string, InputValue>>): JsonObject {
  const where = `in view ${view.id} (${view.callback_id || 'no callback_id'})`;
  const inputs = elementsOf(view.blocks).filter((p) => p.blockType === 'input');
  const known = new Set(inputs.map((p) => String(p.element.action_id)));
  for (const actionId of Object.keys(values)) {
    if (!known.has(actionId)) throw new Error(`no input "${actionId}" ${where}`);
  }
  const state: JsonObject = {};
  for (const placed of inputs) {
    const actionId = String(placed.element.action_id);
    const given = Object.hasOwn(values, actionId) ? values[actionId]! : initialValue(placed.element);
    const entry = stateEntry(placed, given, where);
    if (placed.block.optional !== true && isEmpty(entry)) {
      throw new Error(`required input "${actionId}" (block ${placed.blockId}) left empty ${where}`);
    }
    const block = isObject(state[placed.blockId]) ? (state[placed.blockId] as JsonObject) : {};
    block[actionId] = entry;
    state[placed.blockId] = block;
  }
  return state;
}
