// Generators for the SLA property tests: a region with its calendar and minute-stepping reference,
// instants 2026–2028 near DST changes, holidays, year and quarter ends and opening/closing times,
// and random lives of a clock (start, then pauses and resumes, maybe a stop) and policies.

import fc from 'fast-check';
import { defaultRegionCalendarConfigs } from '../../../src/domain/calendar/index.ts';
import { REGIONS, type Region } from '../../../src/domain/regions.ts';
import type { SlaPolicy } from '../../../src/domain/sla/index.ts';
import { type Subject, subjectFor } from '../calendar/compare.ts';
import { instantArbitrary } from '../calendar/scenarios.ts';
import { MINUTE, policy } from './support.ts';

const subjects = new Map<Region, Subject>();

/** The real calendar, the reference and the anchor days (2026–2028 only) of a region's default config. */
export function subjectOf(region: Region): Subject {
  let subject = subjects.get(region);
  if (!subject) {
    const full = subjectFor(defaultRegionCalendarConfigs[region]);
    subject = { ...full, anchors: full.anchors.filter((day) => day >= '2026-01-01' && day < '2029-01-01') };
    subjects.set(region, subject);
  }
  return subject;
}

export const regionArbitrary: fc.Arbitrary<Region> = fc.constantFrom(...REGIONS);

export type Gap = number | 'due';

/** The instant of the next event after `now`, given the clock's due time while it runs. */
export function nextInstant(now: number, gap: Gap, runningDue: number | null): number {
  if (gap !== 'due') return now + gap;
  return runningDue !== null && runningDue > now ? runningDue : now + 60 * MINUTE;
}

export interface LifePlan {
  region: Region;
  submittedAt: number;
  applyCutoff: boolean;
  targetMinutes: number;
  /**
   * Gaps (ms) between the clock's events: pause, resume, pause, … `due` means "exactly at the running
   * clock's due time" (an hour later when it is paused or already due).
   */
  gaps: Gap[];
  /** Whether the last event is a stop instead of the next pause/resume. */
  stops: boolean;
  /** Instants (ms after the last event) at which to look at the clock. */
  probes: number[];
}

const wholeOrOdd = (minutes: number, ms: number) => minutes * MINUTE + (ms % 3 === 0 ? ms : 0);

const gapArbitrary = fc
  .tuple(
    fc.oneof(
      { arbitrary: fc.integer({ min: 1, max: 90 }), weight: 2 },
      { arbitrary: fc.integer({ min: 1, max: 600 }), weight: 2 },
      { arbitrary: fc.integer({ min: 600, max: 1_440 }), weight: 1 },
    ),
    fc.integer({ min: 0, max: MINUTE - 1 }),
  )
  .map(([minutes, ms]) => wholeOrOdd(minutes, ms));

export const targetArbitrary = fc.oneof(
  fc.constantFrom(1, 30, 60, 480, 540, 720),
  fc.integer({ min: 1, max: 120 }),
  fc.integer({ min: 1, max: 900 }),
);

export function lifePlanArbitrary(
  region: Region,
  options: { maxEvents: number; wholeMinutes: boolean },
): fc.Arbitrary<LifePlan> {
  const subject = subjectOf(region);
  const instant = instantArbitrary(subject.calendar.config, subject.anchors).map((t) =>
    options.wholeMinutes ? Math.floor(t / MINUTE) * MINUTE : t,
  );
  const gap = options.wholeMinutes
    ? gapArbitrary.map((ms) => Math.floor(ms / MINUTE) * MINUTE)
    : gapArbitrary;
  return fc.record({
    region: fc.constant(region),
    submittedAt: instant,
    applyCutoff: fc.boolean(),
    targetMinutes: targetArbitrary,
    gaps: fc.array(
      fc.oneof(
        { arbitrary: gap as fc.Arbitrary<Gap>, weight: 5 },
        { arbitrary: fc.constant<Gap>('due'), weight: 1 },
      ),
      { maxLength: options.maxEvents },
    ),
    stops: fc.boolean(),
    probes: fc.array(gap, { minLength: 1, maxLength: 3 }),
  });
}

export const policyArbitrary: fc.Arbitrary<SlaPolicy> = fc
  .record({
    reminders: fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { maxLength: 3 }),
    afters: fc.uniqueArray(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 3 }),
    repeat: fc.option(fc.integer({ min: 15, max: 120 }), { nil: undefined }),
  })
  .map(({ reminders, afters, repeat }) =>
    policy({
      reminders: [...reminders].sort((a, b) => a - b),
      levels: [...afters]
        .sort((a, b) => a - b)
        .map((afterBusinessMinutes, index) => ({
          afterBusinessMinutes,
          notify: [index === 0 ? 'step_owner' : index === 1 ? 'role_lead' : 'desk_lead'],
        })),
      ...(repeat === undefined ? {} : { repeatEveryBusinessMinutes: repeat }),
    }),
  );
