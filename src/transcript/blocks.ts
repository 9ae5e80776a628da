// Block Kit blocks → lines of text. Every block shows something: unknown types become a placeholder.

import { paint, visibleWidth } from './ansi.ts';
import { type Ctx, type RenderContext, resolveContext } from './context.ts';
import { renderElement } from './elements.ts';
import { inputLines } from './input-block.ts';
import { type Obj, obj, objs, str } from './json.ts';
import { markdownLines } from './markdown.ts';
import { flattenRichText } from './rich-text.ts';
import { sectionLines } from './section.ts';
import { textOf } from './text-object.ts';
import { wrapText } from './wrap.ts';

export interface BlockOptions {
  /** Error messages by block_id (a modal's `response_action: errors`), shown under their blocks. */
  errors?: Readonly<Record<string, string>>;
  /** A view's `state.values` (block_id → action_id → entry): what the user entered, shown in the inputs. */
  stateValues?: unknown;
}

function headerLines(block: Obj, ctx: Ctx): string[] {
  const lines = wrapText(textOf(block.text, ctx), ctx.width);
  const rule = '═'.repeat(Math.min(ctx.width, Math.max(1, ...lines.map(visibleWidth))));
  return [...lines.map((line) => paint(ctx, 'bold', line)), rule];
}

function contextLines(block: Obj, ctx: Ctx): string[] {
  const parts = objs(block.elements).map((el) =>
    el.type === 'image' ? `[image: ${str(el.alt_text) ?? ''}]` : textOf(el, ctx),
  );
  return wrapText(parts.join(' · '), ctx.width).map((line) => paint(ctx, 'dim', line));
}

/** Buttons and selects side by side (wrapped between elements); checkboxes and radios stacked. */
function actionsLines(block: Obj, ctx: Ctx): string[] {
  const out: string[] = [];
  let row = '';
  const flush = () => {
    if (row !== '') out.push(row);
    row = '';
  };
  for (const element of Array.isArray(block.elements) ? block.elements : []) {
    const lines = renderElement(element, ctx);
    if (lines.length !== 1) {
      flush();
      out.push(...lines);
      continue;
    }
    const next = row === '' ? lines[0]! : `${row}  ${lines[0]!}`;
    if (row !== '' && visibleWidth(next) > ctx.width) {
      flush();
      row = lines[0]!;
    } else {
      row = next;
    }
  }
  flush();
  return out;
}

function imageLines(block: Obj, ctx: Ctx): string[] {
  const title = textOf(block.title, ctx);
  const image = `[image: ${str(block.alt_text) ?? str(block.image_url) ?? ''}]`;
  return wrapText(title ? `${title}\n${image}` : image, ctx.width);
}

function videoLines(block: Obj, ctx: Ctx): string[] {
  const url = str(block.title_url) ?? str(block.video_url) ?? '';
  return wrapText(
    `[video: ${textOf(block.title, ctx) || str(block.alt_text) || ''}${url ? ` (${url})` : ''}]`,
    ctx.width,
  );
}

function blockLines(block: Obj, ctx: Ctx, options: BlockOptions): string[] {
  const type = str(block.type) ?? '?';
  const blockId = str(block.block_id);
  switch (type) {
    case 'header':
      return headerLines(block, ctx);
    case 'section':
      return sectionLines(block, ctx);
    case 'divider':
      return [paint(ctx, 'dim', '─'.repeat(ctx.width))];
    case 'context':
      return contextLines(block, ctx);
    case 'actions':
      return actionsLines(block, ctx);
    case 'input':
      return inputLines(block, ctx, blockId ? obj(options.stateValues)?.[blockId] : undefined);
    case 'image':
      return imageLines(block, ctx);
    case 'rich_text':
      return flattenRichText(block, ctx).flatMap((line) => wrapText(line, ctx.width));
    case 'markdown':
      return markdownLines(str(block.text) ?? '', ctx, ctx.width);
    case 'video':
      return videoLines(block, ctx);
    case 'file':
      return [`[file: ${str(block.external_id) ?? str(block.file_id) ?? ''}]`];
    default:
      return [paint(ctx, 'yellow', `[unsupported block: ${type}]`)];
  }
}

function errorLines(message: string, ctx: Ctx): string[] {
  return wrapText(`  ⚠ ${message}`, ctx.width).map((line) => paint(ctx, 'red', line));
}

/** Blocks as lines, a blank line between blocks; errors under the block they name, unknown ones last. */
export function renderBlockLines(blocks: readonly unknown[], ctx: Ctx, options: BlockOptions = {}): string[] {
  const errors = new Map(Object.entries(options.errors ?? {}));
  const rendered = blocks.map((value) => {
    const block = obj(value);
    if (!block) return [paint(ctx, 'yellow', '[unsupported block: not an object]')];
    const blockId = str(block.block_id);
    const error = blockId === undefined ? undefined : errors.get(blockId);
    if (blockId !== undefined) errors.delete(blockId);
    return [...blockLines(block, ctx, options), ...(error === undefined ? [] : errorLines(error, ctx))];
  });
  const orphans = [...errors].map(([blockId, message]) => errorLines(`${blockId}: ${message}`, ctx));
  return [...rendered, ...orphans].flatMap((lines, index) => (index === 0 ? lines : ['', ...lines]));
}

/** Renders Block Kit blocks to text, wrapped to `ctx.width`. */
export function renderBlocks(
  blocks: readonly unknown[],
  ctx: RenderContext = {},
  options: BlockOptions = {},
): string {
  return renderBlockLines(blocks, resolveContext(ctx), options).join('\n');
}
