// Clock arithmetic by hand: when a clock starts, when it is due, what it has used and what is left,
// through cut-offs, weekends, holidays, DST changes and period ends, pauses and stops.

import { describe, expect, it } from 'vitest';
import type { Region } from '../../../src/domain/regions.ts';
import {
  consumedAt,
  instantOfThreshold,
  isBreachedAt,
  pauseClock,
  remainingAt,
  resumeClock,
  type SlaClock,
  stopClock,
} from '../../../src/domain/sla/index.ts';
import { at, calendars, clockFrom, policy, wall } from './support.ts';

const HOUR = 3_600_000;
const emea = calendars.EMEA;

function approval(region: Region, submitted: string, targetMinutes = 720): SlaClock {
  return clockFrom(calendars[region], at(region, submitted), { targetMinutes });
}

describe('when an approval clock starts and is due (12 business hours)', () => {
  it('London, Friday 16:45 (after the cut-off): starts Monday 08:00, due Tuesday 11:00', () => {
    const clock = approval('EMEA', '2026-03-13T16:45');
    expect(wall('EMEA', clock.startedAt)).toBe('2026-03-16T08:00:00.000+00:00');
    expect(wall('EMEA', clock.runningSince)).toBe('2026-03-16T08:00:00.000+00:00');
    expect(wall('EMEA', clock.dueAt)).toBe('2026-03-17T11:00:00.000+00:00');
    expect(clock).toMatchObject({ status: 'running', consumedMinutes: 0, alertsFired: 0, breachedAt: null });
    // nothing counts over the weekend, before the clock has started
    expect(consumedAt(emea, clock, at('EMEA', '2026-03-14T12:00'))).toBe(0);
    expect(consumedAt(emea, clock, at('EMEA', '2026-03-13T16:50'))).toBe(0);
    expect(remainingAt(emea, clock, at('EMEA', '2026-03-16T08:00'))).toBe(720);
    expect(consumedAt(emea, clock, at('EMEA', '2026-03-16T12:00'))).toBe(240);
    expect(consumedAt(emea, clock, at('EMEA', '2026-03-16T23:00'))).toBe(540);
    expect(remainingAt(emea, clock, at('EMEA', '2026-03-17T11:00'))).toBe(0);
    expect(remainingAt(emea, clock, at('EMEA', '2026-03-17T12:30'))).toBe(-90);
  });

  it('a submission at 16:30 exactly is on time; a millisecond later starts the next morning', () => {
    const onTime = approval('EMEA', '2026-06-10T16:30');
    expect(wall('EMEA', onTime.startedAt)).toBe('2026-06-10T16:30:00.000+01:00');
    expect(wall('EMEA', onTime.dueAt)).toBe('2026-06-12T10:30:00.000+01:00');
    const late = approval('EMEA', '2026-06-10T16:30:00.001');
    expect(wall('EMEA', late.startedAt)).toBe('2026-06-11T08:00:00.000+01:00');
    expect(wall('EMEA', late.dueAt)).toBe('2026-06-12T11:00:00.000+01:00');
  });

  it('a clock without the cut-off (a step clock) counts from the instant itself', () => {
    const clock = clockFrom(emea, at('EMEA', '2026-06-10T16:45'), { applyCutoff: false, targetMinutes: 480 });
    expect(wall('EMEA', clock.startedAt)).toBe('2026-06-10T16:45:00.000+01:00');
    expect(wall('EMEA', clock.dueAt)).toBe('2026-06-11T15:45:00.000+01:00');
    const night = clockFrom(emea, at('EMEA', '2026-06-10T20:00'), { applyCutoff: false, targetMinutes: 480 });
    expect(wall('EMEA', night.startedAt)).toBe('2026-06-10T20:00:00.000+01:00');
    expect(consumedAt(emea, night, at('EMEA', '2026-06-11T08:30'))).toBe(30);
    expect(wall('EMEA', night.dueAt)).toBe('2026-06-11T16:00:00.000+01:00');
  });

  it('before opening counts from the opening; on a weekend from Monday', () => {
    expect(wall('EMEA', approval('EMEA', '2026-06-10T06:10').startedAt)).toBe(
      '2026-06-10T08:00:00.000+01:00',
    );
    expect(wall('EMEA', approval('EMEA', '2026-06-13T11:00').startedAt)).toBe(
      '2026-06-15T08:00:00.000+01:00',
    );
  });

  it('Los Angeles, across the March DST change: Friday 15:00 PST → Monday 17:00 PDT (73 real hours)', () => {
    const clock = approval('AMER', '2026-03-06T15:00');
    expect(wall('AMER', clock.dueAt)).toBe('2026-03-09T17:00:00.000-07:00');
    expect((clock.dueAt!.getTime() - clock.startedAt.getTime()) / HOUR).toBe(73);
  });

  it('Los Angeles, month-end Friday then the November DST change: no cut-off, open to 20:00', () => {
    // 30 October 2026 is a month-end window day (07:00–20:00, no cut-off); clocks go back on 1 November.
    const clock = approval('LATAM', '2026-10-30T18:00');
    expect(wall('LATAM', clock.startedAt)).toBe('2026-10-30T18:00:00.000-07:00');
    expect(wall('LATAM', clock.dueAt)).toBe('2026-11-02T17:00:00.000-08:00');
    expect((clock.dueAt!.getTime() - clock.startedAt.getTime()) / HOUR).toBe(72);
    expect(consumedAt(calendars.LATAM, clock, at('LATAM', '2026-11-01T01:30'))).toBe(120);
  });

  it('Sydney, Easter 2026 and the April DST change: Thursday 16:00 AEDT → Wednesday 10:00 AEST', () => {
    // Good Friday, the weekend (clocks go back on Sunday 5 April) and Easter Monday are all closed.
    const clock = approval('APAC', '2026-04-02T16:00');
    expect(wall('APAC', clock.dueAt)).toBe('2026-04-08T10:00:00.000+10:00');
    expect((clock.dueAt!.getTime() - clock.startedAt.getTime()) / HOUR).toBe(139);
    expect(consumedAt(calendars.APAC, clock, at('APAC', '2026-04-07T17:00'))).toBe(600);
  });

  it('Sydney, the October DST change and Labour Day: Friday 16:00 AEST → Wednesday 10:00 AEDT', () => {
    const clock = approval('APAC', '2026-10-02T16:00');
    expect(wall('APAC', clock.dueAt)).toBe('2026-10-07T10:00:00.000+11:00');
    expect((clock.dueAt!.getTime() - clock.startedAt.getTime()) / HOUR).toBe(113);
  });

  it('London, 31 December: a year-end window day (no cut-off, open to 20:00), then New Year’s Day', () => {
    const clock = approval('EMEA', '2026-12-31T18:00');
    expect(wall('EMEA', clock.startedAt)).toBe('2026-12-31T18:00:00.000+00:00');
    expect(wall('EMEA', clock.dueAt)).toBe('2027-01-05T09:00:00.000+00:00');
    expect(consumedAt(emea, clock, at('EMEA', '2027-01-01T12:00'))).toBe(120);
  });

  it('London, an evening before the year-end window starts the clock at the extended 07:00 opening', () => {
    const clock = approval('EMEA', '2026-12-22T18:00');
    expect(wall('EMEA', clock.startedAt)).toBe('2026-12-23T07:00:00.000+00:00');
    expect(wall('EMEA', clock.dueAt)).toBe('2026-12-23T19:00:00.000+00:00');
  });

  it('London, Easter Monday 2027 (with Good Friday and the March DST change, in the quarter-end window)', () => {
    const clock = approval('EMEA', '2027-03-25T19:00');
    expect(wall('EMEA', clock.dueAt)).toBe('2027-03-30T18:00:00.000+01:00');
    expect(consumedAt(emea, clock, at('EMEA', '2027-03-29T12:00'))).toBe(60);
  });

  it('Los Angeles, Memorial Day 2026: Friday 16:00 → Wednesday 08:00', () => {
    const clock = approval('AMER', '2026-05-22T16:00');
    expect(wall('AMER', clock.dueAt)).toBe('2026-05-27T08:00:00.000-07:00');
    expect(consumedAt(calendars.AMER, clock, at('AMER', '2026-05-25T12:00'))).toBe(60);
  });

  it('refuses a target that is not a positive whole number of minutes', () => {
    for (const targetMinutes of [0, -5, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => clockFrom(emea, at('EMEA', '2026-06-10T10:00'), { targetMinutes })).toThrow(RangeError);
    }
  });
});

