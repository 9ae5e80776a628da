// The contract between the server-side Block Kit renderer and the browser module
// (src/playground/web/blocks-*.ts): the data attributes the HTML carries, the Slack-shaped objects
// kept in them, and the intent the browser reports for a block action. Types and constants only
// (plus one pure mapping), so both the Node and the DOM build can import it.

/** Data attributes written by the renderer and read by the browser module. */
export const ATTR = {
  /** On every block wrapper and every interactive element: the block's block_id ("" when it has none). */
  blockId: 'data-block-id',
  /** On every block wrapper: the block's type. */
  blockType: 'data-block-type',
  /** On every interactive element: its action_id ("" when it has none). */
  actionId: 'data-action-id',
  /** On every interactive element: its Block Kit type (button, static_select, checkboxes…). */
  elementType: 'data-element-type',
  /** Button: its value. */
  value: 'data-value',
  /** Button and overflow option: the link it opens (only http, https and mailto are kept). */
  url: 'data-url',
  /** Button: its style (primary, danger). */
  style: 'data-style',
  /** Button: its text object, JSON (Slack sends it in the action). */
  text: 'data-text',
  /** Any element with a confirm object: the object, JSON. */
  confirm: 'data-confirm',
  /** Each option of a select, checkbox group, radio group or overflow menu: the full option, JSON. */
  option: 'data-option',
  /** Select placeholders: the element's placeholder text object, JSON. */
  placeholder: 'data-placeholder',
  /** Input block wrapper: "true" when the input is optional. */
  optional: 'data-optional',
  /** The surface root: message, modal or home. */
  surface: 'data-surface',
  /** Modal and Home root: the view's id, when it has one. */
  viewId: 'data-view-id',
  /** Modal root: the view's callback_id. */
  callbackId: 'data-callback-id',
  /** Message root: the channel and ts of the message, when given. */
  channel: 'data-channel',
  ts: 'data-ts',
  threadTs: 'data-thread-ts',
  /** Modal buttons: "submit" or "close". */
  modalAction: 'data-modal-action',
  /** Confirm dialog buttons: "confirm" or "deny". */
  confirmAction: 'data-confirm-action',
} as const;

/** CSS classes the browser module looks for (the renderer writes them). */
export const CLASS = {
  block: 'bk-block',
  inputBlock: 'bk-block-input',
  error: 'bk-error',
  hasError: 'bk-has-error',
  choice: 'bk-choice-input',
  overflowOption: 'bk-overflow-option',
} as const;

export interface TextObject {
  type: 'plain_text' | 'mrkdwn';
  text: string;
  emoji?: boolean;
  verbatim?: boolean;
}

export interface OptionObject {
  text: TextObject;
  value: string;
  description?: TextObject;
  url?: string;
}

export interface ConfirmObject {
  title?: TextObject;
  text: TextObject;
  confirm?: TextObject;
  deny?: TextObject;
  style?: 'primary' | 'danger';
}

/** One entry of Slack's `view.state.values[block_id][action_id]`. */
export interface ViewStateEntry {
  type: string;
  value?: string | null;
  selected_option?: OptionObject | null;
  selected_options?: OptionObject[];
  selected_date?: string | null;
  selected_time?: string | null;
  selected_user?: string | null;
  selected_users?: string[];
  selected_conversation?: string | null;
  selected_conversations?: string[];
  selected_channel?: string | null;
  selected_channels?: string[];
}

export type ViewStateValues = Record<string, Record<string, ViewStateEntry>>;

/** Where the action happened, read from the surface root around the element. */
export type ActionContainer =
  | { type: 'message'; channel?: string; messageTs?: string; threadTs?: string }
  | { type: 'view'; surface: 'modal' | 'home'; viewId?: string };

/** What a click or a change on a Block Kit element means: the makings of a `block_actions` payload. */
export interface BlockActionIntent {
  actionId: string;
  /** Absent when the block has no block_id (the emulator then matches by action_id alone). */
  blockId?: string;
  /** The element's Block Kit type. */
  type: string;
  /** Button: its value. */
  value?: string;
  /** Button or overflow option with a link (Slack still sends the action). */
  url?: string;
  /** Button: its text and style. */
  text?: TextObject;
  style?: 'primary' | 'danger';
  /** Select: its placeholder (Slack echoes it in the action). */
  placeholder?: TextObject;
  selectedOption?: OptionObject | null;
  selectedOptions?: OptionObject[];
  selectedDate?: string | null;
  selectedTime?: string | null;
  selectedUser?: string | null;
  selectedUsers?: string[];
  selectedConversation?: string | null;
  selectedConversations?: string[];
  selectedChannel?: string | null;
  selectedChannels?: string[];
  /** The element's confirm object: ask with confirmDialog before sending. */
  confirm?: ConfirmObject;
  container?: ActionContainer;
  /** For actions inside a view: the view's state values, as Slack sends them with the action. */
  viewState?: ViewStateValues;
}

/** The intent as Slack's `actions[0]` of a `block_actions` payload (snake_case, Slack's fields only). */
export function slackAction(intent: BlockActionIntent, actionTs: string): Record<string, unknown> {
  const action: Record<string, unknown> = {
    type: intent.type,
    action_id: intent.actionId,
    block_id: intent.blockId ?? '',
    action_ts: actionTs,
  };
  const fields: [string, unknown][] = [
    ['text', intent.text],
    ['value', intent.value],
    ['url', intent.url],
    ['style', intent.style],
    ['placeholder', intent.placeholder],
    ['selected_option', intent.selectedOption],
    ['selected_options', intent.selectedOptions],
    ['selected_date', intent.selectedDate],
    ['selected_time', intent.selectedTime],
    ['selected_user', intent.selectedUser],
    ['selected_users', intent.selectedUsers],
    ['selected_conversation', intent.selectedConversation],
    ['selected_conversations', intent.selectedConversations],
    ['selected_channel', intent.selectedChannel],
    ['selected_channels', intent.selectedChannels],
    ['confirm', intent.confirm],
  ];
  for (const [key, value] of fields) if (value !== undefined) action[key] = value;
  return action;
}
