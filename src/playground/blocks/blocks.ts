// Block Kit blocks as HTML. Each block is wrapped in an element carrying its block_id and type; a
// block type the renderer does not know is shown as a placeholder, never dropped.

import type { BlockSite } from './block-site.ts';
import { domId, type RenderContext } from './context.ts';
import { ATTR, CLASS } from './contract.ts';
import { imageHtml } from './elements/image.ts';
import { renderElement, unsupportedElement } from './elements/index.ts';
import { attr, escapeHtml } from './escape.ts';
import { isObject, type JsonObject, list, objects, str } from './guards.ts';
import { renderInputBlock } from './input-block.ts';
import { renderRichText } from './rich-text.ts';
import { renderPlainText, renderText, textOf } from './text.ts';

function element(site: BlockSite, value: JsonObject, index: number): string {
  return renderElement({
    element: value,
    blockId: site.blockId,
    ctx: site.ctx,
    id: `${site.id}-${index}`,
    required: false,
  });
}

function section(site: BlockSite): string {
  const { block, ctx } = site;
  const text = isObject(block.text)
    ? `<div class="bk-section-text">${renderText(block.text, ctx)}</div>`
    : '';
  const fields = objects(block.fields).map(
    (field) => `<div class="bk-field">${renderText(field, ctx)}</div>`,
  );
  const fieldsHtml = fields.length > 0 ? `<div class="bk-fields">${fields.join('')}</div>` : '';
  const accessory = isObject(block.accessory)
    ? `<div class="bk-accessory">${element(site, block.accessory, 0)}</div>`
    : '';
  return `<div class="bk-section"><div class="bk-section-content">${text}${fieldsHtml}</div>${accessory}</div>`;
}

function context(site: BlockSite): string {
  const items = objects(site.block.elements).map((item) => {
    if (item.type === 'mrkdwn' || item.type === 'plain_text') {
      return `<span class="bk-context-item">${renderText(item, site.ctx)}</span>`;
    }
    if (item.type === 'image') return imageHtml(item, 'bk-context-image');
    return unsupportedElement(str(item.type) ?? '');
  });
  return `<div class="bk-context">${items.join('')}</div>`;
}

function actions(site: BlockSite): string {
  const elements = list(site.block.elements).map((value, index) =>
    isObject(value) ? element(site, value, index) : unsupportedElement(''),
  );
  return `<div class="bk-actions">${elements.join('')}</div>`;
}

function header(site: BlockSite): string {
  return `<div class="bk-header" role="heading" aria-level="3">${renderText(site.block.text, site.ctx)}</div>`;
}

function image(site: BlockSite): string {
  const title = isObject(site.block.title)
    ? `<figcaption class="bk-image-title">${renderPlainText(textOf(site.block.title) ?? '')}</figcaption>`
    : '';
  return `<figure class="bk-image">${title}${imageHtml(site.block, 'bk-image-picture')}</figure>`;
}

const RENDERERS: Readonly<Record<string, (site: BlockSite) => string>> = {
  section,
  context,
  actions,
  header,
  divider: () => '<hr class="bk-divider">',
  image,
  rich_text: (site) => renderRichText(site.block, site.ctx),
};

/** Block types with a real rendering; input blocks have their own wrapper (input-block.ts). */
export const SUPPORTED_BLOCK_TYPES: ReadonlySet<string> = new Set([...Object.keys(RENDERERS), 'input']);

function wrap(type: string, blockId: string, inner: string): string {
  return `<div class="${CLASS.block} bk-block-${type.replace(/[^A-Za-z0-9_-]/g, '_')}"${attr(ATTR.blockId, blockId)}${attr(ATTR.blockType, type)}>${inner}</div>`;
}

function unsupportedBlock(type: string, blockId: string): string {
  const shown = type === '' ? '(no type)' : type;
  return wrap(
    'unsupported',
    blockId,
    `<div class="bk-unsupported"${attr('data-unsupported-block', shown)}>${escapeHtml(`Unsupported block: ${shown}`)}</div>`,
  );
}

export interface BlockListOptions {
  /** Inline errors by block_id (a view_submission's `response_action: "errors"`). */
  errors?: Readonly<Record<string, string>>;
}

/** HTML for one block; `index` makes its DOM ids unique on the page. */
export function renderBlock(
  block: unknown,
  index: number,
  ctx: RenderContext,
  options: BlockListOptions = {},
): string {
  if (!isObject(block)) return unsupportedBlock('', '');
  const type = str(block.type) ?? '';
  const blockId = str(block.block_id) ?? '';
  const error =
    blockId !== '' && options.errors && Object.hasOwn(options.errors, blockId)
      ? options.errors[blockId]
      : undefined;
  const site: BlockSite = {
    block,
    blockId,
    id: domId(ctx.idPrefix ?? 'bk', index),
    ctx,
    ...(error !== undefined ? { error } : {}),
  };
  if (type === 'input') return renderInputBlock(site);
  const render = Object.hasOwn(RENDERERS, type) ? RENDERERS[type] : undefined;
  return render ? wrap(type, blockId, render(site)) : unsupportedBlock(type, blockId);
}

/** HTML for a list of blocks, in a `.bk-blocks` container. */
export function renderBlocks(
  blocks: readonly unknown[],
  ctx: RenderContext,
  options: BlockListOptions = {},
): string {
  return `<div class="bk-blocks bk-on-${ctx.surface ?? 'message'}">${blocks.map((block, index) => renderBlock(block, index, ctx, options)).join('')}</div>`;
}
