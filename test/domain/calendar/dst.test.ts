// Hand-written DST cases: the Sundays of the changes in Sydney, London and Los Angeles, the
// business day after, 23- and 25-hour days, and opening/cut-off times inside a gap or a repeat.

import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../src/domain/calendar/business-calendar.ts';
import { calendarOf, local, show } from './helpers.ts';

const SYDNEY = 'Australia/Sydney';
const LONDON = 'Europe/London';
const LA = 'America/Los_Angeles';

describe('Sydney (DST ends first Sunday of April, starts first Sunday of October)', () => {
  const apac = () => calendarOf('APAC');

  it('Friday before the April change to the Monday after: the 25-hour Sunday adds nothing', () => {
    // 2025-04-06 03:00 AEDT → 02:00 AEST. Friday 16:00 +11:00, Monday 09:00 +10:00.
    expect(
      apac().businessMinutesBetween(local(SYDNEY, '2025-04-04T16:00'), local(SYDNEY, '2025-04-07T09:00')),
    ).toBe(120);
    expect(show(SYDNEY, apac().nextOpening(local(SYDNEY, '2025-04-06T02:30')))).toBe(
      '2025-04-07T08:00:00.000+10:00',
    );
    expect(apac().nextOpening(local(SYDNEY, '2025-04-05T12:00')).toISOString()).toBe(
      '2025-04-06T22:00:00.000Z',
    );
  });

  it('the business day after the October change opens at 08:00 AEDT (Labour Day Monday is skipped)', () => {
    // 2025-10-05 02:00 AEST → 03:00 AEDT; Monday 2025-10-06 is Labour Day in NSW.
    expect(apac().day('2025-10-06').holiday).toBe('Labour Day');
    expect(show(SYDNEY, apac().clockStart(local(SYDNEY, '2025-10-03T16:45')))).toBe(
      '2025-10-07T08:00:00.000+11:00',
    );
    expect(apac().addBusinessMinutes(local(SYDNEY, '2025-10-03T16:00'), 90).toISOString()).toBe(
      '2025-10-06T21:30:00.000Z',
    );
  });

  it('a desk open around the clock counts 25 hours on the April Sunday and 23 on the October Sunday', () => {
    const allDay = createBusinessCalendar({
      timeZone: SYDNEY,
      workingDays: [1, 2, 3, 4, 5, 6, 7],
      opens: '00:00',
      closes: '23:59',
      cutoff: '23:59',
      periodEnd: { windowBusinessDays: { month: 0, quarter: 0, year: 0 } },
    });
    const day = (date: string) => allDay.day(date);
    const minutes = (date: string) =>
      allDay.businessMinutesBetween(day(date).opens ?? new Date(0), day(date).closes ?? new Date(0));
    expect(minutes('2026-04-05')).toBe(25 * 60 - 1);
    expect(minutes('2026-10-04')).toBe(23 * 60 - 1);
    expect(minutes('2026-10-05')).toBe(24 * 60 - 1);
  });
});

describe('London (last Sunday of March and of October)', () => {
  const emea = () => calendarOf('EMEA');

  it('opens in the new offset after both changes (late-March days tend to be period-end days: 07:00)', () => {
    // 2027: Easter Monday 29 March is a holiday; Tuesday 30 is in the quarter-end window (07:00 BST)
    expect(emea().nextOpening(local(LONDON, '2027-03-28T12:00')).toISOString()).toBe(
      '2027-03-30T06:00:00.000Z',
    );
    // 2026: Monday 30 March is in the month- and quarter-end windows (07:00 BST)
    expect(emea().nextOpening(local(LONDON, '2026-03-29T12:00')).toISOString()).toBe(
      '2026-03-30T06:00:00.000Z',
    );
    expect(emea().nextOpening(local(LONDON, '2026-10-25T12:00')).toISOString()).toBe(
      '2026-10-26T08:00:00.000Z',
    );
    expect(
      emea().businessMinutesBetween(local(LONDON, '2026-10-23T16:00'), local(LONDON, '2026-10-26T09:00')),
    ).toBe(120);
  });
});