describe('pausing and resuming keep the remaining budget to the minute', () => {
  const start = () => approval('EMEA', '2026-06-08T10:00');

  it('pauses over nights and a weekend and resumes with exactly what was left', () => {
    let clock = pauseClock(emea, start(), at('EMEA', '2026-06-08T15:00'));
    expect(clock).toMatchObject({
      status: 'paused',
      consumedMinutes: 300,
      runningSince: null,
      dueAt: null,
      nextCheckAt: null,
      breachedAt: null,
    });
    // a paused clock does not move, whatever the time
    expect(remainingAt(emea, clock, at('EMEA', '2026-06-10T12:00'))).toBe(420);
    expect(isBreachedAt(clock, at('EMEA', '2026-07-01T12:00'))).toBe(false);

    clock = resumeClock(emea, clock, at('EMEA', '2026-06-12T16:00'));
    expect(clock.status).toBe('running');
    expect(wall('EMEA', clock.dueAt)).toBe('2026-06-15T14:00:00.000+01:00');
    expect(remainingAt(emea, clock, at('EMEA', '2026-06-13T12:00'))).toBe(360);

    // paused on Saturday, resumed on Sunday night: the due time does not move
    clock = pauseClock(emea, clock, at('EMEA', '2026-06-13T10:00'));
    expect(clock.consumedMinutes).toBe(360);
    clock = resumeClock(emea, clock, at('EMEA', '2026-06-14T22:00'));
    expect(wall('EMEA', clock.dueAt)).toBe('2026-06-15T14:00:00.000+01:00');

    // one minute left at 13:59, resumed in the night: due one minute after opening
    clock = pauseClock(emea, clock, at('EMEA', '2026-06-15T13:59'));
    expect(clock.consumedMinutes).toBe(719);
    clock = resumeClock(emea, clock, at('EMEA', '2026-06-16T03:00'));
    expect(wall('EMEA', clock.dueAt)).toBe('2026-06-16T08:01:00.000+01:00');
    expect(stopClock(emea, clock, at('EMEA', '2026-06-16T08:01'))).toMatchObject({
      outcome: 'met',
      consumedMinutes: 720,
      breachedAt: null,
    });
    const late = stopClock(emea, clock, at('EMEA', '2026-06-16T08:02'));
    expect(late).toMatchObject({ outcome: 'breached', consumedMinutes: 721 });
    expect(wall('EMEA', late.breachedAt)).toBe('2026-06-16T08:01:00.000+01:00');
  });

  it('a pause before a late submission’s clock has started keeps the whole budget', () => {
    const late = approval('EMEA', '2026-03-13T16:45');
    const paused = pauseClock(emea, late, at('EMEA', '2026-03-14T09:00'));
    expect(paused.consumedMinutes).toBe(0);
    const resumed = resumeClock(emea, paused, at('EMEA', '2026-03-16T10:00'));
    expect(wall('EMEA', resumed.dueAt)).toBe('2026-03-17T13:00:00.000+00:00');
  });

  it('pausing a paused clock, resuming a running one and anything on a stopped one change nothing', () => {
    const running = start();
    expect(resumeClock(emea, running, at('EMEA', '2026-06-08T11:00'))).toBe(running);
    const paused = pauseClock(emea, running, at('EMEA', '2026-06-08T11:00'));
    expect(pauseClock(emea, paused, at('EMEA', '2026-06-08T12:00'))).toBe(paused);
    const stopped = stopClock(emea, running, at('EMEA', '2026-06-08T12:00'));
    expect(pauseClock(emea, stopped, at('EMEA', '2026-06-08T13:00'))).toBe(stopped);
    expect(resumeClock(emea, stopped, at('EMEA', '2026-06-08T13:00'))).toBe(stopped);
    expect(stopClock(emea, stopped, at('EMEA', '2026-06-09T13:00'))).toBe(stopped);
  });

  it('a clock paused after its due time stays breached, keeps its due time and reports the overrun', () => {
    const paused = pauseClock(emea, start(), at('EMEA', '2026-06-09T14:00'));
    expect(paused.consumedMinutes).toBe(780);
    expect(wall('EMEA', paused.breachedAt)).toBe('2026-06-09T13:00:00.000+01:00');
    expect(wall('EMEA', paused.dueAt)).toBe('2026-06-09T13:00:00.000+01:00');
    expect(remainingAt(emea, paused, at('EMEA', '2026-06-20T12:00'))).toBe(-60);
    const resumed = resumeClock(emea, paused, at('EMEA', '2026-06-10T09:00'));
    expect(wall('EMEA', resumed.dueAt)).toBe('2026-06-09T13:00:00.000+01:00');
    expect(stopClock(emea, resumed, at('EMEA', '2026-06-10T10:00'))).toMatchObject({
      outcome: 'breached',
      consumedMinutes: 840,
    });
  });

  it('a clock paused exactly at its due time is met, and breaches once it runs on after resuming', () => {
    // Due Tuesday 13:00; paused at that very instant, with the whole budget used and nothing over.
    const paused = pauseClock(emea, start(), at('EMEA', '2026-06-09T13:00'));
    expect(paused).toMatchObject({ consumedMinutes: 720, breachedAt: null });
    expect(stopClock(emea, paused, at('EMEA', '2026-06-09T18:00')).outcome).toBe('met');

    const resumed = resumeClock(emea, paused, at('EMEA', '2026-06-09T20:00'));
    expect(wall('EMEA', resumed.dueAt)).toBe('2026-06-10T08:00:00.000+01:00');
    expect(stopClock(emea, resumed, at('EMEA', '2026-06-10T07:00')).outcome).toBe('met');
    const stopped = stopClock(emea, resumed, at('EMEA', '2026-06-10T11:00'));
    expect(stopped).toMatchObject({ outcome: 'breached', consumedMinutes: 900 });
    expect(wall('EMEA', stopped.breachedAt)).toBe('2026-06-10T08:00:00.000+01:00');
  });
});

