// Slack mrkdwn as HTML: ```pre```, > quotes, line breaks, `code`, *bold*, _italic_, ~strike~,
// `<…>` sequences and :emoji:. Code, `<…>` and emoji are set aside first (as placeholders) so the
// emphasis markers inside them never count; every piece of text is decoded once from Slack's
// entities and escaped for HTML.

import { renderAngleToken } from './angle-tokens.ts';
import type { RenderContext } from './context.ts';
import { emojiFor, SHORTCODE } from './emoji.ts';
import { decodeSlackEntities } from './entities.ts';
import { attr, escapeHtml } from './escape.ts';

// Private-use characters mark placeholders; the same characters in app text are replaced first.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACEHOLDER = /\uE000(\d+)\uE001/g;

/** Literal text (code, pre): entities decoded, nothing else interpreted. */
function literal(text: string): string {
  return escapeHtml(decodeSlackEntities(text));
}

export function emojiHtml(name: string, unicode: string): string {
  return `<span class="bk-emoji"${attr('title', `:${name}:`)}>${unicode}</span>`;
}

class Pieces {
  readonly html: string[] = [];
  add(html: string): string {
    this.html.push(html);
    return `${OPEN}${this.html.length - 1}${CLOSE}`;
  }
  /** Plain text between placeholders, decoded and escaped; placeholders put back. */
  fill(text: string): string {
    let out = '';
    let last = 0;
    for (const match of text.matchAll(PLACEHOLDER)) {
      out += literal(text.slice(last, match.index));
      out += this.html[Number(match[1])] ?? '';
      last = match.index + match[0].length;
    }
    return out + literal(text.slice(last));
  }
}

/** Sets aside `<…>`, `code` and known :emoji: in one line, leftmost first. */
function protect(line: string, pieces: Pieces, ctx: RenderContext): string {
  const tokens = line.replace(/<([^<>\n]+)>|`([^`\n]+)`/g, (_match, angle?: string, code?: string) =>
    angle !== undefined
      ? pieces.add(renderAngleToken(angle, ctx))
      : pieces.add(`<code class="bk-code">${literal(code ?? '')}</code>`),
  );
  return tokens.replace(SHORTCODE, (match, name: string) => {
    const unicode = emojiFor(name);
    return unicode ? pieces.add(emojiHtml(name, unicode)) : match;
  });
}

interface Emphasis {
  pattern: RegExp;
  tag: string;
}

// A marker opens after a non-word character and closes before one, around text that neither starts
// nor ends with a space: "snake_case_name" and "5 * 3" stay as typed, as in Slack.
function emphasis(marker: string, tag: string): Emphasis {
  const m = marker === '*' ? '\\*' : marker;
  return {
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}${m}])${m}(?![\\s${m}])(.*?[^\\s${m}])${m}(?![\\p{L}\\p{N}${m}])`,
      'u',
    ),
    tag,
  };
}

const EMPHASES: readonly Emphasis[] = [emphasis('*', 'strong'), emphasis('_', 'em'), emphasis('~', 'del')];

function emphasize(text: string, pieces: Pieces): string {
  let first: { match: RegExpExecArray; tag: string } | undefined;
  for (const { pattern, tag } of EMPHASES) {
    const match = pattern.exec(text);
    if (match && (!first || match.index < first.match.index)) first = { match, tag };
  }
  if (!first) return pieces.fill(text);
  const { match, tag } = first;
  const before = text.slice(0, match.index);
  const after = text.slice(match.index + match[0].length);
  const inner = emphasize(match[1] ?? '', pieces);
  return `${pieces.fill(before)}<${tag}>${inner}</${tag}>${emphasize(after, pieces)}`;
}

function inline(line: string, ctx: RenderContext): string {
  const pieces = new Pieces();
  return emphasize(protect(line, pieces, ctx), pieces);
}

/** Lines with `>` quotes grouped into blockquotes; other lines joined with <br>. */
function lines(text: string, ctx: RenderContext): string {
  const out: string[] = [];
  let plain: string[] = [];
  let quote: string[] = [];
  const flushPlain = () => {
    if (plain.length > 0) out.push(plain.join('<br>'));
    plain = [];
  };
  const flushQuote = () => {
    if (quote.length > 0) out.push(`<blockquote class="bk-quote">${quote.join('<br>')}</blockquote>`);
    quote = [];
  };
  for (const line of text.split('\n')) {
    // Slack quotes a line starting with ">" or its escaped form "&gt;" (how typed quotes arrive).
    const marker = /^(?:>|&gt;) ?/.exec(line);
    if (marker) {
      flushPlain();
      quote.push(inline(line.slice(marker[0].length), ctx));
    } else {
      flushQuote();
      plain.push(inline(line, ctx));
    }
  }
  flushPlain();
  flushQuote();
  return out.join('');
}

/** HTML for a mrkdwn string (inline content: wrap it in a block element). */
export function renderMrkdwn(text: string, ctx: RenderContext): string {
  const clean = text.replace(/[\uE000\uE001]/g, '\uFFFD');
  const out: string[] = [];
  let last = 0;
  for (const match of clean.matchAll(/```([\s\S]*?)```/g)) {
    const before = clean.slice(last, match.index).replace(/\n$/, '');
    if (before !== '') out.push(lines(before, ctx));
    const body = (match[1] ?? '').replace(/^\n/, '').replace(/\n$/, '');
    out.push(`<pre class="bk-pre">${literal(body)}</pre>`);
    last = match.index + match[0].length;
  }
  const rest = last > 0 ? clean.slice(last).replace(/^\n/, '') : clean;
  if (rest !== '' || out.length === 0) out.push(lines(rest, ctx));
  return out.join('');
}
