// Laws the operations obey, checked on uniformly random instants over 2025–2028 in every region
// (no reference needed, so these run many cases cheaply).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../src/domain/calendar/business-calendar.ts';
import { calendarOf } from './helpers.ts';
import { LONDON_NIGHT, LOS_ANGELES_NIGHT, SYDNEY_NIGHT } from './scenarios.ts';

const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2029, 0, 1);
const instant = fc.integer({ min: FROM, max: TO }).map((ms) => new Date(ms));
const wholeMinute = fc.integer({ min: FROM / 60_000, max: TO / 60_000 }).map((m) => new Date(m * 60_000));
const minutes = fc.oneof(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 20_000 }));

const calendars = {
  APAC: () => calendarOf('APAC'),
  EMEA: () => calendarOf('EMEA'),
  AMER: () => calendarOf('AMER'),
  'London 01:30–12:00': () => createBusinessCalendar(LONDON_NIGHT),
  'Sydney 02:30–16:00': () => createBusinessCalendar(SYDNEY_NIGHT),
  'Los Angeles 02:15–09:00': () => createBusinessCalendar(LOS_ANGELES_NIGHT),
};

describe.each(Object.entries(calendars))('%s', (_name, make) => {
  const calendar = make();
  const ms = (d: Date) => d.getTime();

  it('adding n minutes and measuring back gives n; the result is open or a closing instant', () => {
    fc.assert(
      fc.property(instant, minutes, (t, n) => {
        const due = calendar.addBusinessMinutes(t, n);
        expect(ms(due)).toBeGreaterThanOrEqual(ms(t));
        expect(calendar.businessMinutesBetween(t, due)).toBe(n);
        const atClose = !calendar.isOpen(due) && calendar.isOpen(new Date(ms(due) - 1));
        expect(calendar.isOpen(due) || (n > 0 && atClose)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('adding in two steps equals adding at once (second step at least one minute)', () => {
    fc.assert(
      fc.property(instant, minutes, fc.integer({ min: 1, max: 3_000 }), (t, a, b) => {
        expect(calendar.addBusinessMinutes(calendar.addBusinessMinutes(t, a), b)).toEqual(
          calendar.addBusinessMinutes(t, a + b),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('between is antisymmetric and additive on whole minutes', () => {
    fc.assert(
      fc.property(
        wholeMinute,
        fc.integer({ min: 0, max: 30_000 }),
        fc.integer({ min: 0, max: 30_000 }),
        (a, x, y) => {
          const b = new Date(ms(a) + x * 60_000);
          const c = new Date(ms(b) + y * 60_000);
          const ab = calendar.businessMinutesBetween(a, b);
          const bc = calendar.businessMinutesBetween(b, c);
          expect(ab + bc).toBe(calendar.businessMinutesBetween(a, c));
          expect(calendar.businessMinutesBetween(b, a)).toBe(0 - ab);
          expect(ab).toBeLessThanOrEqual(x);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('next opening is open, idempotent and the same as adding 0 minutes', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const next = calendar.nextOpening(t);
        expect(calendar.isOpen(next)).toBe(true);
        expect(calendar.nextOpening(next)).toEqual(next);
        expect(calendar.addBusinessMinutes(t, 0)).toEqual(next);
        expect(calendar.businessMinutesBetween(t, next)).toBe(0);
        if (calendar.isOpen(t)) expect(next).toEqual(t);
      }),
      { numRuns: 300 },
    );
  });

  it('the clock starts at an open instant, never before the submission, and at once only when on time', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const start = calendar.clockStart(t);
        expect(ms(start)).toBeGreaterThanOrEqual(ms(t));
        expect(calendar.isOpen(start)).toBe(true);
        const day = calendar.day(calendar.localDate(t));
        const onTime = calendar.isOpen(t) && (day.cutoff === null || ms(t) <= ms(day.cutoff));
        expect(ms(start) === ms(t)).toBe(onTime);
        if (!onTime) expect(calendar.nextOpening(start)).toEqual(start);
      }),
      { numRuns: 300 },
    );
  });

  it('period-end status: in a window exactly when some window’s [start, end) contains the instant', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const status = calendar.periodEndStatus(t);
        expect(status.inWindow).toBe(status.windows.length > 0);
        for (const w of status.windows) {
          expect(ms(w.start) <= ms(t) && ms(t) < ms(w.end)).toBe(true);
          expect(calendar.day(w.firstDay).periodEnds).toContain(w.period);
          expect(calendar.day(w.lastDay).periodEnds).toContain(w.period);
        }
        const day = calendar.day(calendar.localDate(t));
        if (day.periodEnds.length > 0 && calendar.isOpen(t)) expect(status.inWindow).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
