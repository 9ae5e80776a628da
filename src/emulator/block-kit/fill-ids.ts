/** Slack fills in missing `block_id`s and `action_id`s on stored surfaces; so does the emulator. */
import type { JsonObject } from '../types.ts';
import { isArray, isObject } from './issues.ts';

let counter = 0;
function generatedId(): string {
  counter += 1;
  return `g${counter.toString(36).padStart(4, '0')}`;
}

function withActionId(element: unknown): unknown {
  if (!isObject(element) || element.type === 'image' || element.action_id !== undefined) return element;
  return { ...element, action_id: generatedId() };
}

export function fillIds(blocks: readonly JsonObject[]): JsonObject[] {
  return blocks.map((block) => {
    const filled: JsonObject = { ...block, block_id: block.block_id ?? generatedId() };
    if (isObject(block.accessory)) filled.accessory = withActionId(block.accessory) as JsonObject;
    if (isObject(block.element)) filled.element = withActionId(block.element) as JsonObject;
    if (block.type === 'actions' && isArray(block.elements)) {
      filled.elements = block.elements.map((el) => withActionId(el) as JsonObject);
    }
    return filled;
  });
}
