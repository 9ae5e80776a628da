// What the renderer needs to know about the workspace and the reader.

export type Surface = 'message' | 'modal' | 'home';

export interface RenderContext {
  /** A user's display name ("Rita Rep") for `<@U…>`; undefined shows the id. */
  userName(id: string): string | undefined;
  /** A channel's name without "#" for `<#C…>`; undefined falls back to the label or the id. */
  channelName(id: string): string | undefined;
  /** A user group's handle without "@" for `<!subteam^S…>`; undefined falls back to the label. */
  usergroupHandle(id: string): string | undefined;
  /** The people users_select and multi_users_select offer, in order. */
  users(): ReadonlyArray<{ id: string; name: string }>;
  /** The conversations conversations_select and channels_select offer; none when omitted. */
  conversations?(): ReadonlyArray<{ id: string; name: string }>;
  /** Where the blocks are shown; renderMessage, renderModal and renderHome set it. Default message. */
  surface?: Surface;
  /** The reader's IANA time zone for `<!date^…>` (default UTC). */
  timeZone?: string;
  /** The playground clock's now, for "today" / "yesterday" in dates; absolute dates when omitted. */
  now?: Date;
  /** The reader: mentions of them are highlighted as Slack does. */
  viewerId?: string;
  /**
   * Prefix of the DOM ids (label `for`, radio group names). Give each surface shown at once its own
   * (renderModal and renderMessage derive one from the view id or message ts). Default "bk".
   */
  idPrefix?: string;
}

/** A DOM id made of characters that are safe everywhere (ids cannot hold spaces). */
export function domId(...parts: readonly (string | number)[]): string {
  return parts.map((part) => String(part).replace(/[^A-Za-z0-9_-]/g, '_')).join('-');
}
