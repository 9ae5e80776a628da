// Our Block Kit builders produce plain objects; @slack/web-api wants its own unions. This is the
// one bridge between them. The shapes are checked where it matters: by Slack (and by the emulator
// in tests, against Slack's limits), not by these casts.

import type { AnyBlock, View } from '@slack/web-api';
import type { Block } from './views/elements.ts';

export function asView(view: { type: 'modal' | 'home'; blocks: Block[] }): View {
  return view as unknown as View;
}

export function asBlocks(blocks: Block[]): AnyBlock[] {
  return blocks as unknown as AnyBlock[];
}
