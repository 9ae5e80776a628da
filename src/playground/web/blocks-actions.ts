// From a click or a change on rendered Block Kit to the block action Slack would send: buttons and
// overflow options on click; selects, checkboxes, radio buttons and pickers on change, except inside
// input blocks (those only count when the modal is submitted, as in Slack).

import {
  type ActionContainer,
  ATTR,
  type BlockActionIntent,
  CLASS,
  type ViewStateEntry,
} from '../blocks/contract.ts';
import { confirmDialog } from './blocks-confirm.ts';
import {
  interactiveOf,
  isConfirm,
  isOption,
  isTextObject,
  readJson,
  STATEFUL_TYPES,
  selectionOf,
  typeOf,
} from './blocks-dom.ts';
import { collectViewState } from './blocks-state.ts';

function containerOf(element: Element): { container?: ActionContainer; root?: Element } {
  const root = element.closest(`[${ATTR.surface}]`);
  if (!root) return {};
  const surface = root.getAttribute(ATTR.surface);
  const get = (name: string) => root.getAttribute(name) ?? undefined;
  if (surface === 'modal' || surface === 'home') {
    const viewId = get(ATTR.viewId);
    return { root, container: { type: 'view', surface, ...(viewId ? { viewId } : {}) } };
  }
  const channel = get(ATTR.channel);
  const messageTs = get(ATTR.ts);
  const threadTs = get(ATTR.threadTs);
  return {
    root,
    container: {
      type: 'message',
      ...(channel ? { channel } : {}),
      ...(messageTs ? { messageTs } : {}),
      ...(threadTs ? { threadTs } : {}),
    },
  };
}

/** Slack's snake_case selection as the intent's camelCase fields. */
function selectionFields(entry: ViewStateEntry): Partial<BlockActionIntent> {
  const fields: Partial<BlockActionIntent> = {};
  if (entry.selected_option !== undefined) fields.selectedOption = entry.selected_option;
  if (entry.selected_options !== undefined) fields.selectedOptions = entry.selected_options;
  if (entry.selected_date !== undefined) fields.selectedDate = entry.selected_date;
  if (entry.selected_time !== undefined) fields.selectedTime = entry.selected_time;
  if (entry.selected_user !== undefined) fields.selectedUser = entry.selected_user;
  if (entry.selected_users !== undefined) fields.selectedUsers = entry.selected_users;
  if (entry.selected_conversation !== undefined) fields.selectedConversation = entry.selected_conversation;
  if (entry.selected_conversations !== undefined) fields.selectedConversations = entry.selected_conversations;
  if (entry.selected_channel !== undefined) fields.selectedChannel = entry.selected_channel;
  if (entry.selected_channels !== undefined) fields.selectedChannels = entry.selected_channels;
  return fields;
}

function base(element: Element): BlockActionIntent {
  const blockId = element.getAttribute(ATTR.blockId) ?? '';
  const confirm = readJson(element, ATTR.confirm);
  const { container, root } = containerOf(element);
  const intent: BlockActionIntent = {
    actionId: element.getAttribute(ATTR.actionId) ?? '',
    type: typeOf(element),
    ...(blockId !== '' ? { blockId } : {}),
    ...(isConfirm(confirm) ? { confirm } : {}),
  };
  if (container) intent.container = container;
  if (container?.type === 'view' && root) intent.viewState = collectViewState(root);
  return intent;
}

function buttonIntent(element: Element): BlockActionIntent {
  const intent = base(element);
  const value = element.getAttribute(ATTR.value);
  const url = element.getAttribute(ATTR.url);
  const style = element.getAttribute(ATTR.style);
  const text = readJson(element, ATTR.text);
  if (value !== null) intent.value = value;
  if (url !== null) intent.url = url;
  if (style === 'primary' || style === 'danger') intent.style = style;
  if (isTextObject(text)) intent.text = text;
  return intent;
}

function overflowIntent(element: Element, item: Element): BlockActionIntent {
  const intent = base(element);
  const option = readJson(item, ATTR.option);
  intent.selectedOption = isOption(option) ? option : null;
  const url = item.getAttribute(ATTR.url);
  if (url !== null) intent.url = url;
  return intent;
}

