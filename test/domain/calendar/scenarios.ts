// Configs and instant generators shared by the property tests: the default regions, two
// deliberately awkward calendars whose hours sit inside DST gaps and overlaps, and "anchor" days
// (DST changes, holidays, period ends, weekends at month end) around which instants are drawn, so
// the minute-stepping reference touches a bounded set of days.

import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  defaultRegionCalendarConfigs,
  type RegionCalendarConfig,
  RegionCalendarConfigSchema,
} from '../../../src/domain/calendar/config.ts';
import type { ReferenceCalendar } from './reference-calendar.ts';

export const MINUTE = 60_000;
const DAY_MINUTES = 1_440;

/** London, open every day 01:30–12:00: opening and cut-off fall in the March gap and the October repeat. */
export const LONDON_NIGHT: RegionCalendarConfig = RegionCalendarConfigSchema.parse({
  timeZone: 'Europe/London',
  workingDays: [1, 2, 3, 4, 5, 6, 7],
  opens: '01:30',
  closes: '12:00',
  cutoff: '01:45',
  holidays: { dates: ['2026-03-30', '2027-10-31'], countries: ['GB-ENG'] },
  periodEnd: {
    fiscalYearStartMonth: 2,
    windowBusinessDays: { month: 2, quarter: 4, year: 6 },
    extendedHours: { opens: '01:00', closes: '13:00' },
  },
});

/** Sydney, open every day 02:30–16:00 (02:30 repeats in April, does not exist in October), FY from July. */
export const SYDNEY_NIGHT: RegionCalendarConfig = RegionCalendarConfigSchema.parse({
  timeZone: 'Australia/Sydney',
  workingDays: [1, 2, 3, 4, 5, 6, 7],
  opens: '02:30',
  closes: '16:00',
  cutoff: '15:00',
  holidays: { dates: ['2026-10-05'], countries: ['AU-NSW'] },
  periodEnd: {
    fiscalYearStartMonth: 7,
    windowBusinessDays: { month: 1, quarter: 3, year: 0 },
    extendedHours: { opens: '02:00', closes: '18:00' },
  },
});

/** Los Angeles, Tuesday–Sunday 02:15–09:00 with the cut-off at 02:45 (inside the March gap). */
export const LOS_ANGELES_NIGHT: RegionCalendarConfig = RegionCalendarConfigSchema.parse({
  timeZone: 'America/Los_Angeles',
  workingDays: [2, 3, 4, 5, 6, 7],
  opens: '02:15',
  closes: '09:00',
  cutoff: '02:45',
  holidays: { countries: ['US'] },
  periodEnd: { extendedHours: { opens: '01:30', closes: '10:00' } },
});

export const DEFAULTS = defaultRegionCalendarConfigs;

/** Days on which the UTC offset changes, 2025–2028. */
function dstDays(zone: string): string[] {
  const days: string[] = [];
  for (let d = DateTime.fromISO('2025-01-01', { zone }); d.year <= 2028; d = d.plus({ days: 1 })) {
    if (d.startOf('day').offset !== d.endOf('day').offset) days.push(d.toISODate() ?? '');
  }
  return days;
}

