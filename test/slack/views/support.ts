// Helpers for the view tests: Block Kit validation with the emulator's checker, and text extraction.

import { expect } from 'vitest';
import type { InputValue, JsonObject, StoredView } from '../../../src/emulator/index.ts';
import { checkBlocks, checkView } from '../../../src/emulator/index.ts';
import { buildStateValues } from '../../../src/emulator/platform/view-state.ts';
import { mrkdwnTexts } from '../../support/block-text.ts';

export function expectValidMessage(message: { text: string; blocks: unknown[] }): void {
  expect(checkBlocks(message.blocks, 'message').list).toEqual([]);
  expect(message.text.length).toBeGreaterThan(0);
  expect(message.text.length).toBeLessThanOrEqual(4000);
}

export function expectValidModal(view: unknown): void {
  expect(checkView(view, 'modal').list).toEqual([]);
}

/** Every string in the payload (texts, ids, values), joined, for "does it show …" checks. */
export function allText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(allText).join('\n');
  if (typeof value === 'object' && value !== null) return Object.values(value).map(allText).join('\n');
  return '';
}

/** The mrkdwn texts joined: where user text must arrive escaped. */
export function mrkdwn(value: unknown): string {
  return mrkdwnTexts(value).join('\n');
}

/** Text that would break out of mrkdwn if it were not escaped. */
export const HOSTILE = '<!channel> & <https://evil.example|click> *bold*';
export const HOSTILE_ESCAPED = '&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;';

type Element = Record<string, unknown>;

/** The elements of every actions block, flattened. */
export function actionElements(blocks: readonly unknown[]): Element[] {
  return blocks.flatMap((block) => {
    const b = block as Element;
    return b.type === 'actions' ? (b.elements as Element[]) : [];
  });
}

export function buttons(blocks: readonly unknown[]): Element[] {
  return actionElements(blocks).filter((element) => element.type === 'button');
}

export function findInput(view: { blocks: readonly unknown[] }, blockId: string): Element {
  const block = view.blocks.find((candidate) => (candidate as Element).block_id === blockId) as
    | Element
    | undefined;
  if (!block) throw new Error(`no block ${blockId}`);
  return block;
}

/** `view.state.values` as the Slack client would send them for `values` typed into `view`. */
export function submitted(
  view: { blocks: readonly unknown[]; callback_id: string; private_metadata: string },
  values: Readonly<Record<string, InputValue>>,
): JsonObject {
  const stored = {
    id: 'V_TEST',
    callback_id: view.callback_id,
    private_metadata: view.private_metadata,
    blocks: JSON.parse(JSON.stringify(view.blocks)) as JsonObject[],
  } as StoredView;
  return buildStateValues(stored, values);
}
