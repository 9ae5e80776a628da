// Hand-written period-end cases: year end, month end on a weekend, quarter windows across a
// weekend, extended hours without cut-off, and a fiscal year starting in February.

import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../src/domain/calendar/business-calendar.ts';
import { calendarOf, local, show } from './helpers.ts';

const LONDON = 'Europe/London';
const london = (text: string) => local(LONDON, text);
const emea = () => calendarOf('EMEA');

describe('31 December (month, quarter and year end)', () => {
  it('is in all three windows with extended hours 07:00–20:00 and no cut-off', () => {
    const day = emea().day('2026-12-31');
    expect(day.periodEnds).toEqual(['month', 'quarter', 'year']);
    expect(show(LONDON, day.opens ?? new Date(0))).toBe('2026-12-31T07:00:00.000+00:00');
    expect(show(LONDON, day.closes ?? new Date(0))).toBe('2026-12-31T20:00:00.000+00:00');
    expect(day.cutoff).toBeNull();
    expect(emea().isOpen(london('2026-12-31T07:30'))).toBe(true);
    expect(emea().isOpen(london('2026-12-31T19:59'))).toBe(true);
  });

  it('a submission at 19:00 starts its clock at once; after 20:00 at the next opening (after New Year’s Day)', () => {
    expect(emea().clockStart(london('2026-12-31T19:00'))).toEqual(london('2026-12-31T19:00'));
    expect(show(LONDON, emea().clockStart(london('2026-12-31T20:00')))).toBe('2027-01-04T08:00:00.000+00:00');
  });

  it('reports the windows and until when escalations pause', () => {
    const status = emea().periodEndStatus(london('2026-12-31T10:00'));
    expect(status.inWindow).toBe(true);
    expect(
      status.windows.map((w) => [
        w.period,
        w.firstDay,
        w.lastDay,
        w.periodEndDate,
        w.fiscalYear,
        w.fiscalQuarter,
      ]),
    ).toEqual([
      ['month', '2026-12-29', '2026-12-31', '2026-12-31', 2026, 4],
      // 5 business days back skip Christmas, Boxing Day (substitute Monday 28th) and the weekend
      ['quarter', '2026-12-23', '2026-12-31', '2026-12-31', 2026, 4],
      ['year', '2026-12-23', '2026-12-31', '2026-12-31', 2026, 4],
    ]);
    expect(show(LONDON, status.windows[1]?.start ?? new Date(0))).toBe('2026-12-23T07:00:00.000+00:00');
    expect(show(LONDON, status.until ?? new Date(0))).toBe('2026-12-31T20:00:00.000+00:00');
  });

  it('Christmas Day inside the quarter window is still a holiday, but within the window span', () => {
    expect(emea().day('2026-12-25')).toMatchObject({
      business: false,
      holiday: 'Christmas Day',
      periodEnds: [],
    });
    const status = emea().periodEndStatus(london('2026-12-25T12:00'));
    expect(status.windows.map((w) => w.period)).toEqual(['quarter', 'year']);
  });

  it('is not in a window before the first window day opens, nor after the last one closes', () => {
    expect(emea().periodEndStatus(london('2026-12-23T06:59')).inWindow).toBe(false);
    expect(emea().periodEndStatus(london('2026-12-23T07:00')).inWindow).toBe(true);
    expect(emea().periodEndStatus(london('2026-12-31T20:00'))).toEqual({
      inWindow: false,
      windows: [],
      until: null,
    });
    expect(emea().periodEndStatus(london('2026-12-22T12:00')).inWindow).toBe(false);
  });

  it('adds business minutes through the extended evening', () => {
    expect(show(LONDON, emea().addBusinessMinutes(london('2026-12-31T19:30'), 60))).toBe(
      '2027-01-04T08:30:00.000+00:00',
    );
    expect(emea().businessMinutesBetween(london('2026-12-30T00:00'), london('2026-12-31T00:00'))).toBe(
      13 * 60,
    );
  });
});

