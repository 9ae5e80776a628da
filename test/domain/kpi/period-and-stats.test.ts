import { describe, expect, it } from 'vitest';
import {
  inPeriod,
  kpiPeriod,
  median,
  nearestRankPercentile,
  percent,
} from '../../../src/domain/kpi/index.ts';

const LONDON = { timeZone: 'Europe/London', fiscalYearStartMonth: 1 };
const SYDNEY = { timeZone: 'Australia/Sydney', fiscalYearStartMonth: 1 };
const LOS_ANGELES = { timeZone: 'America/Los_Angeles', fiscalYearStartMonth: 1 };
const at = (iso: string) => new Date(iso);

describe('KPI periods: [start, end) at local midnights of the region', () => {
  it('gives the current and previous fiscal quarter (London: BST at the start, GMT at the end)', () => {
    const now = at('2026-11-23T10:00:00Z');
    expect(kpiPeriod('quarter', 'current', now, LONDON)).toEqual({
      kind: 'quarter',
      start: at('2026-09-30T23:00:00Z'),
      end: at('2027-01-01T00:00:00Z'),
      firstDate: '2026-10-01',
      lastDate: '2026-12-31',
      label: 'Q4 FY2026',
    });
    expect(kpiPeriod('quarter', 'previous', now, LONDON)).toMatchObject({
      start: at('2026-06-30T23:00:00Z'),
      end: at('2026-09-30T23:00:00Z'),
      label: 'Q3 FY2026',
    });
  });

  it('gives the current and previous month, across a DST change and a year end', () => {
    expect(kpiPeriod('month', 'current', at('2026-11-23T10:00:00Z'), LONDON)).toMatchObject({
      start: at('2026-11-01T00:00:00Z'),
      end: at('2026-12-01T00:00:00Z'),
      label: 'November 2026',
    });
    expect(kpiPeriod('month', 'previous', at('2026-11-23T10:00:00Z'), LONDON)).toMatchObject({
      start: at('2026-09-30T23:00:00Z'),
      end: at('2026-11-01T00:00:00Z'),
      label: 'October 2026',
    });
    expect(kpiPeriod('month', 'previous', at('2027-01-05T10:00:00Z'), LONDON)).toMatchObject({
      firstDate: '2026-12-01',
      lastDate: '2026-12-31',
      label: 'December 2026',
    });
    expect(kpiPeriod('month', 'current', at('2026-03-15T12:00:00Z'), LOS_ANGELES)).toMatchObject({
      start: at('2026-03-01T08:00:00Z'),
      end: at('2026-04-01T07:00:00Z'),
    });
  });

  it("reads the instant in the region's own zone: the last UTC afternoon of September is October in Sydney", () => {
    const now = at('2026-09-30T15:00:00Z');
    expect(kpiPeriod('quarter', 'current', now, LONDON).label).toBe('Q3 FY2026');
    expect(kpiPeriod('quarter', 'current', now, SYDNEY)).toMatchObject({
      label: 'Q4 FY2026',
      start: at('2026-09-30T14:00:00Z'),
      // Sydney is on daylight time (+11) by the end of December.
      end: at('2026-12-31T13:00:00Z'),
    });
  });

  it('follows the fiscal year start: with February, November 2026 is in Q4 FY2027 (Nov–Jan)', () => {
    const period = kpiPeriod('quarter', 'current', at('2026-11-23T10:00:00Z'), {
      timeZone: 'Europe/London',
      fiscalYearStartMonth: 2,
    });
    expect(period).toMatchObject({ firstDate: '2026-11-01', lastDate: '2027-01-31', label: 'Q4 FY2027' });
  });

  it('includes the start and excludes the end', () => {
    const period = kpiPeriod('month', 'current', at('2026-11-23T10:00:00Z'), LONDON);
    expect(inPeriod(period.start, period)).toBe(true);
    expect(inPeriod(new Date(period.end.getTime() - 1), period)).toBe(true);
    expect(inPeriod(period.end, period)).toBe(false);
  });
});

describe('order statistics', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([12.5, 3, 7, 5])).toBe(6);
    expect(median([9, 3, 7])).toBe(7);
  });

  it('takes the nearest-rank percentile: rank ⌈p/100 × n⌉ of the sorted values', () => {
    const hours = [3, 5, 7, 12.5, 4, 6, 8, 9, 10, 30];
    expect(nearestRankPercentile(hours, 90)).toBe(12.5); // rank 9 of 10
    expect(nearestRankPercentile(hours.slice(0, 8), 90)).toBe(12.5); // rank ⌈7.2⌉ = 8 of 8
    expect(nearestRankPercentile([4], 90)).toBe(4);
    expect(nearestRankPercentile([], 90)).toBeNull();
    expect(nearestRankPercentile(hours, 100)).toBe(30);
    expect(() => nearestRankPercentile(hours, 0)).toThrow(RangeError);
  });

  it('gives no percentage without a denominator', () => {
    expect(percent(7, 8)).toBe(87.5);
    expect(percent(0, 0)).toBeNull();
  });
});
