// Reading what the bot posted the way a person looks at it: which buttons, checkboxes and inputs a
// message or modal shows, so the demo clicks only what is really there.

import type { Json, JsonObject } from '../emulator/index.ts';

export interface PostedElement {
  blockId: string;
  blockType: string;
  element: JsonObject;
  /** The block around the element (an input block carries `optional`). */
  block: JsonObject;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every interactive element of a surface: in actions blocks, section accessories and inputs. */
export function elementsOf(blocks: readonly JsonObject[] | undefined): PostedElement[] {
  return (blocks ?? []).flatMap((block) => {
    const blockType = String(block.type);
    const blockId = String(block.block_id ?? '');
    const inActions = blockType === 'actions' && Array.isArray(block.elements) ? block.elements : [];
    return [...inActions, block.accessory, block.element]
      .filter(isObject)
      .map((element) => ({ blockId, blockType, element, block }));
  });
}

/** The element with this action_id, or undefined when the surface does not show it. */
export function findElement(
  blocks: readonly JsonObject[] | undefined,
  actionId: string,
): PostedElement | undefined {
  return elementsOf(blocks).find((placed) => placed.element.action_id === actionId);
}

export function hasElement(blocks: readonly JsonObject[] | undefined, actionId: string): boolean {
  return findElement(blocks, actionId) !== undefined;
}

/** The plain text of a button's label. */
export function labelOf(element: JsonObject): string {
  return isObject(element.text) ? String(element.text.text ?? '') : '';
}

/** The option values of a checkboxes or select element (`initial: true` for those already chosen). */
export function optionValues(
  element: JsonObject,
  which: 'options' | 'initial_options' = 'options',
): string[] {
  const options = element[which];
  if (!Array.isArray(options)) return [];
  return options.filter(isObject).map((option) => String(option.value));
}

/** Text of the header block, if the surface starts with one. */
export function headerOf(blocks: readonly JsonObject[] | undefined): string | undefined {
  const header = blocks?.find((block) => block.type === 'header');
  return header && isObject(header.text) ? String(header.text.text ?? '') : undefined;
}