describe('stopping: met until the due instant, breached after it', () => {
  const clock = () => approval('EMEA', '2026-03-13T16:45'); // due Tuesday 17 March 11:00

  it.each([
    ['2026-03-14T10:00', 'met', 0, null],
    ['2026-03-17T10:59', 'met', 719, null],
    ['2026-03-17T11:00', 'met', 720, null],
    ['2026-03-17T11:00:00.001', 'breached', 720, '2026-03-17T11:00:00.000+00:00'],
    ['2026-03-17T12:00', 'breached', 780, '2026-03-17T11:00:00.000+00:00'],
    ['2026-03-18T12:00', 'breached', 1320, '2026-03-17T11:00:00.000+00:00'],
  ])('stopped at %s: %s with %i minutes used', (when, outcome, consumed, breachedAt) => {
    const stopped = stopClock(emea, clock(), at('EMEA', when));
    expect(stopped).toMatchObject({
      status: 'stopped',
      outcome,
      consumedMinutes: consumed,
      runningSince: null,
      nextCheckAt: null,
    });
    expect(stopped.stoppedAt).toEqual(at('EMEA', when));
    expect(wall('EMEA', stopped.breachedAt)).toBe(breachedAt);
    expect(isBreachedAt(stopped, at('EMEA', '2030-01-01T00:00'))).toBe(outcome === 'breached');
  });

  it('a stopped clock stops counting', () => {
    const stopped = stopClock(emea, clock(), at('EMEA', '2026-03-16T12:00'));
    expect(consumedAt(emea, stopped, at('EMEA', '2026-03-20T12:00'))).toBe(240);
    expect(remainingAt(emea, stopped, at('EMEA', '2026-03-20T12:00'))).toBe(480);
  });

  it('isBreachedAt on a running clock: strictly after the due instant', () => {
    const running = clock();
    expect(isBreachedAt(running, at('EMEA', '2026-03-17T11:00'))).toBe(false);
    expect(isBreachedAt(running, at('EMEA', '2026-03-17T11:00:00.001'))).toBe(true);
  });
});

