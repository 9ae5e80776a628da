// The input block: label (with "(optional)"), the element, its hint and any error Slack shows.

import { paint } from './ansi.ts';
import type { Ctx } from './context.ts';
import { narrower } from './context.ts';
import { renderElement } from './elements.ts';
import { isObj, type Obj, obj, str } from './json.ts';
import { textOf } from './text-object.ts';
import { indent, wrapText } from './wrap.ts';

/** The element with what the user entered (a `state.values` entry) in place of its initial value. */
export function withState(element: Obj, entry: unknown): Obj {
  if (!isObj(entry)) return element;
  const picked: Record<string, unknown> = {};
  const map: [string, string][] = [
    ['value', 'initial_value'],
    ['selected_option', 'initial_option'],
    ['selected_options', 'initial_options'],
    ['selected_date', 'initial_date'],
    ['selected_time', 'initial_time'],
    ['selected_date_time', 'initial_date_time'],
    ['selected_user', 'initial_user'],
    ['selected_users', 'initial_users'],
    ['selected_conversation', 'initial_conversation'],
    ['selected_conversations', 'initial_conversations'],
    ['selected_channel', 'initial_channel'],
    ['selected_channels', 'initial_channels'],
    ['rich_text_value', 'initial_value'],
  ];
  for (const [from, to] of map) {
    if (from in entry) picked[to] = entry[from] ?? undefined;
  }
  return { ...element, ...picked };
}

export function inputLines(block: Obj, ctx: Ctx, entry?: unknown): string[] {
  const optional = block.optional === true ? paint(ctx, 'dim', ' (optional)') : '';
  const label = paint(ctx, 'bold', textOf(block.label, ctx) || 'Input') + optional;
  const element = obj(block.element);
  const actionId = element ? str(element.action_id) : undefined;
  const stateEntry = isObj(entry) && actionId ? entry[actionId] : undefined;
  const inner = narrower(ctx, 2);
  const elementLines = element
    ? renderElement(withState(element, stateEntry), inner).flatMap((line) => wrapText(line, inner.width))
    : [];
  const hint = textOf(block.hint, ctx);
  return [
    ...wrapText(label, ctx.width),
    ...indent(elementLines, '  '),
    ...(hint ? indent(wrapText(paint(ctx, 'dim', hint), inner.width), '  ') : []),
  ];
}
