// Property: whatever the start, pauses, resumes and stop, the clock's consumed minutes are the open
// minutes the minute-stepping reference counts over its runs, and its due time is the first instant
// at which the reference has counted the whole budget.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REGIONS, type Region } from '../../../src/domain/regions.ts';
import {
  consumedAt,
  DEFAULT_SLA_POLICY,
  isBreachedAt,
  pauseClock,
  remainingAt,
  resumeClock,
  type SlaClock,
  startClock,
  stopClock,
} from '../../../src/domain/sla/index.ts';
import { type LifePlan, lifePlanArbitrary, nextInstant, subjectOf } from './arbitraries.ts';

const iso = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? null : new Date(ms).toISOString();

/** The model: runs of the clock and what the reference says about them. */
function checkLife(plan: LifePlan): void {
  const { calendar, reference } = subjectOf(plan.region);
  const target = plan.targetMinutes;
  const startedAt = plan.applyCutoff ? reference.clockStart(plan.submittedAt) : plan.submittedAt;
  let clock: SlaClock = startClock(calendar, {
    key: 'approval',
    kind: 'approval',
    stepId: null,
    targetMinutes: target,
    policy: DEFAULT_SLA_POLICY,
    at: new Date(plan.submittedAt),
    applyCutoff: plan.applyCutoff,
  });

  let usedBefore = 0; // reference minutes of the finished runs
  let runStart: number | null = startedAt;
  let due: number | null = reference.addBusinessMinutes(startedAt, target);
  let breached = false;
  const counted = (from: number, to: number) => Math.max(0, reference.businessMinutesBetween(from, to));
  const used = (at: number) => usedBefore + (runStart === null ? 0 : counted(runStart, at));

  const context = () => `${plan.region} ${JSON.stringify({ ...plan, submittedAt: iso(plan.submittedAt) })}`;
  const checkAt = (at: number) => {
    const when = new Date(at);
    expect(consumedAt(calendar, clock, when), `consumedAt ${iso(at)} ${context()}`).toBe(used(at));
    expect(remainingAt(calendar, clock, when)).toBe(target - used(at));
    const overdue = breached || (runStart !== null && due !== null && at > due);
    expect(isBreachedAt(clock, when), `isBreachedAt ${iso(at)} ${context()}`).toBe(overdue);
  };
  const checkDue = () => {
    expect(iso(clock.dueAt?.getTime()), `dueAt ${context()}`).toBe(iso(due));
    if (runStart !== null && due !== null && !breached && used(due) > usedBefore) {
      // the first instant with the whole budget counted: a millisecond earlier one minute is missing
      expect(used(due)).toBe(target);
      expect(used(due - 1)).toBe(target - 1);
    }
  };

  expect(iso(clock.startedAt.getTime()), `startedAt ${context()}`).toBe(iso(startedAt));
  checkDue();
  let now = plan.submittedAt;
  plan.gaps.forEach((gap, index) => {
    const before = now;
    now = nextInstant(now, gap, runStart === null ? null : due);
    checkAt(before + Math.floor((now - before) / 2));
    checkAt(now);
    const last = index === plan.gaps.length - 1;
    if (last && plan.stops) {
      const outcome = breached || (runStart !== null && due !== null && now > due) ? 'breached' : 'met';
      usedBefore = used(now);
      runStart = null;
      clock = stopClock(calendar, clock, new Date(now));
      expect(clock.outcome, `outcome ${context()}`).toBe(outcome);
      expect(clock.consumedMinutes).toBe(usedBefore);
      breached = outcome === 'breached';
      return;
    }
    if (runStart !== null) {
      breached ||= due !== null && now > due;
      usedBefore = used(now);
      runStart = null;
      if (!breached) due = null;
      clock = pauseClock(calendar, clock, new Date(now));
      expect(clock.consumedMinutes).toBe(usedBefore);
    } else {
      runStart = now;
      const left = target - usedBefore;
      if (!breached) due = reference.addBusinessMinutes(now, Math.max(0, left));
      clock = resumeClock(calendar, clock, new Date(now));
    }
    checkDue();
  });
  for (const probe of plan.probes) checkAt(now + probe);
}

describe('clock arithmetic agrees with the minute-stepping reference', () => {
  it.each(REGIONS)('%s: consumed minutes, remaining, due time and breach over random lives', (region) => {
    fc.assert(
      fc.property(lifePlanArbitrary(region as Region, { maxEvents: 4, wholeMinutes: false }), checkLife),
      { numRuns: 100 },
    );
  });
});