describe('reminder thresholds (50% and 75% by default)', () => {
  it('of a 12-hour clock land at 360 and 540 minutes: Monday 14:00 and Monday 17:00 (closing)', () => {
    const clock = approval('EMEA', '2026-03-13T16:45');
    expect(wall('EMEA', instantOfThreshold(emea, clock, 360))).toBe('2026-03-16T14:00:00.000+00:00');
    expect(wall('EMEA', instantOfThreshold(emea, clock, 540))).toBe('2026-03-16T17:00:00.000+00:00');
    expect(wall('EMEA', clock.nextCheckAt)).toBe('2026-03-16T14:00:00.000+00:00');
  });

  it('count from what the clock has used, not from its start, after a pause', () => {
    const paused = pauseClock(emea, approval('EMEA', '2026-03-16T08:00'), at('EMEA', '2026-03-16T12:00'));
    const resumed = resumeClock(emea, paused, at('EMEA', '2026-03-18T09:00'));
    // 240 used; the 50% reminder needs 120 more, the 75% one 300 more
    expect(wall('EMEA', resumed.nextCheckAt)).toBe('2026-03-18T11:00:00.000+00:00');
    expect(wall('EMEA', instantOfThreshold(emea, resumed, 540))).toBe('2026-03-18T14:00:00.000+00:00');
    expect(instantOfThreshold(emea, paused, 540)).toBeNull();
  });

  it('a custom policy’s first reminder sets the first check', () => {
    const clock = clockFrom(emea, at('EMEA', '2026-03-16T08:00'), {
      targetMinutes: 45,
      policy: policy({ reminders: [50, 90] }),
    });
    // ceil(22.5) = 23 minutes
    expect(wall('EMEA', clock.nextCheckAt)).toBe('2026-03-16T08:23:00.000+00:00');
  });
});
