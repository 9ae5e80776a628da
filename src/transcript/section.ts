// The section block: text, fields and an accessory drawn to the right of the first line.

import { visibleWidth } from './ansi.ts';
import type { Ctx } from './context.ts';
import { renderElement } from './elements.ts';
import { fieldLines } from './fields.ts';
import type { Obj } from './json.ts';
import { textLines } from './text-object.ts';

export function sectionLines(block: Obj, ctx: Ctx): string[] {
  const accessory = block.accessory === undefined ? [] : renderElement(block.accessory, ctx);
  const side = accessory.length === 1 ? accessory[0]! : undefined;
  const room = side === undefined ? 0 : visibleWidth(side) + 2;
  const beside = ctx.width - room >= ctx.width / 2;
  const text = textLines(block.text, ctx, beside ? ctx.width - room : ctx.width);
  const fields = Array.isArray(block.fields) ? fieldLines(block.fields, ctx) : [];
  const lines = [...text, ...(text.length > 0 && fields.length > 0 ? [''] : []), ...fields];
  if (side !== undefined && beside && text.length > 0) {
    const textWidth = Math.max(...text.map(visibleWidth));
    lines[0] = `${lines[0]}${' '.repeat(textWidth - visibleWidth(lines[0]!))}  ${side}`;
    return lines;
  }
  return [...lines, ...accessory];
}
