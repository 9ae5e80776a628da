/** Finding interactive elements and their options on a stored surface (message or view). */
import { isArray, isObject } from '../block-kit/issues.ts';
import type { JsonObject } from '../types.ts';

export interface PlacedElement {
  blockId: string;
  blockType: string;
  element: JsonObject;
  /** The input block around it (for view state). */
  block: JsonObject;
}

export function elementsOf(blocks: readonly JsonObject[] | undefined): PlacedElement[] {
  const placed: PlacedElement[] = [];
  for (const block of blocks ?? []) {
    const blockId = String(block.block_id ?? '');
    const blockType = String(block.type);
    const candidates = [
      ...(isArray(block.elements) && blockType === 'actions' ? block.elements : []),
      block.accessory,
      block.element,
    ];
    for (const element of candidates) {
      if (isObject(element)) placed.push({ blockId, blockType, element, block });
    }
  }
  return placed;
}

/** Every option of a select/checkbox/radio/overflow element, option groups flattened. */
export function optionsOf(element: JsonObject): JsonObject[] {
  const direct = isArray(element.options) ? element.options.filter(isObject) : [];
  const grouped = isArray(element.option_groups)
    ? element.option_groups
        .filter(isObject)
        .flatMap((g) => (isArray(g.options) ? g.options.filter(isObject) : []))
    : [];
  return [...direct, ...grouped];
}

export function pickOptions(element: JsonObject, values: readonly string[], where: string): JsonObject[] {
  const options = optionsOf(element);
  return values.map((value) => {
    const option = options.find((o) => o.value === value);
    if (!option)
      throw new Error(
        `no option "${value}" in ${String(element.type)} "${String(element.action_id)}" ${where}`,
      );
    return option;
  });
}
