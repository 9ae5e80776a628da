// rich_text blocks (what Slack clients send for typed messages): sections, bullet and numbered lists,
// quotes and preformatted text, with styled text, links, mentions, emoji and dates inside. Rich text
// is literal (not mrkdwn): nothing in a text element is interpreted.

import { broadcastMention, channelMention, groupMention, userMention } from './angle-tokens.ts';
import type { RenderContext } from './context.ts';
import { unsupportedElement } from './elements/index.ts';
import { emojiFor } from './emoji.ts';
import { attr, escapeHtml } from './escape.ts';
import { isObject, type JsonObject, num, objects, str } from './guards.ts';
import { emojiHtml } from './mrkdwn.ts';
import { renderSlackDate } from './slack-date.ts';
import { safeUrl } from './url.ts';

function styled(html: string, style: unknown): string {
  if (!isObject(style)) return html;
  let out = html;
  if (style.code === true) out = `<code class="bk-code">${out}</code>`;
  if (style.strike === true) out = `<del>${out}</del>`;
  if (style.italic === true) out = `<em>${out}</em>`;
  if (style.bold === true) out = `<strong>${out}</strong>`;
  return out;
}

function textHtml(text: string): string {
  return escapeHtml(text).replaceAll('\n', '<br>');
}

function emoji(element: JsonObject): string {
  const name = str(element.name) ?? '';
  const fromName = emojiFor(name);
  const codes = (str(element.unicode) ?? '').split('-').map((hex) => Number.parseInt(hex, 16));
  const fromCodes =
    codes.length > 0 && codes.every((code) => Number.isInteger(code) && code > 0 && code <= 0x10ffff)
      ? String.fromCodePoint(...codes)
      : undefined;
  const unicode = fromName ?? fromCodes;
  return unicode ? emojiHtml(name, unicode) : escapeHtml(`:${name}:`);
}

function inlineElement(element: JsonObject, ctx: RenderContext): string {
  switch (element.type) {
    case 'text':
      return styled(textHtml(str(element.text) ?? ''), element.style);
    case 'link': {
      const url = str(element.url) ?? '';
      const shown = textHtml(str(element.text) || url);
      const href = safeUrl(url);
      const html = href
        ? `<a class="bk-link"${attr('href', href)} target="_blank" rel="noopener noreferrer">${shown}</a>`
        : shown;
      return styled(html, element.style);
    }
    case 'user':
      return userMention(str(element.user_id) ?? '', undefined, ctx);
    case 'channel':
      return channelMention(str(element.channel_id) ?? '', undefined, ctx);
    case 'usergroup':
      return groupMention(str(element.usergroup_id) ?? '', undefined, ctx);
    case 'broadcast':
      return broadcastMention(str(element.range) ?? 'here');
    case 'emoji':
      return emoji(element);
    case 'date': {
      const seconds = num(element.timestamp) ?? str(element.timestamp) ?? '';
      const format = str(element.format) ?? '{date_short} {time}';
      return renderSlackDate(`!date^${seconds}^${format}`, str(element.fallback), ctx);
    }
    case 'color':
      return escapeHtml(str(element.value) ?? '');
    default:
      return unsupportedElement(str(element.type) ?? '');
  }
}

function inlines(container: JsonObject, ctx: RenderContext): string {
  return objects(container.elements)
    .map((element) => inlineElement(element, ctx))
    .join('');
}

function part(element: JsonObject, ctx: RenderContext): string {
  switch (element.type) {
    case 'rich_text_section':
      return `<div class="bk-rt-section">${inlines(element, ctx)}</div>`;
    case 'rich_text_quote':
      return `<blockquote class="bk-quote">${inlines(element, ctx)}</blockquote>`;
    case 'rich_text_preformatted':
      return `<pre class="bk-pre">${objects(element.elements)
        .map((inner) => textHtml(str(inner.text) ?? str(inner.url) ?? ''))
        .join('')}</pre>`;
    case 'rich_text_list': {
      const tag = element.style === 'ordered' ? 'ol' : 'ul';
      const indent = Math.min(Math.max(num(element.indent) ?? 0, 0), 8);
      const items = objects(element.elements).map((item) => `<li>${inlines(item, ctx)}</li>`);
      return `<${tag} class="bk-rt-list"${attr('style', `margin-left:${indent * 1.5}em`)}>${items.join('')}</${tag}>`;
    }
    default:
      return unsupportedElement(str(element.type) ?? '');
  }
}

export function renderRichText(block: JsonObject, ctx: RenderContext): string {
  return `<div class="bk-rich-text">${objects(block.elements)
    .map((element) => part(element, ctx))
    .join('')}</div>`;
}
