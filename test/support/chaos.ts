// A seeded kill schedule: wait a random while, SIGKILL a random instance, leave it down a random
// while, start it again; repeat until stopped. The draws come from the seed, so a run's schedule
// (which instance, after how long) can be replayed; what each kill interrupts depends on timing.

import type { DeskFleet } from './desk-fleet.ts';
import type { SeededRandom } from './seeded-random.ts';

export interface ChaosOptions {
  /** Time between one instance being back and the next kill, [min, max] ms. */
  gapMs: readonly [number, number];
  /** How long a killed instance stays down, [min, max] ms. */
  downMs: readonly [number, number];
}

export interface Chaos {
  /** Stops killing and waits until every instance is up again. */
  stop(): Promise<void>;
  readonly log: readonly string[];
}

export function startChaos(fleet: DeskFleet, random: SeededRandom, options: ChaosOptions): Chaos {
  const log: string[] = [];
  const started = Date.now();
  let stopped = false;
  let wake: () => void = () => {};
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = (async () => {
    while (!stopped) {
      const gap = random.between(...options.gapMs);
      const slot = random.between(0, fleet.size - 1);
      const down = random.between(...options.downMs);
      await pause(gap);
      if (stopped) break;
      if (!fleet.isUp(slot)) continue;
      await fleet.kill(slot);
      log.push(`+${((Date.now() - started) / 1000).toFixed(1)} s: SIGKILL instance ${slot}, down ${down} ms`);
      await new Promise((resolve) => setTimeout(resolve, down));
      await fleet.start(slot);
    }
  })();

  return {
    log,
    async stop() {
      stopped = true;
      wake();
      await loop;
      for (let slot = 0; slot < fleet.size; slot++) if (!fleet.isUp(slot)) await fleet.start(slot);
    },
  };
}
