// rich_text (blocks and rich_text_input values) flattened to lines of text.

import { paint } from './ansi.ts';
import type { Ctx } from './context.ts';
import { emojiFor } from './emoji.ts';
import { isObj, type Obj, obj, objs, str } from './json.ts';
import { CODE_GUTTER, QUOTE_BAR } from './mrkdwn.ts';
import { formatSlackDate } from './slack-date.ts';

const BULLETS = ['•', '◦', '▪'];

function styled(text: string, style: unknown, ctx: Ctx): string {
  if (!isObj(style) || text === '') return text;
  let out = text;
  if (style.code === true) out = paint(ctx, 'cyan', `\`${out}\``);
  if (style.strike === true) out = ctx.ansi ? paint(ctx, 'strike', out) : `~${out}~`;
  if (style.italic === true) out = paint(ctx, 'italic', out);
  if (style.bold === true) out = paint(ctx, 'bold', out);
  return out;
}

function emoji(el: Obj): string {
  const unicode = str(el.unicode);
  if (unicode && /^[0-9a-f]+(-[0-9a-f]+)*$/i.test(unicode)) {
    return String.fromCodePoint(...unicode.split('-').map((hex) => Number.parseInt(hex, 16)));
  }
  const name = str(el.name) ?? '';
  return emojiFor(name) ?? `:${name}:`;
}

function inline(el: Obj, ctx: Ctx): string {
  switch (el.type) {
    case 'text':
      return styled(str(el.text) ?? '', el.style, ctx);
    case 'link': {
      const url = str(el.url) ?? '';
      const text = str(el.text);
      return styled(text && text !== url ? `${text} (${url})` : url, el.style, ctx);
    }
    case 'user':
      return paint(ctx, 'bold', `@${ctx.userName(str(el.user_id) ?? '') ?? str(el.user_id) ?? ''}`);
    case 'channel':
      return paint(ctx, 'bold', `#${ctx.channelName(str(el.channel_id) ?? '') ?? str(el.channel_id) ?? ''}`);
    case 'usergroup': {
      const id = str(el.usergroup_id) ?? '';
      return paint(ctx, 'bold', `@${ctx.usergroupHandle(id) ?? id}`);
    }
    case 'broadcast':
      return paint(ctx, 'bold', `@${str(el.range) ?? 'here'}`);
    case 'emoji':
      return emoji(el);
    case 'date':
      return formatSlackDate(String(el.timestamp ?? ''), str(el.format) ?? '', str(el.fallback) ?? '', ctx);
    case 'color':
      return str(el.value) ?? '';
    default:
      return paint(ctx, 'yellow', `[unsupported rich text: ${String(el.type)}]`);
  }
}

function sectionText(section: Obj, ctx: Ctx): string {
  return objs(section.elements)
    .map((el) => inline(el, ctx))
    .join('');
}

function listLines(list: Obj, ctx: Ctx): string[] {
  const depth = typeof list.indent === 'number' ? list.indent : 0;
  const offset = typeof list.offset === 'number' ? list.offset : 0;
  const ordered = list.style === 'ordered';
  return objs(list.elements).flatMap((item, index) => {
    const marker = ordered ? `${offset + index + 1}.` : (BULLETS[depth % BULLETS.length] ?? '•');
    const [first = '', ...rest] = sectionText(item, ctx).split('\n');
    const pad = '  '.repeat(depth);
    return [
      `${pad}${marker} ${first}`,
      ...rest.map((line) => `${pad}${' '.repeat(marker.length + 1)}${line}`),
    ];
  });
}

function elementLines(el: Obj, ctx: Ctx): string[] {
  switch (el.type) {
    case 'rich_text_section':
      return sectionText(el, ctx).replace(/\n$/, '').split('\n');
    case 'rich_text_list':
      return listLines(el, ctx);
    case 'rich_text_preformatted':
      return sectionText(el, ctx)
        .split('\n')
        .map((line) => paint(ctx, 'dim', CODE_GUTTER) + line);
    case 'rich_text_quote':
      return sectionText(el, ctx)
        .split('\n')
        .map((line) => paint(ctx, 'dim', QUOTE_BAR) + line);
    default:
      return [paint(ctx, 'yellow', `[unsupported rich text: ${String(el.type)}]`)];
  }
}

/** A rich_text object (block or input value) as lines; unwrapped. */
export function flattenRichText(value: unknown, ctx: Ctx): string[] {
  const block = obj(value);
  return block ? objs(block.elements).flatMap((el) => elementLines(el, ctx)) : [];
}
