// Slack's `<…>` control sequences in mrkdwn: user, channel and group mentions, @here and friends,
// dates and links. Names come from the workspace (the context); labels and fallbacks are app text
// and are escaped like any other.

import type { RenderContext } from './context.ts';
import { decodeSlackEntities } from './entities.ts';
import { attr, escapeHtml } from './escape.ts';
import { renderSlackDate } from './slack-date.ts';
import { safeUrl } from './url.ts';

const BROADCASTS = new Set(['here', 'channel', 'everyone']);

function chip(kind: string, text: string, extra = ''): string {
  return `<span class="bk-mention bk-mention-${kind}"${extra}>${escapeHtml(text)}</span>`;
}

/** Splits at the first "|": the target, and the label (raw) when there is one. */
function splitLabel(inner: string): [string, string | undefined] {
  const bar = inner.indexOf('|');
  return bar === -1 ? [inner, undefined] : [inner.slice(0, bar), inner.slice(bar + 1)];
}

/** `@Name` for a user id (the label, then the id, when the workspace does not know them). */
export function userMention(id: string, label: string | undefined, ctx: RenderContext): string {
  const name = ctx.userName(id) ?? (label ? decodeSlackEntities(label) : id);
  const me = ctx.viewerId !== undefined && ctx.viewerId === id ? ' bk-mention-me' : '';
  return `<span class="bk-mention bk-mention-user${me}"${attr('data-user-id', id)}>@${escapeHtml(name)}</span>`;
}

export function channelMention(id: string, label: string | undefined, ctx: RenderContext): string {
  const name = ctx.channelName(id) ?? (label ? decodeSlackEntities(label) : id);
  return chip('channel', `#${name}`, attr('data-channel-id', id));
}

export function groupMention(id: string, label: string | undefined, ctx: RenderContext): string {
  const handle = ctx.usergroupHandle(id) ?? (label ? decodeSlackEntities(label) : id);
  return chip('group', `@${handle.replace(/^@/, '')}`, attr('data-usergroup-id', id));
}

/** @here, @channel, @everyone. */
export function broadcastMention(kind: string): string {
  return chip('broadcast', `@${kind}`);
}

function special(target: string, label: string | undefined, ctx: RenderContext): string {
  const [kind = '', id] = target.slice(1).split('^');
  if (BROADCASTS.has(kind)) return broadcastMention(kind);
  if (kind === 'subteam' && id) return groupMention(id, label, ctx);
  if (kind === 'date') return renderSlackDate(target, label, ctx);
  // Unknown commands: Slack shows the label; without one, the raw sequence as text.
  return escapeHtml(label !== undefined ? decodeSlackEntities(label) : `<${decodeSlackEntities(target)}>`);
}

function link(target: string, label: string | undefined): string {
  const url = decodeSlackEntities(target);
  const shown =
    label !== undefined && label !== '' ? decodeSlackEntities(label) : url.replace(/^mailto:/i, '');
  const href = safeUrl(url);
  if (!href) return escapeHtml(`<${url}${label !== undefined ? `|${decodeSlackEntities(label)}` : ''}>`);
  return `<a class="bk-link"${attr('href', href)} target="_blank" rel="noopener noreferrer">${escapeHtml(shown)}</a>`;
}

/** HTML for one `<inner>` sequence (`inner` as it appears in the mrkdwn, entities still escaped). */
export function renderAngleToken(inner: string, ctx: RenderContext): string {
  const [target, label] = splitLabel(inner);
  if (target.startsWith('@')) return userMention(target.slice(1), label, ctx);
  if (target.startsWith('#')) return channelMention(target.slice(1), label, ctx);
  if (target.startsWith('!')) return special(target, label, ctx);
  return link(target, label);
}
