// Property: a sweeper that looks at a clock only once its nextCheckAt has come sends the same alerts,
// at the same minutes, and records the breach at the same minute, as one that sweeps every minute —
// through random starts, pauses, resumes and stops, policies, and every region's calendar.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REGIONS, type Region } from '../../../src/domain/regions.ts';
import {
  pauseClock,
  resumeClock,
  type SlaCalendar,
  type SlaPolicy,
  startClock,
} from '../../../src/domain/sla/index.ts';
import { type LifePlan, lifePlanArbitrary, nextInstant, policyArbitrary, subjectOf } from './arbitraries.ts';
import { calendars, DAY, type LifeEvent, MINUTE, mirrorCalendar, runLife } from './support.ts';

const SPAN = { from: Date.parse('2025-12-01T00:00:00Z'), to: Date.parse('2029-02-01T00:00:00Z') };
const mirrors = new Map<Region, SlaCalendar>();

/** One fast mirror of each region's calendar over 2026–2028 (and a margin). */
function mirrorOf(region: Region): SlaCalendar {
  let mirror = mirrors.get(region);
  if (!mirror) {
    mirror = mirrorCalendar(calendars[region], SPAN.from, SPAN.to);
    mirrors.set(region, mirror);
  }
  return mirror;
}

function checkLoops(plan: LifePlan, policy: SlaPolicy, tail: number): void {
  const real = calendars[plan.region];
  const start = {
    key: 'approval',
    kind: 'approval' as const,
    stepId: null,
    targetMinutes: plan.targetMinutes,
    policy,
    at: new Date(plan.submittedAt),
    applyCutoff: plan.applyCutoff,
  };
  const clock = startClock(real, start);
  // the events' instants (a scratch clock resolves "exactly at the due time")
  const events: LifeEvent[] = [];
  let now = plan.submittedAt;
  let scratch = clock;
  plan.gaps.forEach((gap, index) => {
    now = nextInstant(now, gap, scratch.status === 'running' ? (scratch.dueAt?.getTime() ?? null) : null);
    const stop = plan.stops && index === plan.gaps.length - 1;
    const type = stop ? 'stop' : index % 2 === 0 ? 'pause' : 'resume';
    events.push({ at: now, type });
    const when = new Date(now);
    if (type === 'pause') scratch = pauseClock(real, scratch, when);
    if (type === 'resume') scratch = resumeClock(real, scratch, when);
  });
  const from = plan.submittedAt;
  const to = Math.max(now, real.clockStart(new Date(from)).getTime()) + tail;
  const fast = mirrorOf(plan.region);
  expect(startClock(fast, start)).toEqual(clock);

  const every = runLife(fast, clock, events, from, to, 'every');
  const due = runLife(fast, clock, events, from, to, 'due');
  const dueReal = runLife(real, clock, events, from, to, 'due');
  const context = JSON.stringify({ plan, policy, events: events.map((e) => [new Date(e.at), e.type]) });
  expect(due.alerts, context).toEqual(every.alerts);
  expect(due.breaches, context).toEqual(every.breaches);
  expect(due.clock, context).toEqual(every.clock);
  expect(dueReal.alerts, context).toEqual(every.alerts);
  expect(dueReal.breaches, context).toEqual(every.breaches);
  expect(dueReal.clock, context).toEqual(every.clock);
  // each step fires at most once: thresholds never repeat in the alert lines
  expect(new Set(every.alerts.map((line) => line.slice(25))).size).toBe(every.alerts.length);
}

describe('sweeping only when due is the same as sweeping every minute', () => {
  it.each(REGIONS)('%s', (region) => {
    fc.assert(
      fc.property(
        lifePlanArbitrary(region as Region, { maxEvents: 4, wholeMinutes: false }),
        policyArbitrary,
        fc.integer({ min: 60, max: 1_440 }),
        (plan, policy, tailMinutes) => checkLoops(plan, policy, tailMinutes * MINUTE),
      ),
      { numRuns: 60 },
    );
  });

  it('the mirror used by the every-minute loop answers like the real calendar', () => {
    for (const region of REGIONS) {
      const real = calendars[region];
      const fast = mirrorOf(region);
      for (const anchor of subjectOf(region).anchors) {
        const base = Date.parse(`${anchor}T00:00:00Z`) - DAY;
        for (let t = base; t < base + 3 * DAY; t += 71 * MINUTE + 1_234) {
          const when = new Date(t);
          expect(fast.isOpen(when)).toBe(real.isOpen(when));
          expect(fast.nextOpening(when)).toEqual(real.nextOpening(when));
          expect(fast.addBusinessMinutes(when, 97)).toEqual(real.addBusinessMinutes(when, 97));
          expect(fast.businessMinutesBetween(when, new Date(t + 0.7 * DAY))).toBe(
            real.businessMinutesBetween(when, new Date(t + 0.7 * DAY)),
          );
          expect(fast.periodEndStatus(when).inWindow).toBe(real.periodEndStatus(when).inWindow);
        }
      }
    }
  });
});
