// *bold*, _italic_ and ~strike~ as Slack reads them: markers hugging non-space text, not inside words.

import { paint, type Style } from './ansi.ts';
import type { Ctx } from './context.ts';

interface Rule {
  style: Style;
  /** What stands for the marker without ANSI (bold and italic simply drop theirs). */
  plain: string;
  /** The marked span; group 1 is the text inside the markers. */
  pattern: RegExp;
}

/** `marker` (regex-escaped) around text that starts and ends with non-space, not inside a word. */
function spanOf(m: string): RegExp {
  return new RegExp(
    `(?<![\\p{L}\\p{N}${m}])${m}([^${m}\\s](?:[^${m}\\n]*[^${m}\\s])?)${m}(?![\\p{L}\\p{N}${m}])`,
    'gu',
  );
}

const RULES: readonly Rule[] = [
  { style: 'bold', plain: '', pattern: spanOf('\\*') },
  { style: 'italic', plain: '', pattern: spanOf('_') },
  { style: 'strike', plain: '~', pattern: spanOf('~') },
];

// Private-use characters mark where a style starts and ends until every rule has run.
const markOf = (index: number, closing: boolean) =>
  String.fromCharCode(0xe010 + index * 2 + (closing ? 1 : 0));
const MARKED = RULES.map(
  (_rule, index) => new RegExp(`${markOf(index, false)}([^]*?)${markOf(index, true)}`, 'g'),
);

/** Applies every emphasis rule (nested ones too) to text that holds no ANSI yet. */
export function emphasize(text: string, ctx: Pick<Ctx, 'ansi'>): string {
  let out = text;
  RULES.forEach((rule, index) => {
    out = out.replace(
      rule.pattern,
      (_match, inner: string) => markOf(index, false) + inner + markOf(index, true),
    );
  });
  RULES.forEach((rule, index) => {
    out = out.replace(MARKED[index]!, (_match, inner: string) =>
      ctx.ansi ? paint(ctx, rule.style, inner) : rule.plain + inner + rule.plain,
    );
  });
  return out;
}
