// Word wrapping that keeps ANSI styling, bullets' hanging indents and over-long words (URLs) whole.

import { visibleWidth } from './ansi.ts';

// A leading bullet, number or quote bar: continuation lines are indented to line up after it.
const HANGING = /^(\s*(?:[•◦▪‣-]\s+|\d+[.)]\s+|▎\s?|│\s|☐\s|☑\s|◯\s|◉\s)?)/u;

/** Wraps each line of `text` to `width` columns; a single word longer than `width` keeps its own line. */
export function wrapText(text: string, width: number): string[] {
  return text.split('\n').flatMap((line) => wrapLine(line, width));
}

function wrapLine(line: string, width: number): string[] {
  if (visibleWidth(line) <= width) return [line];
  const prefix = HANGING.exec(line)?.[1] ?? '';
  const continuation = /^\s*[▎│]/u.test(prefix) ? prefix : ' '.repeat(visibleWidth(prefix));
  const words = line.slice(prefix.length).split(' ');
  const out: string[] = [];
  let current = prefix;
  let empty = true;
  for (const word of words) {
    const candidate = empty ? current + word : `${current} ${word}`;
    if (!empty && visibleWidth(candidate) > width) {
      out.push(current);
      current = continuation + word;
    } else {
      current = candidate;
    }
    empty = false;
  }
  out.push(current);
  return out;
}

/** Prefixes every line (the first one may get its own prefix). */
export function indent(lines: readonly string[], prefix: string, first = prefix): string[] {
  return lines.map((line, index) => ((index === 0 ? first : prefix) + line).trimEnd());
}
