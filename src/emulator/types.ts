/** Shared data shapes of the Slack emulator (what Slack stores and returns). */

/** A JSON value as it travels over the wire. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface EmulatedUser {
  id: string;
  name: string;
  realName: string;
  tz: string;
  email?: string;
  isBot?: boolean;
  deleted?: boolean;
}

export interface EmulatedChannel {
  id: string;
  name: string;
  /** User ids in the channel; `undefined` means "everyone" (no membership checks). */
  members?: string[];
  isPrivate?: boolean;
  isIm?: boolean;
  /** For DMs: the other user. */
  imUser?: string;
  /** False makes chat.postMessage answer `not_in_channel`. Default true. */
  botIsMember?: boolean;
}

export interface EmulatedUsergroup {
  id: string;
  handle: string;
  name?: string;
  users: string[];
  disabled?: boolean;
}

export interface MessageMetadata {
  event_type: string;
  event_payload: JsonObject;
}

export interface StoredMessage {
  type: 'message';
  channel: string;
  ts: string;
  /** Author: the bot user id for messages posted through the Web API. */
  user: string;
  bot_id?: string;
  app_id?: string;
  text: string;
  blocks?: JsonObject[];
  attachments?: Json[];
  metadata?: MessageMetadata;
  /** Set on replies (and on a parent once it has replies). */
  thread_ts?: string;
  reply_count?: number;
  reply_users?: string[];
  latest_reply?: string;
  edited?: { user: string; ts: string };
  team: string;
}

export interface EphemeralMessage {
  channel: string;
  user: string;
  ts: string;
  text: string;
  blocks?: JsonObject[];
  thread_ts?: string;
}

export type ViewType = 'modal' | 'home';

/** A view as Slack returns it (`views.open` response, payload `view`). */
export interface StoredView {
  id: string;
  team_id: string;
  type: ViewType;
  title?: JsonObject;
  submit?: JsonObject;
  close?: JsonObject;
  blocks: JsonObject[];
  private_metadata: string;
  callback_id: string;
  external_id: string;
  state: { values: JsonObject };
  hash: string;
  clear_on_close: boolean;
  notify_on_close: boolean;
  root_view_id: string | null;
  previous_view_id: string | null;
  app_id: string;
  bot_id: string;
  app_installed_team_id: string;
  /** Not Slack's: the user the view is shown to. */
  user_id: string;
  /** Not Slack's: `response_action: errors` last applied to this view. */
  errors?: Record<string, string>;
}

export type ViolationKind =
  | 'unknown_method'
  | 'http_verb'
  | 'auth'
  | 'arguments'
  | 'block_kit'
  | 'trigger'
  | 'ack_timeout'
  | 'response_action'
  | 'response_url'
  | 'url_verification';

/** Something the app did that real Slack would reject or punish. */
export interface Violation {
  kind: ViolationKind;
  /** Web API method, or the inbound request kind (e.g. `view_submission`). */
  source: string;
  messages: string[];
  at: number;
}

export interface RecordedCall {
  method: string;
  /** Parsed arguments, JSON-encoded arguments decoded, `token` removed. */
  args: JsonObject;
  /** The JSON answer, the text answer of a 5xx fault, or null for a dropped request. */
  response: JsonObject | string | null;
  /** HTTP status; 0 when the request was dropped. */
  status: number;
  at: number;
}
