// The `markdown` block (standard Markdown, as AI apps post it) reduced to terminal text.

import { paint } from './ansi.ts';
import type { Ctx } from './context.ts';
import { CODE_GUTTER, QUOTE_BAR } from './mrkdwn.ts';
import { wrapText } from './wrap.ts';

function inline(text: string, ctx: Ctx): string {
  const held: string[] = [];
  const hold = (rendered: string) => `\uE000${held.push(rendered) - 1}\uE001`;
  return text
    .replace(/`([^`\n]+)`/g, (_m, code: string) => hold(paint(ctx, 'cyan', `\`${code}\``)))
    .replace(/!?\[([^\]\n]*)\]\(([^)\s]+)\)/g, (_m, label: string, url: string) =>
      hold(label && label !== url ? `${label} (${url})` : url),
    )
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, (_m, _mark: string, inner: string) =>
      paint(ctx, 'bold', inner),
    )
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, (_m, inner: string) =>
      ctx.ansi ? paint(ctx, 'strike', inner) : `~${inner}~`,
    )
    .replace(
      /(?<![\p{L}\p{N}*_])([*_])(?=\S)([^*_\n]+?)(?<=\S)\1(?![\p{L}\p{N}*_])/gu,
      (_m, _mark: string, inner: string) => paint(ctx, 'italic', inner),
    )
    .replace(/\uE000(\d+)\uE001/g, (_m, index: string) => held[Number(index)] ?? '');
}

function line(text: string, ctx: Ctx): string {
  const heading = /^#{1,6}\s+(.*)$/.exec(text);
  if (heading) return paint(ctx, 'bold', inline(heading[1]!, ctx));
  const bullet = /^(\s*)[-*+]\s+(.*)$/.exec(text);
  if (bullet) return `${bullet[1]}• ${inline(bullet[2]!, ctx)}`;
  const quote = /^>\s?(.*)$/.exec(text);
  if (quote) return paint(ctx, 'dim', QUOTE_BAR) + inline(quote[1]!, ctx);
  if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(text)) return '─'.repeat(20);
  return inline(text, ctx);
}

/** Markdown as wrapped lines; fenced code keeps its lines behind a `│ ` gutter. */
export function markdownLines(text: string, ctx: Ctx, width: number): string[] {
  const out: string[] = [];
  let fenced = false;
  for (const source of text.split('\n')) {
    if (/^\s*```/.test(source)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) out.push(paint(ctx, 'dim', CODE_GUTTER) + source);
    else out.push(...wrapText(line(source, ctx), width));
  }
  return out;
}
