// Section fields: two columns like Slack draws them, or a "label: value" list on narrow screens.

import { padEnd } from './ansi.ts';
import type { Ctx } from './context.ts';
import { isMrkdwn, textLines } from './text-object.ts';
import { wrapText } from './wrap.ts';

const GAP = '    ';
/** Below this width two columns get too cramped and fields become a list. */
export const MIN_COLUMNS_WIDTH = 50;

function listField(field: unknown, ctx: Ctx): string[] {
  const [label = '', ...value] = textLines(field, ctx, Number.POSITIVE_INFINITY);
  // "*Status*\nSubmitted" reads best as "Status: Submitted"; a one-line field stays as it is.
  const raw = isMrkdwn(field) ? field.text : '';
  if (value.length === 0 || !raw.includes('\n')) return wrapText([label, ...value].join('\n'), ctx.width);
  const [first = '', ...rest] = value;
  return [
    ...wrapText(`${label}: ${first}`, ctx.width),
    ...rest.flatMap((line) => wrapText(`  ${line}`, ctx.width)),
  ];
}

export function fieldLines(fields: readonly unknown[], ctx: Ctx): string[] {
  if (ctx.fields === 'list' || ctx.width < MIN_COLUMNS_WIDTH) return fields.flatMap((f) => listField(f, ctx));
  const column = Math.floor((ctx.width - GAP.length) / 2);
  const out: string[] = [];
  for (let at = 0; at < fields.length; at += 2) {
    const left = textLines(fields[at], ctx, column);
    const right = at + 1 < fields.length ? textLines(fields[at + 1], ctx, column) : [];
    if (at > 0) out.push('');
    for (let row = 0; row < Math.max(left.length, right.length); row++) {
      out.push(`${padEnd(left[row] ?? '', column)}${GAP}${right[row] ?? ''}`.trimEnd());
    }
  }
  return out;
}
