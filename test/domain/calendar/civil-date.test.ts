// Day numbers and fiscal periods against luxon.

import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  civilDate,
  dayNumber,
  formatIsoDate,
  isoWeekday,
  parseIsoDate,
} from '../../../src/domain/calendar/civil-date.ts';
import { periodContaining } from '../../../src/domain/calendar/fiscal-periods.ts';

describe('day numbers', () => {
  it('agree with luxon for any date 1900–2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber(1900, 1, 1), max: dayNumber(2200, 12, 31) }), (day) => {
        const expected = DateTime.fromMillis(day * 86_400_000, { zone: 'utc' });
        expect(civilDate(day)).toEqual({ year: expected.year, month: expected.month, day: expected.day });
        expect(isoWeekday(day)).toBe(expected.weekday);
        expect(formatIsoDate(day)).toBe(expected.toISODate());
        expect(parseIsoDate(formatIsoDate(day))).toBe(day);
      }),
      { numRuns: 500 },
    );
  });

  it('parse only real dates', () => {
    expect(parseIsoDate('2028-02-29')).toBe(dayNumber(2028, 2, 29));
    expect(parseIsoDate('2027-02-29')).toBeNull();
    expect(parseIsoDate('2026-13-01')).toBeNull();
    expect(parseIsoDate('2026-1-01')).toBeNull();
    expect(parseIsoDate('1970-01-01')).toBe(0);
  });
});

describe('fiscal periods', () => {
  const period = (kind: 'month' | 'quarter' | 'year', iso: string, start: number) => {
    const p = periodContaining(kind, parseIsoDate(iso) ?? 0, start);
    return [formatIsoDate(p.firstDay), formatIsoDate(p.lastDay), p.fiscalYear, p.fiscalQuarter];
  };

  it('calendar fiscal year', () => {
    expect(period('month', '2028-02-10', 1)).toEqual(['2028-02-01', '2028-02-29', 2028, 1]);
    expect(period('quarter', '2026-05-15', 1)).toEqual(['2026-04-01', '2026-06-30', 2026, 2]);
    expect(period('year', '2026-05-15', 1)).toEqual(['2026-01-01', '2026-12-31', 2026, 4]);
  });

  it('fiscal year from February: quarters Feb–Apr, May–Jul, Aug–Oct, Nov–Jan', () => {
    expect(period('quarter', '2026-01-15', 2)).toEqual(['2025-11-01', '2026-01-31', 2026, 4]);
    expect(period('quarter', '2026-02-01', 2)).toEqual(['2026-02-01', '2026-04-30', 2027, 1]);
    expect(period('year', '2026-12-31', 2)).toEqual(['2026-02-01', '2027-01-31', 2027, 4]);
  });

  it('fiscal year from July (FY2027 = July 2026 – June 2027)', () => {
    expect(period('quarter', '2026-07-01', 7)).toEqual(['2026-07-01', '2026-09-30', 2027, 1]);
    expect(period('year', '2027-06-30', 7)).toEqual(['2026-07-01', '2027-06-30', 2027, 4]);
  });

  it('every date lies in its periods, and quarters are three months inside their year', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber(2024, 1, 1), max: dayNumber(2030, 12, 31) }),
        fc.integer({ min: 1, max: 12 }),
        (day, start) => {
          const month = periodContaining('month', day, start);
          const quarter = periodContaining('quarter', day, start);
          const year = periodContaining('year', day, start);
          for (const p of [month, quarter, year]) expect(p.firstDay <= day && day <= p.lastDay).toBe(true);
          expect(year.firstDay <= quarter.firstDay && quarter.lastDay <= year.lastDay).toBe(true);
          expect(civilDate(year.firstDay)).toMatchObject({ month: start, day: 1 });
          const quarterMonths =
            (civilDate(quarter.lastDay).month - civilDate(quarter.firstDay).month + 12) % 12;
          expect(quarterMonths).toBe(2);
          expect(civilDate(year.lastDay).year).toBe(year.fiscalYear);
        },
      ),
      { numRuns: 300 },
    );
  });
});
