// Buttons: default (grey outline), primary (green), danger (red). A link button without a confirm
// is a real link (the browser opens it); with a confirm it is a button and the browser module opens
// the link once confirmed. Either way the click is reported, as Slack sends block_actions for both.

import { ATTR } from '../contract.ts';
import { attr, jsonAttr } from '../escape.ts';
import { isObject, str } from '../guards.ts';
import { renderPlainText, textOf } from '../text.ts';
import { safeUrl } from '../url.ts';
import { type ElementSite, identity } from './site.ts';

export function renderButton(site: ElementSite): string {
  const { element } = site;
  const style = element.style === 'primary' || element.style === 'danger' ? element.style : undefined;
  const classes = `bk-btn${style ? ` bk-btn-${style}` : ''}`;
  const url = str(element.url) !== undefined ? safeUrl(str(element.url) ?? '') : undefined;
  const label = isObject(element.text) ? textOf(element.text) : undefined;
  const attrs =
    identity(site) +
    attr(ATTR.value, str(element.value)) +
    attr(ATTR.url, url) +
    attr(ATTR.style, style) +
    jsonAttr(ATTR.text, isObject(element.text) ? element.text : undefined) +
    attr('aria-label', str(element.accessibility_label));
  const text = renderPlainText(label ?? '', true);
  if (url && !isObject(element.confirm)) {
    return `<a class="${classes}" role="button"${attrs}${attr('href', url)} target="_blank" rel="noopener noreferrer">${text}</a>`;
  }
  return `<button type="button" class="${classes}"${attrs}>${text}</button>`;
}
