// The JSON the playground server answers and the page reads: one definition for both sides (this
// file has no imports, so the browser build type-checks it with the DOM library).

export interface PersonView {
  id: string;
  name: string;
  realName: string;
  tz: string;
  /** "Billing · EMEA", "Sales rep · AMER", "Desk lead". */
  title: string;
  region: string | null;
  initials: string;
  isBot: boolean;
}

export interface WorkspaceView {
  name: string;
  domain: string;
  bot: PersonView;
  deskChannel: { id: string; name: string };
  people: PersonView[];
  firstViewer: string;
}

export interface MessageItem {
  /** Unique in the list: the ts, prefixed for ephemeral messages. */
  key: string;
  ts: string;
  channel: string;
  threadTs: string | null;
  author: PersonView;
  /** "10:04", in the reader's time zone. */
  time: string;
  /** "Monday 23 November", for the day dividers. */
  day: string;
  html: string;
  /** Only the reader sees it ("Only visible to you"). */
  ephemeral: boolean;
  edited: boolean;
  replyCount: number;
  replyUsers: PersonView[];
  /** When the last reply came, in the reader's time zone. */
  lastReply: string | null;
}

export interface ChannelView {
  channel: { id: string; name: string; isIm: boolean };
  messages: MessageItem[];
}

export interface ThreadView {
  channel: string;
  parent: MessageItem;
  replies: MessageItem[];
}

export interface ModalView {
  id: string;
  hash: string;
  callbackId: string;
  html: string;
  errors: Record<string, string>;
}

export interface HomeView {
  id: string;
  hash: string;
  html: string;
}

/** What the page learns from one action. */
export interface ActionResult {
  ok: boolean;
  /** The app's HTTP status (200 = acknowledged). */
  status?: number;
  /** View submissions: errors, update, push, clear, close, or incomplete (nothing was sent). */
  outcome?: string | null;
  /** Field errors the client shows itself (required fields…), by block_id. */
  errors?: Record<string, string>;
  error?: string;
}

export interface RegionTime {
  region: string;
  timeZone: string;
  /** The region's wall clock, e.g. "Mon 23 Nov 10:00". */
  local: string;
  /** The zone's abbreviation, e.g. "GMT". */
  zoneName: string;
  open: boolean;
  /** "open until 17:00", "closed, opens Mon 08:00". */
  status: string;
  /** "month-end window until Mon 30 Nov 20:00", or null. */
  periodEnd: string | null;
  holiday: string | null;
}

export interface ClockState {
  /** The app's time now, ISO 8601. */
  now: string;
  regions: RegionTime[];
}

export type ClockMoveRequest =
  | { kind: 'business-hour'; region: string }
  | { kind: 'next-opening'; region: string }
  | { kind: 'to-time'; region: string; time: string }
  | { kind: 'day' }
  | { kind: 'minutes'; minutes: number };
