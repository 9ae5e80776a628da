// Hand-written cases: opening hours, the 16:30 cut-off, weekends, holidays, business-minute sums.

import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../src/domain/calendar/business-calendar.ts';
import { calendarOf, local, show } from './helpers.ts';

const LONDON = 'Europe/London';
const LA = 'America/Los_Angeles';
const emea = () => calendarOf('EMEA');
const amer = () => calendarOf('AMER');
const london = (text: string) => local(LONDON, text);

describe('clock start (cut-off 16:30)', () => {
  it('Friday 16:45 in London starts the clock on Monday 08:00', () => {
    expect(show(LONDON, emea().clockStart(london('2026-03-13T16:45')))).toBe('2026-03-16T08:00:00.000+00:00');
  });

  it('16:29 starts now, 16:31 starts at the next opening', () => {
    expect(emea().clockStart(london('2026-06-10T16:29'))).toEqual(london('2026-06-10T16:29'));
    expect(show(LONDON, emea().clockStart(london('2026-06-10T16:31')))).toBe('2026-06-11T08:00:00.000+01:00');
  });

  it('exactly 16:30:00 is on time; one millisecond later is late', () => {
    expect(emea().clockStart(london('2026-06-10T16:30:00.000'))).toEqual(london('2026-06-10T16:30'));
    expect(show(LONDON, emea().clockStart(london('2026-06-10T16:30:00.001')))).toBe(
      '2026-06-11T08:00:00.000+01:00',
    );
  });

  it('before opening starts at that morning’s opening, after closing at the next one', () => {
    expect(show(LONDON, emea().clockStart(london('2026-06-10T06:12')))).toBe('2026-06-10T08:00:00.000+01:00');
    expect(show(LONDON, emea().clockStart(london('2026-06-10T23:59')))).toBe('2026-06-11T08:00:00.000+01:00');
    expect(show(LONDON, emea().clockStart(london('2026-06-13T11:00')))).toBe('2026-06-15T08:00:00.000+01:00');
  });

  it('keeps seconds of an on-time submission', () => {
    expect(emea().clockStart(london('2026-06-10T09:15:42.250'))).toEqual(london('2026-06-10T09:15:42.250'));
  });

  it('a late Thursday before Easter skips Good Friday, the weekend and Easter Monday', () => {
    expect(show(LONDON, emea().clockStart(london('2026-04-02T16:45')))).toBe('2026-04-07T08:00:00.000+01:00');
  });

  it('uses the configured cut-off', () => {
    const calendar = createBusinessCalendar({ timeZone: LONDON, cutoff: '15:00' });
    expect(show(LONDON, calendar.clockStart(london('2026-06-10T15:01')))).toBe(
      '2026-06-11T08:00:00.000+01:00',
    );
    expect(calendar.clockStart(london('2026-06-10T14:59'))).toEqual(london('2026-06-10T14:59'));
  });
});

describe('is open and next opening', () => {
  it('opening is inclusive, closing exclusive', () => {
    expect(emea().isOpen(london('2026-06-10T07:59:59.999'))).toBe(false);
    expect(emea().isOpen(london('2026-06-10T08:00'))).toBe(true);
    expect(emea().isOpen(london('2026-06-10T16:59:59.999'))).toBe(true);
    expect(emea().isOpen(london('2026-06-10T17:00'))).toBe(false);
  });

  it('AMER opens at 07:00 Los Angeles time', () => {
    expect(amer().isOpen(local(LA, '2026-06-10T07:00'))).toBe(true);
    expect(amer().isOpen(local(LA, '2026-06-10T06:59'))).toBe(false);
    expect(show(LA, amer().nextOpening(local(LA, '2026-06-12T17:00')))).toBe('2026-06-15T07:00:00.000-07:00');
  });

  it('next opening of an open instant is the instant itself', () => {
    const t = london('2026-06-10T10:00:30');
    expect(emea().nextOpening(t)).toEqual(t);
  });

  it('skips a holiday Monday: UK Easter Monday 2026 and US Labor Day 2026', () => {
    expect(emea().isOpen(london('2026-04-06T10:00'))).toBe(false);
    expect(show(LONDON, emea().nextOpening(london('2026-04-06T10:00')))).toBe(
      '2026-04-07T08:00:00.000+01:00',
    );
    expect(amer().isOpen(local(LA, '2026-09-07T10:00'))).toBe(false);
    expect(show(LA, amer().nextOpening(local(LA, '2026-09-04T17:00')))).toBe('2026-09-08T07:00:00.000-07:00');
    expect(show(LA, amer().clockStart(local(LA, '2026-09-04T16:45')))).toBe('2026-09-08T07:00:00.000-07:00');
  });
});

