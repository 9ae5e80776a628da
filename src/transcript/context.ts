// What a render needs to know about the workspace and the terminal, with the defaults filled in.

export interface RenderContext {
  /** Display name of a user id (`<@U123>` → `@name`); undefined falls back to the id. */
  userName?: (id: string) => string | undefined;
  /** Name of a channel id (`<#C123>` → `#name`) when the mention carries no label. */
  channelName?: (id: string) => string | undefined;
  /** Handle of a user group id (`<!subteam^S123>` → `@handle`) when the mention carries no label. */
  usergroupHandle?: (id: string) => string | undefined;
  /** IANA zone for `<!date…>` tokens and message times. Default `UTC`. */
  timeZone?: string;
  /** "Now" for `{date_pretty}` (today / yesterday / tomorrow) and `{ago}`; without it they render un-prettified. */
  now?: Date;
  /** Bold / dim / colour with ANSI escapes. Default false (plain text). */
  ansi?: boolean;
  /** Columns to wrap at. Default 100. */
  width?: number;
  /** Section fields as two columns (default) or a "label: value" list. */
  fields?: 'columns' | 'list';
  /** Author of ephemeral messages and title of the Home tab. Default `App`. */
  appName?: string;
}

export interface Ctx {
  userName: (id: string) => string | undefined;
  channelName: (id: string) => string | undefined;
  usergroupHandle: (id: string) => string | undefined;
  timeZone: string;
  now: Date | undefined;
  ansi: boolean;
  width: number;
  fields: 'columns' | 'list';
  appName: string;
}

const none = (): undefined => undefined;

/** Narrowest width anything is wrapped to, however deep the indentation. */
export const MIN_WIDTH = 20;

export function resolveContext(ctx: RenderContext = {}): Ctx {
  return {
    userName: ctx.userName ?? none,
    channelName: ctx.channelName ?? none,
    usergroupHandle: ctx.usergroupHandle ?? none,
    timeZone: ctx.timeZone ?? 'UTC',
    now: ctx.now,
    ansi: ctx.ansi ?? false,
    width: Math.max(MIN_WIDTH, Math.floor(ctx.width ?? 100)),
    fields: ctx.fields ?? 'columns',
    appName: ctx.appName ?? 'App',
  };
}

/** The same context, narrower by `columns` (for indented content). */
export function narrower(ctx: Ctx, columns: number): Ctx {
  return { ...ctx, width: Math.max(MIN_WIDTH, ctx.width - columns) };
}
