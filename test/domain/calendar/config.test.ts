// The calendar config schema: defaults per region and precise validation messages.

import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../src/domain/calendar/business-calendar.ts';
import {
  defaultRegionCalendarConfigs,
  RegionCalendarConfigSchema,
  regionCalendarConfigSchema,
} from '../../../src/domain/calendar/config.ts';
import { defaultRegionCalendars } from '../../../src/domain/calendar/region-calendars.ts';
import { REGIONS } from '../../../src/domain/regions.ts';

function problems(input: unknown): string[] {
  const result = RegionCalendarConfigSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('defaults', () => {
  it('each region: zone, hours and holiday country', () => {
    const summary = Object.fromEntries(
      REGIONS.map((region) => {
        const c = defaultRegionCalendarConfigs[region];
        return [region, [c.timeZone, c.opens, c.closes, c.cutoff, c.holidays.countries.join(',')]];
      }),
    );
    expect(summary).toEqual({
      APAC: ['Australia/Sydney', '08:00', '17:00', '16:30', 'AU-NSW'],
      EMEA: ['Europe/London', '08:00', '17:00', '16:30', 'GB-ENG'],
      AMER: ['America/Los_Angeles', '07:00', '17:00', '16:30', 'US'],
      LATAM: ['America/Los_Angeles', '07:00', '17:00', '16:30', 'US'],
    });
    expect(defaultRegionCalendarConfigs.EMEA.workingDays).toEqual([1, 2, 3, 4, 5]);
    expect(defaultRegionCalendarConfigs.EMEA.periodEnd).toEqual({
      fiscalYearStartMonth: 1,
      windowBusinessDays: { month: 3, quarter: 5, year: 5 },
      extendedHours: { opens: '07:00', closes: '20:00' },
    });
  });

  it('a region schema fills everything in from nothing, and the result equals the exported defaults', () => {
    for (const region of REGIONS) {
      expect(regionCalendarConfigSchema(region).parse(undefined)).toEqual(
        defaultRegionCalendarConfigs[region],
      );
      expect(regionCalendarConfigSchema(region).parse({})).toEqual(defaultRegionCalendarConfigs[region]);
    }
  });

  it('a region schema keeps what is given and defaults the rest, nested objects included', () => {
    const parsed = regionCalendarConfigSchema('APAC').parse({
      closes: '18:00',
      holidays: { dates: ['2026-12-24'] },
      periodEnd: { windowBusinessDays: { month: 2 } },
    });
    expect(parsed.timeZone).toBe('Australia/Sydney');
    expect(parsed.closes).toBe('18:00');
    expect(parsed.holidays).toEqual({ dates: ['2026-12-24'], countries: ['AU-NSW'] });
    expect(parsed.periodEnd.windowBusinessDays).toEqual({ month: 2, quarter: 5, year: 5 });
  });

  it('the generic schema needs only a time zone', () => {
    const parsed = RegionCalendarConfigSchema.parse({ timeZone: 'Asia/Singapore' });
    expect(parsed).toMatchObject({ opens: '08:00', closes: '17:00', holidays: { dates: [], countries: [] } });
    expect(problems({})).toEqual(['timeZone: Invalid input: expected string, received undefined']);
  });

  it('default calendars exist for every region', () => {
    const calendars = defaultRegionCalendars();
    expect(Object.keys(calendars).sort()).toEqual([...REGIONS].sort());
    expect(calendars.LATAM.config.timeZone).toBe('America/Los_Angeles');
  });
});

describe('validation messages', () => {
  const base = { timeZone: 'Europe/London' };

  it.each([
    [
      { timeZone: 'Europe/Londres' },
      'timeZone: must be an IANA time zone such as Europe/London, not "Europe/Londres"',
    ],
    [{ ...base, opens: '8:00' }, 'opens: must be a 24-hour time HH:mm, such as 08:00 or 16:30'],
    [{ ...base, closes: '24:00' }, 'closes: must be a 24-hour time HH:mm, such as 08:00 or 16:30'],
    [
      { ...base, opens: '17:00', closes: '08:00' },
      'closes: must be later than opens: the desk cannot close at 08:00 when it opens at 17:00',
    ],
    [
      { ...base, opens: '09:00', closes: '09:00' },
      'closes: must be later than opens: the desk cannot close at 09:00 when it opens at 09:00',
    ],
    [
      { ...base, cutoff: '18:00' },
      'cutoff: must be after opens (08:00) and no later than closes (17:00), not 18:00',
    ],
    [
      { ...base, cutoff: '08:00' },
      'cutoff: must be after opens (08:00) and no later than closes (17:00), not 08:00',
    ],
    [{ ...base, workingDays: [] }, 'workingDays: must list at least one working day'],
    [{ ...base, workingDays: [1, 8] }, 'workingDays.1: must be an ISO weekday 1 (Monday) to 7 (Sunday)'],
    [{ ...base, workingDays: [1, 2, 1] }, 'workingDays.2: lists weekday 1 twice'],
    [
      { ...base, holidays: { dates: ['2026-02-30'] } },
      'holidays.dates.0: must be a real calendar date YYYY-MM-DD, such as 2026-12-25, not "2026-02-30"',
    ],
    [
      { ...base, holidays: { dates: ['25/12/2026'] } },
      'holidays.dates.0: must be a real calendar date YYYY-MM-DD, such as 2026-12-25, not "25/12/2026"',
    ],
    [
      { ...base, holidays: { countries: ['GB-XYZ'] } },
      'holidays.countries.0: "XYZ" is not a subdivision of GB known to date-holidays',
    ],
    [
      { ...base, holidays: { countries: ['UK'] } },
      'holidays.countries.0: "UK" is not a country known to date-holidays',
    ],
    [
      { ...base, periodEnd: { fiscalYearStartMonth: 13 } },
      'periodEnd.fiscalYearStartMonth: must be a month 1 (January) to 12 (December)',
    ],
    [
      { ...base, periodEnd: { extendedHours: { opens: '09:00' } } },
      'periodEnd.extendedHours: extended hours 09:00–20:00 must include the normal hours 08:00–17:00',
    ],
    [
      { ...base, periodEnd: { extendedHours: { opens: '20:00', closes: '07:00' } } },
      'periodEnd.extendedHours.closes: must be later than extended opens: cannot close at 07:00 when opening at 20:00',
    ],
    [{ ...base, holidays: { country: ['GB'] } }, 'holidays: Unrecognized key: "country"'],
  ])('%j', (input, message) => {
    expect(problems(input)).toEqual([message]);
  });

  it('rejects window sizes that are negative, fractional or too large', () => {
    expect(problems({ ...base, periodEnd: { windowBusinessDays: { month: -1 } } })).toHaveLength(1);
    expect(problems({ ...base, periodEnd: { windowBusinessDays: { quarter: 2.5 } } })).toHaveLength(1);
    expect(problems({ ...base, periodEnd: { windowBusinessDays: { year: 21 } } })).toHaveLength(1);
  });

  it('createBusinessCalendar throws one RangeError listing every problem', () => {
    expect(() => createBusinessCalendar({ timeZone: 'Mars/Olympus', opens: '25:00' })).toThrow(
      /Invalid business calendar config: timeZone must be an IANA time zone .*; opens must be a 24-hour time/,
    );
  });
});
