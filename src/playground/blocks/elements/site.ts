// Where an element is rendered, and the identity every interactive element carries in the DOM:
// block_id, action_id, type and confirm object, for the browser module to build Slack's payloads.

import type { RenderContext } from '../context.ts';
import { ATTR } from '../contract.ts';
import { attr, jsonAttr } from '../escape.ts';
import { isObject, type JsonObject, str } from '../guards.ts';

export interface ElementSite {
  element: JsonObject;
  /** The block's block_id ("" when it has none). */
  blockId: string;
  ctx: RenderContext;
  /** A DOM id unique on the page: an input block's label points at it; radio groups are named by it. */
  id: string;
  /** In an input block that is not optional. */
  required: boolean;
}

export function elementType(site: ElementSite): string {
  return str(site.element.type) ?? '';
}

/** data-block-id, data-action-id, data-element-type, and data-confirm when the element has one. */
export function identity(site: ElementSite): string {
  const { element } = site;
  return (
    attr(ATTR.blockId, site.blockId) +
    attr(ATTR.actionId, str(element.action_id) ?? '') +
    attr(ATTR.elementType, elementType(site)) +
    (isObject(element.confirm) ? jsonAttr(ATTR.confirm, element.confirm) : '')
  );
}

/** `required` and `aria-required` for the form controls of required inputs. */
export function requiredAttrs(site: ElementSite): string {
  return site.required ? ' required aria-required="true"' : '';
}
