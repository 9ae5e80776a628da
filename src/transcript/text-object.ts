// Block Kit text objects: mrkdwn is rendered, plain_text shown as written (emoji codes converted).

import type { Ctx } from './context.ts';
import { replaceEmoji } from './emoji.ts';
import { isObj, str } from './json.ts';
import { mrkdwnLines, renderInline } from './mrkdwn.ts';
import { wrapText } from './wrap.ts';

/** One line of text from a text object (or a bare string); '' when absent. */
export function textOf(value: unknown, ctx: Ctx): string {
  if (typeof value === 'string') return value;
  if (!isObj(value)) return '';
  const text = str(value.text) ?? '';
  if (value.type === 'mrkdwn') return renderInline(text, ctx);
  return value.emoji === false ? text : replaceEmoji(text);
}

/** Whether the value is a mrkdwn text object (which may hold code blocks and wraps as mrkdwn). */
export function isMrkdwn(value: unknown): value is { type: 'mrkdwn'; text: string } {
  return isObj(value) && value.type === 'mrkdwn' && typeof value.text === 'string';
}

/** A text object as wrapped lines (mrkdwn code blocks kept whole). */
export function textLines(value: unknown, ctx: Ctx, width: number = ctx.width): string[] {
  if (isMrkdwn(value)) return mrkdwnLines(value.text, ctx, width);
  const text = textOf(value, ctx);
  return text === '' ? [] : wrapText(text, width);
}
