// Optional terminal styling, and text widths that ignore it.

import type { Ctx } from './context.ts';

const CODES = {
  bold: [1, 22],
  dim: [2, 22],
  italic: [3, 23],
  underline: [4, 24],
  strike: [9, 29],
  green: [32, 39],
  red: [31, 39],
  cyan: [36, 39],
  yellow: [33, 39],
} as const;
export type Style = keyof typeof CODES;

/** `text` in `style` when the context asks for ANSI, else unchanged. */
export function paint(ctx: Pick<Ctx, 'ansi'>, style: Style, text: string): string {
  if (!ctx.ansi || text === '') return text;
  const [on, off] = CODES[style];
  return `\u001b[${on}m${text}\u001b[${off}m`;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escapes is the point.
const ANSI = /\u001b\[[0-9;]*m/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

const COMBINING = /^[\p{Mn}\p{Me}]$/u;
const JOINERS = new Set(['\u200d', '\ufe0e', '\ufe0f']);
const WIDE = /[\p{Extended_Pictographic}\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/u;
// Pictographs that terminals draw one column wide unless followed by VS16.
const NARROW_PICTOGRAPHS = new Set([
  '©',
  '®',
  '‼',
  '⁉',
  '™',
  'ℹ',
  '↔',
  '↩',
  '▪',
  '▫',
  '▶',
  '◀',
  '☐',
  '☑',
  '✔',
  '✖',
  '❤',
  '➡',
  '⬆',
  '⬇',
  '⚠',
  '⚙',
  '✏',
  '✉',
]);

/** Columns the text takes in a terminal: ANSI ignored, combining marks 0, emoji and CJK 2. */
export function visibleWidth(text: string): number {
  let width = 0;
  for (const char of stripAnsi(text)) {
    if (JOINERS.has(char) || COMBINING.test(char)) continue;
    width += WIDE.test(char) && !NARROW_PICTOGRAPHS.has(char) ? 2 : 1;
  }
  return width;
}

/** Pads with spaces to `width` visible columns. */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleWidth(text)));
}