/** A fixed, spread-out sample of interesting local dates for a config. */
export function anchorDays(config: RegionCalendarConfig, reference: ReferenceCalendar): string[] {
  const days = new Set<string>(dstDays(config.timeZone));
  days.add('2026-12-31');
  days.add('2027-12-31');
  // two fiscal quarter ends that are not year ends
  [2025, 2028].forEach((year, i) => {
    const month = ((config.periodEnd.fiscalYearStartMonth - 1 + 3 * (i + 1) + 2) % 12) + 1;
    days.add(reference.periodEnd('month', `${year}-${String(month).padStart(2, '0')}-01`));
  });
  // months ending on a weekend
  let weekendEnds = 0;
  for (let d = DateTime.fromISO('2025-01-31', { zone: 'utc' }); d.year <= 2028 && weekendEnds < 3; ) {
    if (d.weekday >= 6 && d.month % 2 === weekendEnds % 2) {
      days.add(d.toISODate() ?? '');
      weekendEnds++;
    }
    d = d.plus({ months: 1 }).endOf('month').startOf('day');
  }
  // a handful of holidays that are not weekends
  let holidays = 0;
  for (
    let d = DateTime.fromISO('2025-03-01', { zone: 'utc' });
    d.year <= 2028 && holidays < 4;
    d = d.plus({ days: 1 })
  ) {
    const iso = d.toISODate() ?? '';
    if (config.workingDays.includes(d.weekday) && !reference.isBusinessDay(iso)) {
      days.add(iso);
      holidays++;
      d = d.plus({ days: 230 });
    }
  }
  // and a few ordinary days
  for (const iso of ['2025-06-17', '2028-02-29']) days.add(iso);
  return [...days].sort();
}

export interface Case {
  t: number;
  minutes: number;
  end: number;
}

/** Instants near the anchors: anywhere within ±1 day, or within minutes of an opening/closing/cut-off time. */
export function instantArbitrary(config: RegionCalendarConfig, anchors: string[]): fc.Arbitrary<number> {
  const times = [
    config.opens,
    config.closes,
    config.cutoff,
    config.periodEnd.extendedHours.opens,
    config.periodEnd.extendedHours.closes,
    '00:00',
  ];
  const anchor = fc.constantFrom(...anchors);
  const millisInMinute = fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: MINUTE - 1 }));
  const anywhere = fc
    .tuple(anchor, fc.integer({ min: -DAY_MINUTES, max: DAY_MINUTES }), millisInMinute)
    .map(([iso, offset, ms]) => {
      const noon = DateTime.fromISO(`${iso}T12:00`, { zone: config.timeZone }).toMillis();
      return noon + offset * MINUTE + ms;
    });
  const nearBoundary = fc
    .tuple(
      anchor,
      fc.integer({ min: -1, max: 1 }),
      fc.constantFrom(...times),
      fc.integer({ min: -3, max: 3 }),
      millisInMinute,
    )
    .map(([iso, dayShift, time, shift, ms]) => {
      const [hour, minute] = time.split(':').map(Number);
      const local = DateTime.fromISO(iso, { zone: config.timeZone }).plus({ days: dayShift });
      const at = local.set({ hour: hour ?? 0, minute: minute ?? 0 }).toMillis();
      return at + shift * MINUTE + ms;
    });
  return fc.oneof({ arbitrary: anywhere, weight: 2 }, { arbitrary: nearBoundary, weight: 3 });
}

/** A case: an instant, a business-minute count and a second instant, for the comparison property. */
export function caseArbitrary(
  config: RegionCalendarConfig,
  anchors: string[],
  maxMinutes: number,
  minMinutes = 0,
): fc.Arbitrary<Case> {
  const minutes =
    minMinutes > 0
      ? fc.integer({ min: minMinutes, max: maxMinutes })
      : fc.oneof(
          fc.constantFrom(0, 1, 29, 30, 31, 59, 60, 61),
          fc.integer({ min: 0, max: 600 }),
          fc.integer({ min: 0, max: maxMinutes }),
        );
  const span = fc.oneof(
    fc.integer({ min: -1.5 * DAY_MINUTES, max: 1.5 * DAY_MINUTES }),
    fc.integer({ min: -90, max: 90 }),
  );
  return fc
    .record({
      t: instantArbitrary(config, anchors),
      minutes,
      span,
      ms: fc.integer({ min: 0, max: MINUTE - 1 }),
    })
    .map(({ t, minutes: n, span: s, ms }) => ({
      t,
      minutes: n,
      end: t + s * MINUTE + (ms % 2 === 0 ? 0 : ms),
    }));
}
