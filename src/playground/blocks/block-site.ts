// What a block renderer gets: the block, its ids, and (for input blocks) the app's inline error.

import type { RenderContext } from './context.ts';
import type { JsonObject } from './guards.ts';

export interface BlockSite {
  block: JsonObject;
  /** block_id, "" when the block has none. */
  blockId: string;
  /** A DOM id unique on the page for this block; its elements' ids derive from it. */
  id: string;
  ctx: RenderContext;
  /** The inline error the app returned for this block (input blocks). */
  error?: string;
}
