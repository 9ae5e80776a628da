// Applies a planned set of SLA clock changes to a request's stored clocks, inside the caller's
// transaction: the clocks move in the same commit as the workflow change that moved them.

import { lockClocks, saveClock } from '../db/sla-clocks.ts';
import type { Tx } from '../db/types.ts';
import type { Region } from '../domain/regions.ts';
import { pauseClock, resumeClock, type SlaClock, startClock, stopClock } from '../domain/sla/clock.ts';
import type { ClockChange, ClockTarget } from '../domain/sla/plan.ts';
import type { ServiceContext } from './context.ts';

export interface ClockScope {
  requestId: string;
  region: Region;
}

/** Applies the changes in order and saves the clocks that changed; returns them. */
export async function applyClockChanges(
  tx: Tx,
  ctx: Pick<ServiceContext, 'calendars' | 'slaPolicy'>,
  scope: ClockScope,
  changes: readonly ClockChange[],
): Promise<SlaClock[]> {
  if (changes.length === 0) return [];
  const calendar = ctx.calendars[scope.region];
  const clocks = new Map(
    (await lockClocks(tx, scope.requestId)).map((stored) => [stored.clock.key, stored.clock]),
  );
  const changed = new Map<string, SlaClock>();
  const update = (clock: SlaClock, next: SlaClock) => {
    if (next === clock) return;
    clocks.set(next.key, next);
    changed.set(next.key, next);
  };
  for (const change of changes) {
    if (change.type === 'start') {
      const started = startClock(calendar, { ...change, policy: ctx.slaPolicy });
      clocks.set(started.key, started);
      changed.set(started.key, started);
      continue;
    }
    const targets =
      change.type === 'stop_all' ? [...clocks.values()] : [...clocks.values()].filter(matches(change.target));
    for (const clock of targets) {
      const operation =
        change.type === 'pause' ? pauseClock : change.type === 'resume' ? resumeClock : stopClock;
      update(clock, operation(calendar, clock, change.at));
    }
  }
  const at = (changes[changes.length - 1] as ClockChange).at;
  for (const clock of changed.values()) {
    await saveClock(tx, { requestId: scope.requestId, region: scope.region, clock, at });
  }
  return [...changed.values()];
}

function matches(target: ClockTarget): (clock: SlaClock) => boolean {
  return 'key' in target ? (clock) => clock.key === target.key : (clock) => clock.kind === target.kind;
}
