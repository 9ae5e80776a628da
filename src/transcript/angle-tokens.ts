// Slack's `<…>` tokens: mentions, special mentions, dates and links, as a person reads them.

import { paint } from './ansi.ts';
import type { Ctx } from './context.ts';
import { unescapeEntities } from './entities.ts';
import { formatSlackDate } from './slack-date.ts';

const BROADCASTS = new Set(['here', 'channel', 'everyone']);

/** Splits `target|label` at the first bar (labels may contain more). */
function splitLabel(inner: string): [string, string | undefined] {
  const bar = inner.indexOf('|');
  return bar === -1 ? [inner, undefined] : [inner.slice(0, bar), unescapeEntities(inner.slice(bar + 1))];
}

function mention(ctx: Ctx, text: string): string {
  return paint(ctx, 'bold', text);
}

function special(target: string, label: string | undefined, ctx: Ctx): string {
  const [kind = '', ...rest] = target.split('^');
  if (BROADCASTS.has(kind)) return mention(ctx, `@${kind}`);
  if (kind === 'subteam' && rest[0]) {
    const handle = (label ?? ctx.usergroupHandle(rest[0]) ?? rest[0]).replace(/^@/, '');
    return mention(ctx, `@${handle}`);
  }
  if (kind === 'date' && rest.length >= 2) {
    const [seconds = '', format = '', link] = rest;
    const text = formatSlackDate(seconds, unescapeEntities(format), label ?? '', ctx);
    return link ? `${text} (${unescapeEntities(link)})` : text;
  }
  return label ?? `<!${unescapeEntities(target)}>`;
}

function hyperlink(url: string, label: string | undefined): string {
  const plainUrl = unescapeEntities(url);
  if (label === undefined || label === '' || label === plainUrl || `mailto:${label}` === plainUrl) {
    return label || plainUrl;
  }
  return `${label} (${plainUrl})`;
}

/** Renders the inside of one `<…>` token. */
export function renderAngleToken(inner: string, ctx: Ctx): string {
  const [target, label] = splitLabel(inner);
  if (target.startsWith('@')) {
    const id = target.slice(1);
    return mention(ctx, `@${ctx.userName(id) ?? label?.replace(/^@/, '') ?? id}`);
  }
  if (target.startsWith('#')) {
    const id = target.slice(1);
    return mention(ctx, `#${label ?? ctx.channelName(id) ?? id}`);
  }
  if (target.startsWith('!')) return special(target.slice(1), label, ctx);
  return hyperlink(target, label);
}
