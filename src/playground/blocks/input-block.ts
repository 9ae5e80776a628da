// The input block: label (with "(optional)"), the element, the app's inline error (red, under the
// element, as Slack shows a response_action "errors"), then the hint.

import type { BlockSite } from './block-site.ts';
import { ATTR, CLASS } from './contract.ts';
import { renderElement } from './elements/index.ts';
import { attr, escapeHtml } from './escape.ts';
import { isObject, str } from './guards.ts';
import { renderPlainText, textOf } from './text.ts';

const GROUPS = new Set(['checkboxes', 'radio_buttons']);

export function errorHtml(message: string): string {
  return `<div class="${CLASS.error}" role="alert">${escapeHtml(message)}</div>`;
}

export function renderInputBlock(site: BlockSite): string {
  const { block, ctx, blockId } = site;
  const element = isObject(block.element) ? block.element : {};
  const optional = block.optional === true;
  const id = `${site.id}-input`;
  const label = renderPlainText(textOf(block.label) ?? '');
  const marker = optional ? '<span class="bk-optional"> (optional)</span>' : '';
  const labelTag = GROUPS.has(str(element.type) ?? '')
    ? `<div class="bk-label"${attr('id', `${id}-label`)}>${label}${marker}</div>`
    : `<label class="bk-label"${attr('for', id)}>${label}${marker}</label>`;
  const control = renderElement({ element, blockId, ctx, id, required: !optional });
  const error = site.error !== undefined ? errorHtml(site.error) : '';
  const hint = isObject(block.hint)
    ? `<div class="bk-hint">${renderPlainText(textOf(block.hint) ?? '')}</div>`
    : '';
  const classes = `${CLASS.block} ${CLASS.inputBlock}${error ? ` ${CLASS.hasError}` : ''}`;
  return (
    `<div class="${classes}"${attr(ATTR.blockId, blockId)}${attr(ATTR.blockType, 'input')}` +
    `${attr(ATTR.optional, optional ? 'true' : undefined)}>${labelTag}${control}${error}${hint}</div>`
  );
}
