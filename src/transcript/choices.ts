// Options of selects, checkboxes and radio buttons; a choice is ticked when it is an initial option.

import { paint } from './ansi.ts';
import type { Ctx } from './context.ts';
import { isObj, type Obj, objs, str } from './json.ts';
import { textOf } from './text-object.ts';

export function optionLabel(option: Obj, ctx: Ctx): string {
  return textOf(option.text, ctx) || str(option.value) || '';
}

function chosenValues(el: Obj): Set<string> {
  const chosen = isObj(el.initial_option) ? [el.initial_option] : objs(el.initial_options);
  return new Set(chosen.map((option) => str(option.value) ?? ''));
}

/** One line per option: `☐ item` / `☑ item` (radio: `◯` / `◉`), descriptions dimmed beneath. */
export function choiceLines(el: Obj, ctx: Ctx, radio: boolean): string[] {
  const chosen = chosenValues(el);
  const [on, off] = radio ? ['◉', '◯'] : ['☑', '☐'];
  return objs(el.options).flatMap((option) => {
    const mark = chosen.has(str(option.value) ?? '') ? on : off;
    const description = textOf(option.description, ctx);
    const line = `${mark} ${optionLabel(option, ctx)}`;
    return description ? [line, `  ${paint(ctx, 'dim', description)}`] : [line];
  });
}