describe('Los Angeles (second Sunday of March, first Sunday of November)', () => {
  const amer = () => calendarOf('AMER');

  it('the Sunday of the change is closed and Monday opens at 07:00 in the new offset', () => {
    expect(amer().isOpen(local(LA, '2026-03-08T10:00'))).toBe(false);
    expect(show(LA, amer().nextOpening(local(LA, '2026-03-08T01:59')))).toBe('2026-03-09T07:00:00.000-07:00');
    expect(show(LA, amer().nextOpening(local(LA, '2026-11-01T01:30')))).toBe('2026-11-02T07:00:00.000-08:00');
  });

  it('business minutes across the changes count wall-clock hours, not elapsed hours', () => {
    expect(amer().businessMinutesBetween(local(LA, '2026-03-06T07:00'), local(LA, '2026-03-09T17:00'))).toBe(
      1200,
    );
    // Friday 30 October 2026 is a month-end day: 07:00–20:00 (780) + Monday 07:00–17:00 (600)
    expect(amer().businessMinutesBetween(local(LA, '2026-10-30T07:00'), local(LA, '2026-11-02T17:00'))).toBe(
      1380,
    );
    expect(amer().businessMinutesBetween(local(LA, '2027-11-05T07:00'), local(LA, '2027-11-08T17:00'))).toBe(
      1200,
    );
    expect(show(LA, amer().addBusinessMinutes(local(LA, '2026-03-06T16:30'), 60))).toBe(
      '2026-03-09T07:30:00.000-07:00',
    );
  });
});

describe('opening and cut-off times inside a DST gap or repeat', () => {
  const night = createBusinessCalendar({
    timeZone: LA,
    workingDays: [1, 2, 3, 4, 5, 6, 7],
    opens: '02:30',
    closes: '09:00',
    cutoff: '02:45',
    periodEnd: {
      windowBusinessDays: { month: 0, quarter: 0, year: 0 },
      extendedHours: { opens: '01:00', closes: '10:00' },
    },
  });
  const utc = (iso: string) => new Date(iso);

  it('an opening time that does not exist opens when the clocks jump (03:00 PDT), not 03:30 as luxon would shift it', () => {
    // 2026-03-08: 02:00 PST → 03:00 PDT at 10:00Z
    expect(
      DateTime.fromObject({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, { zone: LA }).toISO(),
    ).toBe('2026-03-08T03:30:00.000-07:00');
    expect(night.day('2026-03-08').opens?.toISOString()).toBe('2026-03-08T10:00:00.000Z');
    expect(night.isOpen(utc('2026-03-08T09:59:59.999Z'))).toBe(false);
    expect(night.isOpen(utc('2026-03-08T10:00:00.000Z'))).toBe(true);
  });

  it('a cut-off that does not exist is the jump instant: on time exactly then, late just after', () => {
    expect(night.day('2026-03-08').cutoff?.toISOString()).toBe('2026-03-08T10:00:00.000Z');
    expect(night.clockStart(utc('2026-03-08T10:00:00.000Z')).toISOString()).toBe('2026-03-08T10:00:00.000Z');
    expect(show(LA, night.clockStart(utc('2026-03-08T10:00:00.001Z')))).toBe('2026-03-09T02:30:00.000-07:00');
  });

  it('an opening time that happens twice opens at its first occurrence', () => {
    // 2026-11-01: 02:00 PDT → 01:00 PST; 01:30 happens at 08:30Z and 09:30Z
    const fallBack = createBusinessCalendar({ ...night.config, opens: '01:30', cutoff: '08:00' });
    expect(fallBack.day('2026-11-01').opens?.toISOString()).toBe('2026-11-01T08:30:00.000Z');
    expect(fallBack.businessMinutesBetween(utc('2026-11-01T00:00Z'), utc('2026-11-02T00:00Z'))).toBe(
      8 * 60 + 30,
    );
  });

  it('both times inside one gap close the day', () => {
    const gapOnly = createBusinessCalendar({
      ...night.config,
      opens: '02:10',
      closes: '02:50',
      cutoff: '02:40',
      periodEnd: {
        windowBusinessDays: { month: 0, quarter: 0, year: 0 },
        extendedHours: { opens: '02:00', closes: '03:00' },
      },
    });
    expect(gapOnly.day('2026-03-08')).toMatchObject({ business: true, opens: null });
    expect(show(LA, gapOnly.nextOpening(utc('2026-03-08T09:00Z')))).toBe('2026-03-09T02:10:00.000-07:00');
  });
});
