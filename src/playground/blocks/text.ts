// Block Kit text objects: plain_text is literal (escaped, :emoji: converted unless emoji is false);
// mrkdwn goes through renderMrkdwn. A value that is not a text object renders as nothing.

import type { RenderContext } from './context.ts';
import { emojiFor, SHORTCODE } from './emoji.ts';
import { decodeSlackEntities } from './entities.ts';
import { escapeHtml } from './escape.ts';
import { isObject, str } from './guards.ts';
import { emojiHtml, renderMrkdwn } from './mrkdwn.ts';

/** Plain text as HTML: escaped, with known :emoji: as Unicode. */
export function renderPlainText(text: string, emoji = true): string {
  if (!emoji) return escapeHtml(text);
  let out = '';
  let last = 0;
  for (const match of text.matchAll(SHORTCODE)) {
    const unicode = emojiFor(match[1] ?? '');
    if (!unicode) continue;
    out += escapeHtml(text.slice(last, match.index)) + emojiHtml(match[1] ?? '', unicode);
    last = match.index + match[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

/** HTML for a text object (plain_text or mrkdwn); "" when it is not one. */
export function renderText(value: unknown, ctx: RenderContext): string {
  if (!isObject(value)) return '';
  const text = str(value.text) ?? '';
  if (value.type === 'mrkdwn') return renderMrkdwn(text, ctx);
  return renderPlainText(text, value.emoji !== false);
}

/** A text object's words for attributes (placeholders, labels): plain, emoji converted. */
export function textOf(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  const text = str(value.text);
  if (text === undefined) return undefined;
  const plain = value.type === 'mrkdwn' ? decodeSlackEntities(text) : text;
  return plain.replace(SHORTCODE, (match, name: string) => emojiFor(name) ?? match);
}