describe('adding business minutes', () => {
  it('crosses the evening and the weekend', () => {
    // Friday 16:00 + 120 min: 60 on Friday, 60 on Monday
    expect(show(LONDON, emea().addBusinessMinutes(london('2026-06-12T16:00'), 120))).toBe(
      '2026-06-15T09:00:00.000+01:00',
    );
  });

  it('crosses Easter (two holidays and a weekend)', () => {
    expect(show(LONDON, emea().addBusinessMinutes(london('2026-04-02T16:00'), 120))).toBe(
      '2026-04-07T09:00:00.000+01:00',
    );
  });

  it('0 minutes from a closed instant is the next opening, from an open instant the instant', () => {
    expect(show(LONDON, emea().addBusinessMinutes(london('2026-06-13T09:00'), 0))).toBe(
      '2026-06-15T08:00:00.000+01:00',
    );
    expect(emea().addBusinessMinutes(london('2026-06-12T09:00'), 0)).toEqual(london('2026-06-12T09:00'));
  });

  it('a result exactly at closing time stays at the close', () => {
    expect(show(LONDON, emea().addBusinessMinutes(london('2026-06-12T16:00'), 60))).toBe(
      '2026-06-12T17:00:00.000+01:00',
    );
    expect(show(LONDON, emea().addBusinessMinutes(london('2026-06-12T16:00'), 61))).toBe(
      '2026-06-15T08:01:00.000+01:00',
    );
  });

  it('counts from inside a minute: 09:00:30 + 10 = 09:10:30', () => {
    expect(emea().addBusinessMinutes(london('2026-06-10T09:00:30'), 10)).toEqual(
      london('2026-06-10T09:10:30'),
    );
  });

  it('a business week is five nine-hour days', () => {
    expect(show(LONDON, emea().addBusinessMinutes(london('2026-06-08T08:00'), 5 * 9 * 60))).toBe(
      '2026-06-12T17:00:00.000+01:00',
    );
  });

  it('rejects negative, fractional and non-finite minutes and invalid dates', () => {
    const t = london('2026-06-10T09:00');
    expect(() => emea().addBusinessMinutes(t, -1)).toThrow(RangeError);
    expect(() => emea().addBusinessMinutes(t, 1.5)).toThrow(/whole number/);
    expect(() => emea().addBusinessMinutes(t, Number.NaN)).toThrow(RangeError);
    expect(() => emea().isOpen(new Date(Number.NaN))).toThrow(/valid Date/);
  });
});

describe('business minutes between', () => {
  it('counts only open minutes', () => {
    expect(emea().businessMinutesBetween(london('2026-06-12T16:00'), london('2026-06-15T09:00'))).toBe(120);
    expect(emea().businessMinutesBetween(london('2026-06-13T00:00'), london('2026-06-14T23:59'))).toBe(0);
  });

  it('is negative when the end is before the start, and 0 for equal instants', () => {
    expect(emea().businessMinutesBetween(london('2026-06-15T09:00'), london('2026-06-12T16:00'))).toBe(-120);
    const t = london('2026-06-10T10:00');
    expect(Object.is(emea().businessMinutesBetween(t, t), 0)).toBe(true);
    expect(
      Object.is(emea().businessMinutesBetween(london('2026-06-14T10:00'), london('2026-06-13T10:00')), 0),
    ).toBe(true);
  });

  it('truncates partial minutes towards zero', () => {
    expect(emea().businessMinutesBetween(london('2026-06-10T09:00:00'), london('2026-06-10T09:01:59'))).toBe(
      1,
    );
    expect(emea().businessMinutesBetween(london('2026-06-10T09:01:59'), london('2026-06-10T09:00:00'))).toBe(
      -1,
    );
  });

  it('stays cheap over years (day by day, not minute by minute)', () => {
    const started = performance.now();
    const minutes = emea().businessMinutesBetween(london('2025-01-01T00:00'), london('2028-12-31T23:59'));
    expect(performance.now() - started).toBeLessThan(2_000);
    // 4 years of working days at 9 h, plus extended hours on period-end days: sanity bounds
    expect(minutes).toBeGreaterThan(990 * 9 * 60);
    expect(minutes).toBeLessThan(1_030 * 13 * 60);
  });
});

describe('local dates', () => {
  it('are in the region’s zone', () => {
    expect(calendarOf('APAC').localDate(new Date('2026-06-10T20:00:00Z'))).toBe('2026-06-11');
    expect(amer().localDate(new Date('2026-06-11T03:00:00Z'))).toBe('2026-06-10');
  });

  it('describe a day', () => {
    expect(emea().day('2026-04-06')).toMatchObject({
      weekday: 1,
      holiday: 'Easter Monday',
      business: false,
      opens: null,
    });
    const day = emea().day('2026-06-10');
    expect(day).toMatchObject({ weekday: 3, holiday: null, business: true, periodEnds: [] });
    expect(show(LONDON, day.opens ?? new Date(0))).toBe('2026-06-10T08:00:00.000+01:00');
    expect(show(LONDON, day.cutoff ?? new Date(0))).toBe('2026-06-10T16:30:00.000+01:00');
    expect(() => emea().day('2026-02-30')).toThrow(RangeError);
  });
});
