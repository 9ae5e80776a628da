// Images (the element, and the image block's picture): loaded only from http(s) URLs; anything else
// shows its alt text, so the page never fetches what it should not.

import { attr, escapeHtml } from '../escape.ts';
import { type JsonObject, str } from '../guards.ts';
import { safeImageUrl } from '../url.ts';

export function imageHtml(image: JsonObject, className: string): string {
  const alt = str(image.alt_text) ?? '';
  const src = safeImageUrl(str(image.image_url) ?? '');
  if (!src) return `<span class="${className} bk-image-missing">${escapeHtml(`[image: ${alt}]`)}</span>`;
  return `<img class="${className}"${attr('src', src)}${attr('alt', alt)} loading="lazy">`;
}