/**
 * The block action a DOM event means, or undefined when it means none. Side-effect free: a confirm
 * object comes back in `confirm` (ask with confirmDialog), a link in `url`. performAction does both.
 */
export function actionFromEvent(event: Event): BlockActionIntent | undefined {
  const element = interactiveOf(event.target);
  if (!element) return undefined;
  const type = typeOf(element);
  if (event.type === 'click') {
    if (type === 'button') return buttonIntent(element);
    const item = event.target instanceof Element ? event.target.closest(`.${CLASS.overflowOption}`) : null;
    if (type === 'overflow' && item) return overflowIntent(element, item);
    return undefined;
  }
  if (event.type !== 'change' || !STATEFUL_TYPES.has(type)) return undefined;
  // Input blocks report their values on submit (view.state.values), not as actions.
  if (element.closest(`.${CLASS.inputBlock}`)) return undefined;
  const intent: BlockActionIntent = { ...base(element), ...selectionFields(selectionOf(element)) };
  const placeholder = readJson(element, ATTR.placeholder);
  if (isTextObject(placeholder)) intent.placeholder = placeholder;
  return intent;
}

// What each stateful element showed after its last accepted action, so a denied confirm puts it back.
const committed = new WeakMap<Element, string[]>();

function currentValues(element: Element): string[] {
  if (element instanceof HTMLSelectElement) return [...element.selectedOptions].map((option) => option.value);
  if (element instanceof HTMLInputElement) return [element.value];
  return [...element.querySelectorAll<HTMLInputElement>(`input.${CLASS.choice}`)]
    .filter((input) => input.checked)
    .map((input) => input.value);
}

function defaultValues(element: Element): string[] {
  if (element instanceof HTMLSelectElement) {
    return [...element.options].filter((option) => option.defaultSelected).map((option) => option.value);
  }
  if (element instanceof HTMLInputElement) return [element.defaultValue];
  return [...element.querySelectorAll<HTMLInputElement>(`input.${CLASS.choice}`)]
    .filter((input) => input.defaultChecked)
    .map((input) => input.value);
}

function restore(element: Element): void {
  const values = new Set(committed.get(element) ?? defaultValues(element));
  if (element instanceof HTMLSelectElement) {
    for (const option of element.options) option.selected = values.has(option.value);
  } else if (element instanceof HTMLInputElement) {
    element.value = [...values][0] ?? '';
  } else {
    for (const input of element.querySelectorAll<HTMLInputElement>(`input.${CLASS.choice}`)) {
      input.checked = values.has(input.value);
    }
  }
}

function openLink(url: string): void {
  if (/^(https?:|mailto:)/i.test(url)) window.open(url, '_blank', 'noopener,noreferrer');
}

/**
 * actionFromEvent, then what Slack's client does before sending: asks the confirm dialog (a denied
 * one undoes the change and sends nothing), opens a link button's URL (link buttons without a confirm
 * are real links the browser already follows) and closes the overflow menu.
 */
export async function performAction(event: Event): Promise<BlockActionIntent | undefined> {
  const intent = actionFromEvent(event);
  const element = interactiveOf(event.target);
  if (!intent || !element) return undefined;
  if (element instanceof HTMLDetailsElement) element.open = false;
  if (intent.confirm) {
    const confirmed = await confirmDialog(intent.confirm, element.ownerDocument);
    if (!confirmed) {
      if (STATEFUL_TYPES.has(intent.type)) restore(element);
      return undefined;
    }
  }
  if (intent.url && !(element instanceof HTMLAnchorElement)) openLink(intent.url);
  if (STATEFUL_TYPES.has(intent.type)) committed.set(element, currentValues(element));
  return intent;
}

/** Listens for block actions under `root` and hands each (after any confirm) to `send`; returns a stop function. */
export function listenForActions(root: Element, send: (intent: BlockActionIntent) => void): () => void {
  const handle = (event: Event) => {
    void performAction(event).then((intent) => {
      if (intent) send(intent);
    });
  };
  root.addEventListener('click', handle);
  root.addEventListener('change', handle);
  return () => {
    root.removeEventListener('click', handle);
    root.removeEventListener('change', handle);
  };
}