describe('month end', () => {
  it('on a Saturday: the window is the last three business days before it (Wed–Fri)', () => {
    // 31 January 2026 is a Saturday
    expect(
      ['2026-01-27', '2026-01-28', '2026-01-29', '2026-01-30', '2026-01-31'].map(
        (d) => emea().day(d).periodEnds,
      ),
    ).toEqual([[], ['month'], ['month'], ['month'], []]);
    const status = emea().periodEndStatus(london('2026-01-31T12:00'));
    expect(status.inWindow).toBe(false);
  });

  it('on a Sunday after a bank holiday Monday: the window skips the holiday (May 2026)', () => {
    // 31 May 2026 is a Sunday; 25 May is the Spring bank holiday
    expect(
      ['2026-05-26', '2026-05-27', '2026-05-28', '2026-05-29'].map((d) => emea().day(d).periodEnds),
    ).toEqual([[], ['month'], ['month'], ['month']]);
  });

  it('a weekend between window days is inside the window: paused until the last day closes', () => {
    // Q1 2026: the last five business days are 25, 26, 27, 30, 31 March
    const status = emea().periodEndStatus(london('2026-03-28T12:00'));
    expect(status.windows.map((w) => [w.period, w.firstDay, w.lastDay])).toEqual([
      ['month', '2026-03-27', '2026-03-31'],
      ['quarter', '2026-03-25', '2026-03-31'],
    ]);
    expect(show(LONDON, status.until ?? new Date(0))).toBe('2026-03-31T20:00:00.000+01:00');
    // the weekend itself stays closed
    expect(emea().isOpen(london('2026-03-28T12:00'))).toBe(false);
  });

  it('a Friday 16:45 submission in a window starts at once (no cut-off)', () => {
    expect(emea().clockStart(london('2026-03-27T16:45'))).toEqual(london('2026-03-27T16:45'));
  });
});

describe('fiscal year starting in February', () => {
  const fiscal = createBusinessCalendar({
    timeZone: LONDON,
    holidays: { countries: ['GB-ENG'] },
    periodEnd: { fiscalYearStartMonth: 2 },
  });

  it('moves quarter ends to April, July, October and January', () => {
    expect(fiscal.day('2026-03-31').periodEnds).toEqual(['month']);
    expect(fiscal.day('2026-04-30').periodEnds).toEqual(['month', 'quarter']);
    expect(fiscal.day('2026-07-31').periodEnds).toEqual(['month', 'quarter']);
    expect(fiscal.day('2026-10-30').periodEnds).toEqual(['month', 'quarter']);
    expect(fiscal.day('2026-12-31').periodEnds).toEqual(['month']);
  });

  it('ends the fiscal year on 31 January, named after the year it ends in', () => {
    // 31 January 2027 is a Sunday: the year window is 25–29 January
    const status = fiscal.periodEndStatus(london('2027-01-25T12:00'));
    expect(
      status.windows.map((w) => [
        w.period,
        w.periodEndDate,
        w.fiscalYear,
        w.fiscalQuarter,
        w.firstDay,
        w.lastDay,
      ]),
    ).toEqual([
      ['quarter', '2027-01-31', 2027, 4, '2027-01-25', '2027-01-29'],
      ['year', '2027-01-31', 2027, 4, '2027-01-25', '2027-01-29'],
    ]);
    expect(
      fiscal
        .periodEndStatus(london('2026-04-30T12:00'))
        .windows.map((w) => [w.period, w.fiscalYear, w.fiscalQuarter]),
    ).toEqual([
      ['month', 2027, 1],
      ['quarter', 2027, 1],
    ]);
  });
});

describe('configurable windows', () => {
  it('0 business days switches a window off; larger windows start earlier', () => {
    const calendar = createBusinessCalendar({
      timeZone: LONDON,
      periodEnd: {
        windowBusinessDays: { month: 0, quarter: 10, year: 0 },
        extendedHours: { opens: '06:00', closes: '22:00' },
      },
    });
    expect(calendar.day('2026-01-30').periodEnds).toEqual([]);
    expect(calendar.day('2026-03-18').periodEnds).toEqual(['quarter']);
    expect(calendar.day('2026-03-17').periodEnds).toEqual([]);
    expect(show(LONDON, calendar.day('2026-03-18').opens ?? new Date(0))).toBe(
      '2026-03-18T06:00:00.000+00:00',
    );
  });
});
