// Slack mrkdwn → terminal text. Tokens (`<…>`, code) are rendered first and held aside so their
// output is never re-read as formatting; HTML entities are decoded last, so escaped user text
// (`&lt;!channel&gt;`) shows as typed and is never mistaken for a mention.

import { renderAngleToken } from './angle-tokens.ts';
import { paint } from './ansi.ts';
import { type Ctx, type RenderContext, resolveContext } from './context.ts';
import { replaceEmoji } from './emoji.ts';
import { emphasize } from './emphasis.ts';
import { unescapeEntities } from './entities.ts';
import { wrapText } from './wrap.ts';

export const QUOTE_BAR = '▎ ';
export const CODE_GUTTER = '│ ';

/** Renders mrkdwn to text; code blocks become lines behind a `│ ` gutter. Does not wrap. */
export function renderMrkdwn(text: string, ctx: RenderContext = {}): string {
  return mrkdwnLines(text, resolveContext(ctx), Number.POSITIVE_INFINITY).join('\n');
}

/** Renders mrkdwn wrapped to `width` (code blocks are not wrapped). */
export function mrkdwnLines(text: string, ctx: Ctx, width: number = ctx.width): string[] {
  const lines: string[] = [];
  for (const part of splitCodeBlocks(text)) {
    if (part.code) lines.push(...codeBlockLines(part.text, ctx));
    else lines.push(...wrapText(renderInline(part.text, ctx), width));
  }
  return lines;
}

/** Renders one stretch of mrkdwn without code blocks. */
export function renderInline(text: string, ctx: Ctx): string {
  const held: string[] = [];
  const hold = (rendered: string) => `\uE000${held.push(rendered) - 1}\uE001`;
  let out = text.replace(/`([^`\n]+)`/g, (_match, code: string) =>
    hold(paint(ctx, 'cyan', `\`${unescapeEntities(code)}\``)),
  );
  out = out.replace(/<([^<>\n]+)>/g, (_match, inner: string) => hold(renderAngleToken(inner, ctx)));
  out = quoteLines(out, () => hold(paint(ctx, 'dim', QUOTE_BAR)));
  out = emphasize(replaceEmoji(out), ctx);
  out = unescapeEntities(out);
  return out.replace(/\uE000(\d+)\uE001/g, (_match, index: string) => held[Number(index)] ?? '');
}

/** `>` quotes one line, `>>>` the rest of the text (both written raw: escaped `&gt;` is user text). */
function quoteLines(text: string, bar: () => string): string {
  let rest = false;
  return text
    .split('\n')
    .map((line) => {
      if (rest) return bar() + line;
      if (line.startsWith('>>>')) {
        rest = true;
        return bar() + line.slice(3).replace(/^ /, '');
      }
      return line.startsWith('>') ? bar() + line.slice(1).replace(/^ /, '') : line;
    })
    .join('\n');
}

interface Part {
  code: boolean;
  text: string;
}

function splitCodeBlocks(text: string): Part[] {
  const parts: Part[] = [];
  let at = 0;
  for (const match of text.matchAll(/```([\s\S]*?)```/g)) {
    const before = text.slice(at, match.index).replace(/\n$/, '');
    if (before !== '') parts.push({ code: false, text: before });
    parts.push({ code: true, text: match[1]!.replace(/^\n/, '').replace(/\n$/, '') });
    at = match.index + match[0].length;
  }
  const after = text.slice(at).replace(/^\n/, '');
  if (after !== '' || parts.length === 0) parts.push({ code: false, text: after });
  return parts;
}

function codeBlockLines(code: string, ctx: Ctx): string[] {
  return unescapeEntities(code)
    .split('\n')
    .map((line) => paint(ctx, 'dim', CODE_GUTTER) + paint(ctx, 'cyan', line));
}
