// Slack's view.state.values (block_id → action_id → entry) from what the person filled in: every
// stateful element under the root, inputs and selects in actions blocks alike, as Slack sends them.

import { ATTR, type ViewStateValues } from '../blocks/contract.ts';
import { STATEFUL_TYPES, selectionOf, typeOf } from './blocks-dom.ts';

export function collectViewState(root: Element): ViewStateValues {
  const state: ViewStateValues = {};
  for (const element of root.querySelectorAll(`[${ATTR.elementType}]`)) {
    if (!STATEFUL_TYPES.has(typeOf(element))) continue;
    const blockId = element.getAttribute(ATTR.blockId) ?? '';
    const actionId = element.getAttribute(ATTR.actionId) ?? '';
    const block = state[blockId] ?? {};
    block[actionId] = selectionOf(element);
    state[blockId] = block;
  }
  return state;
}
