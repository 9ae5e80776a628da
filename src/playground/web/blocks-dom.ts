// Reading what the server-side renderer left in the DOM: element identity, option and confirm
// objects (JSON in data attributes), and the current selection of any stateful element.

import {
  ATTR,
  CLASS,
  type ConfirmObject,
  type OptionObject,
  type TextObject,
  type ViewStateEntry,
} from '../blocks/contract.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isTextObject(value: unknown): value is TextObject {
  return (
    isRecord(value) &&
    (value.type === 'plain_text' || value.type === 'mrkdwn') &&
    typeof value.text === 'string'
  );
}

export function isOption(value: unknown): value is OptionObject {
  return isRecord(value) && typeof value.value === 'string' && isTextObject(value.text);
}

export function isConfirm(value: unknown): value is ConfirmObject {
  return isRecord(value) && isTextObject(value.text);
}

export function readJson(element: Element, name: string): unknown {
  const raw = element.getAttribute(name);
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function optionOf(element: Element): OptionObject | undefined {
  const option = readJson(element, ATTR.option);
  return isOption(option) ? option : undefined;
}

/** The interactive element (carrying data-element-type) an event target belongs to. */
export function interactiveOf(target: EventTarget | null): HTMLElement | undefined {
  if (!(target instanceof Element)) return undefined;
  const found = target.closest(`[${ATTR.elementType}]`);
  return found instanceof HTMLElement ? found : undefined;
}

export function typeOf(element: Element): string {
  return element.getAttribute(ATTR.elementType) ?? '';
}

function selectedOptionElements(element: Element): HTMLOptionElement[] {
  return element instanceof HTMLSelectElement
    ? [...element.selectedOptions].filter((option) => option.value !== '')
    : [];
}

function checkedInputs(element: Element): HTMLInputElement[] {
  return [...element.querySelectorAll<HTMLInputElement>(`input.${CLASS.choice}`)].filter(
    (input) => input.checked,
  );
}

function textValue(element: Element): string | null {
  const value =
    element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement ? element.value : '';
  return value === '' ? null : value;
}

const TEXT_INPUTS = new Set(['plain_text_input', 'number_input', 'email_text_input', 'url_text_input']);

/** Element types whose value Slack reports in view.state.values. */
export const STATEFUL_TYPES: ReadonlySet<string> = new Set([
  ...TEXT_INPUTS,
  'static_select',
  'multi_static_select',
  'users_select',
  'multi_users_select',
  'conversations_select',
  'multi_conversations_select',
  'channels_select',
  'multi_channels_select',
  'checkboxes',
  'radio_buttons',
  'datepicker',
  'timepicker',
]);

/** The element's current value, shaped as Slack's state entry (empty: null or []). */
export function selectionOf(element: Element): ViewStateEntry {
  const type = typeOf(element);
  if (TEXT_INPUTS.has(type)) return { type, value: textValue(element) };
  const picked = selectedOptionElements(element);
  const ids = picked.map((option) => option.value);
  switch (type) {
    case 'static_select':
      return { type, selected_option: picked.map(optionOf).find((option) => option !== undefined) ?? null };
    case 'multi_static_select':
      return { type, selected_options: picked.flatMap((option) => optionOf(option) ?? []) };
    case 'users_select':
      return { type, selected_user: ids[0] ?? null };
    case 'multi_users_select':
      return { type, selected_users: ids };
    case 'conversations_select':
      return { type, selected_conversation: ids[0] ?? null };
    case 'multi_conversations_select':
      return { type, selected_conversations: ids };
    case 'channels_select':
      return { type, selected_channel: ids[0] ?? null };
    case 'multi_channels_select':
      return { type, selected_channels: ids };
    case 'checkboxes':
      return { type, selected_options: checkedInputs(element).flatMap((input) => optionOf(input) ?? []) };
    case 'radio_buttons':
      return {
        type,
        selected_option:
          checkedInputs(element)
            .map(optionOf)
            .find((option) => option !== undefined) ?? null,
      };
    case 'datepicker':
      return { type, selected_date: textValue(element) };
    case 'timepicker':
      return { type, selected_time: textValue(element) };
    default:
      return { type, value: null };
  }
}

/** True when the entry holds nothing (an untouched or cleared input). */
export function isEmptyEntry(entry: ViewStateEntry): boolean {
  return Object.entries(entry).every(
    ([key, value]) =>
      key === 'type' || value === null || value === undefined || (Array.isArray(value) && value.length === 0),
  );
}
