// Text-like inputs: the value in a box, else the placeholder in ‹guillemets› (dimmed with ANSI).

import { paint } from './ansi.ts';
import type { Ctx } from './context.ts';
import type { Obj } from './json.ts';
import { str } from './json.ts';
import { flattenRichText } from './rich-text.ts';
import { textOf } from './text-object.ts';

const EMPTY = '_'.repeat(24);

function initialText(el: Obj, ctx: Ctx): string | undefined {
  if (el.type === 'rich_text_input') {
    const text = flattenRichText(el.initial_value, ctx).join('\n');
    return text === '' ? undefined : text;
  }
  const value = el.initial_value;
  if (typeof value === 'number') return String(value);
  const text = str(value);
  return text === '' ? undefined : text;
}

/** `[ value ]`; multi-line values as `│ `-prefixed lines; empty as `[ ‹placeholder› ]` or `[ ____ ]`. */
export function fieldBox(el: Obj, ctx: Ctx): string[] {
  const value = initialText(el, ctx);
  if (value !== undefined) {
    if (el.multiline === true || value.includes('\n')) return value.split('\n').map((line) => `│ ${line}`);
    return [`[ ${value} ]`];
  }
  const placeholder = textOf(el.placeholder, ctx);
  return [`[ ${placeholder ? paint(ctx, 'dim', `‹${placeholder}›`) : EMPTY} ]`];
}
