// `<!date^seconds^format^link|fallback>`: the reader-localised dates Slack renders, shown in the
// reader's zone at the playground's clock. Token formatting is the transcript's (one definition for
// the terminal demo and the page).

import { formatSlackDate } from '../../transcript/slack-date.ts';
import type { RenderContext } from './context.ts';
import { decodeSlackEntities } from './entities.ts';
import { attr, escapeHtml } from './escape.ts';
import { safeUrl } from './url.ts';

/** `target` is "!date^…" without the fallback; `fallback` is what follows "|" (raw). */
export function renderSlackDate(target: string, fallback: string | undefined, ctx: RenderContext): string {
  const [, seconds = '', format = '', link] = target.split('^');
  const shownFallback = decodeSlackEntities(fallback ?? '');
  const text = formatSlackDate(seconds, format, shownFallback, {
    timeZone: ctx.timeZone ?? 'UTC',
    now: ctx.now,
  });
  const epoch = Number(seconds);
  const iso = Number.isFinite(epoch) ? new Date(epoch * 1000).toISOString() : undefined;
  const inner = `<time class="bk-date"${attr('datetime', iso)}${attr('title', shownFallback || undefined)}>${escapeHtml(text)}</time>`;
  const href = link ? safeUrl(decodeSlackEntities(link)) : undefined;
  return href
    ? `<a class="bk-link"${attr('href', href)} target="_blank" rel="noopener noreferrer">${inner}</a>`
    : inner;
}
