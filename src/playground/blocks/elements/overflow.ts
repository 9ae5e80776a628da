// The overflow menu (⋮): a disclosure whose options are buttons, each keeping its option object.

import { ATTR, CLASS } from '../contract.ts';
import { attr, jsonAttr } from '../escape.ts';
import { objects, str } from '../guards.ts';
import { renderPlainText, textOf } from '../text.ts';
import { safeUrl } from '../url.ts';
import { type ElementSite, identity } from './site.ts';

export function renderOverflow(site: ElementSite): string {
  const items = objects(site.element.options).map((option) => {
    const url = str(option.url) !== undefined ? safeUrl(str(option.url) ?? '') : undefined;
    return (
      `<button type="button" role="menuitem" class="${CLASS.overflowOption}"` +
      `${jsonAttr(ATTR.option, option)}${attr(ATTR.url, url)}>${renderPlainText(textOf(option.text) ?? '')}</button>`
    );
  });
  const label = str(site.element.accessibility_label) ?? 'More actions';
  return (
    `<details class="bk-overflow"${identity(site)}>` +
    `<summary class="bk-overflow-toggle"${attr('aria-label', label)}>⋮</summary>` +
    `<div class="bk-overflow-menu" role="menu">${items.join('')}</div></details>`
  );
}
