// The desk KPIs on the leads' Homes, read at most once per interval of the app's clock. A quarter's
// figures barely move between two clicks, while on a big desk reading them is most of a Home's
// render and the leads' Homes are published again after every change. Renders that arrive
// together share one read; a failed read is not kept.

import type { Block } from './views/elements.ts';

/** How old the KPIs on a lead's Home may be. */
export const KPI_HOME_REFRESH_MS = 5 * 60_000;

export class KpiHomeCache {
  private latest: { readAt: number; blocks: Promise<Block[]> } | undefined;

  constructor(
    private readonly read: (now: Date) => Promise<Block[]>,
    private readonly maxAgeMs = KPI_HOME_REFRESH_MS,
  ) {}

  blocks(now: Date): Promise<Block[]> {
    const latest = this.latest;
    const age = latest ? now.getTime() - latest.readAt : Number.POSITIVE_INFINITY;
    // A clock moved back (tests, the playground) reads again rather than trusting the future.
    if (latest && age >= 0 && age < this.maxAgeMs) return latest.blocks;
    const blocks = this.read(now);
    const entry = { readAt: now.getTime(), blocks };
    this.latest = entry;
    blocks.catch(() => {
      if (this.latest === entry) this.latest = undefined;
    });
    return blocks;
  }
}
