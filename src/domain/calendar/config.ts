// One region's business calendar as written in the desk config: time zone, working days, hours,
// the same-day cut-off, holidays and period ends. Validated with zod; every default is here.

import { IANAZone } from 'luxon';
import { z } from 'zod';
import type { Region } from '../regions.ts';
import { parseIsoDate } from './civil-date.ts';
import { holidayAreaProblem } from './holidays.ts';
import { isTimeOfDay, minutesOfDay } from './time-of-day.ts';

/** Monday to Friday, as ISO weekdays (1 = Monday … 7 = Sunday). */
export const DEFAULT_WORKING_DAYS: readonly number[] = [1, 2, 3, 4, 5];
export const DEFAULT_CUTOFF = '16:30';
export const DEFAULT_FISCAL_YEAR_START_MONTH = 1;
export const DEFAULT_WINDOW_BUSINESS_DAYS = { month: 3, quarter: 5, year: 5 } as const;
export const DEFAULT_EXTENDED_HOURS = { opens: '07:00', closes: '20:00' } as const;

const MAX_WINDOW_BUSINESS_DAYS = 20;

const TimeOfDaySchema = z
  .string()
  .refine(isTimeOfDay, { error: 'must be a 24-hour time HH:mm, such as 08:00 or 16:30' });

const TimeZoneSchema = z.string().refine((zone) => IANAZone.isValidZone(zone), {
  error: (issue) => `must be an IANA time zone such as Europe/London, not "${String(issue.input)}"`,
});

const HolidayDateSchema = z.string().refine((text) => parseIsoDate(text) !== null, {
  error: (issue) =>
    `must be a real calendar date YYYY-MM-DD, such as 2026-12-25, not "${String(issue.input)}"`,
});

const HolidayAreaSchema = z.string().check((ctx) => {
  const problem = holidayAreaProblem(ctx.value);
  if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
});

const WindowDaysSchema = (fallback: number) =>
  z.number().int().min(0).max(MAX_WINDOW_BUSINESS_DAYS).default(fallback);

interface RegionDefaults {
  opens: string;
  closes: string;
  countries: readonly string[];
}

function calendarSchema<TimeZone extends z.ZodType<string, string | undefined>>(
  timeZone: TimeZone,
  defaults: RegionDefaults,
) {
  return z
    .strictObject({
      timeZone,
      workingDays: z
        .array(
          z.number().int().min(1, { error: 'must be an ISO weekday 1 (Monday) to 7 (Sunday)' }).max(7, {
            error: 'must be an ISO weekday 1 (Monday) to 7 (Sunday)',
          }),
        )
        .min(1, { error: 'must list at least one working day' })
        .default([...DEFAULT_WORKING_DAYS]),
      opens: TimeOfDaySchema.default(defaults.opens),
      closes: TimeOfDaySchema.default(defaults.closes),
      cutoff: TimeOfDaySchema.default(DEFAULT_CUTOFF),
      holidays: z
        .strictObject({
          dates: z.array(HolidayDateSchema).default([]),
          countries: z.array(HolidayAreaSchema).default([...defaults.countries]),
        })
        .prefault({}),
      periodEnd: z
        .strictObject({
          fiscalYearStartMonth: z
            .number()
            .int()
            .min(1, { error: 'must be a month 1 (January) to 12 (December)' })
            .max(12, { error: 'must be a month 1 (January) to 12 (December)' })
            .default(DEFAULT_FISCAL_YEAR_START_MONTH),
          windowBusinessDays: z
            .strictObject({
              month: WindowDaysSchema(DEFAULT_WINDOW_BUSINESS_DAYS.month),
              quarter: WindowDaysSchema(DEFAULT_WINDOW_BUSINESS_DAYS.quarter),
              year: WindowDaysSchema(DEFAULT_WINDOW_BUSINESS_DAYS.year),
            })
            .prefault({}),
          extendedHours: z
            .strictObject({
              opens: TimeOfDaySchema.default(DEFAULT_EXTENDED_HOURS.opens),
              closes: TimeOfDaySchema.default(DEFAULT_EXTENDED_HOURS.closes),
            })
            .prefault({}),
        })
        .prefault({}),
    })
    .superRefine((config, ctx) => {
      const seen = new Set<number>();
      config.workingDays.forEach((weekday, index) => {
        if (seen.has(weekday)) {
          ctx.addIssue({
            code: 'custom',
            path: ['workingDays', index],
            message: `lists weekday ${weekday} twice`,
          });
        }
        seen.add(weekday);
      });
      // Field checks do not stop this refinement: compare times only when all of them are valid.
      const extendedTimes = [config.periodEnd.extendedHours.opens, config.periodEnd.extendedHours.closes];
      if (![config.opens, config.closes, config.cutoff, ...extendedTimes].every(isTimeOfDay)) return;
      const opens = minutesOfDay(config.opens);
      const closes = minutesOfDay(config.closes);
      const cutoff = minutesOfDay(config.cutoff);
      if (closes <= opens) {
        ctx.addIssue({
          code: 'custom',
          path: ['closes'],
          message: `must be later than opens: the desk cannot close at ${config.closes} when it opens at ${config.opens}`,
        });
      } else if (cutoff <= opens || cutoff > closes) {
        ctx.addIssue({
          code: 'custom',
          path: ['cutoff'],
          message: `must be after opens (${config.opens}) and no later than closes (${config.closes}), not ${config.cutoff}`,
        });
      }
      const extended = config.periodEnd.extendedHours;
      const windowsEnabled = Object.values(config.periodEnd.windowBusinessDays).some((days) => days > 0);
      const extendedOpens = minutesOfDay(extended.opens);
      const extendedCloses = minutesOfDay(extended.closes);
      if (extendedCloses <= extendedOpens) {
        ctx.addIssue({
          code: 'custom',
          path: ['periodEnd', 'extendedHours', 'closes'],
          message: `must be later than extended opens: cannot close at ${extended.closes} when opening at ${extended.opens}`,
        });
      } else if (windowsEnabled && closes > opens && (extendedOpens > opens || extendedCloses < closes)) {
        ctx.addIssue({
          code: 'custom',
          path: ['periodEnd', 'extendedHours'],
          message: `extended hours ${extended.opens}–${extended.closes} must include the normal hours ${config.opens}–${config.closes}`,
        });
      }
    });
}

/**
 * One region's calendar with generic defaults (08:00–17:00 Monday–Friday, cut-off 16:30, no
 * holidays, calendar fiscal year, windows 3/5/5 business days, extended hours 07:00–20:00).
 * The time zone is required; use `regionCalendarConfigSchema(region)` for the desk's regions.
 */
export const RegionCalendarConfigSchema = calendarSchema(TimeZoneSchema, {
  opens: '08:00',
  closes: '17:00',
  countries: [],
});
export type RegionCalendarConfig = z.output<typeof RegionCalendarConfigSchema>;
export type RegionCalendarConfigInput = z.input<typeof RegionCalendarConfigSchema>;

const REGION_DEFAULTS: Record<Region, RegionDefaults & { timeZone: string }> = {
  APAC: { timeZone: 'Australia/Sydney', opens: '08:00', closes: '17:00', countries: ['AU-NSW'] },
  EMEA: { timeZone: 'Europe/London', opens: '08:00', closes: '17:00', countries: ['GB-ENG'] },
  AMER: { timeZone: 'America/Los_Angeles', opens: '07:00', closes: '17:00', countries: ['US'] },
  // The LATAM desk is worked from the Americas team's office (same zone and holidays by default).
  LATAM: { timeZone: 'America/Los_Angeles', opens: '07:00', closes: '17:00', countries: ['US'] },
};

/**
 * The calendar schema for one of the desk's regions: every field, the whole object included, may be
 * left out and takes that region's default (zone, hours and holiday country). For embedding in
 * the desk config: `calendar: regionCalendarConfigSchema('EMEA')`.
 */
export function regionCalendarConfigSchema(region: Region) {
  const defaults = REGION_DEFAULTS[region];
  return calendarSchema(TimeZoneSchema.default(defaults.timeZone), defaults).prefault({});
}

function defaultConfig(region: Region): RegionCalendarConfig {
  const { timeZone, opens, closes, countries } = REGION_DEFAULTS[region];
  return {
    timeZone,
    workingDays: [...DEFAULT_WORKING_DAYS],
    opens,
    closes,
    cutoff: DEFAULT_CUTOFF,
    holidays: { dates: [], countries: [...countries] },
    periodEnd: {
      fiscalYearStartMonth: DEFAULT_FISCAL_YEAR_START_MONTH,
      windowBusinessDays: { ...DEFAULT_WINDOW_BUSINESS_DAYS },
      extendedHours: { ...DEFAULT_EXTENDED_HOURS },
    },
  };
}

/** The default calendar config of every region (what an empty `calendar:` section parses to). */
export const defaultRegionCalendarConfigs: Readonly<Record<Region, RegionCalendarConfig>> = {
  APAC: defaultConfig('APAC'),
  EMEA: defaultConfig('EMEA'),
  AMER: defaultConfig('AMER'),
  LATAM: defaultConfig('LATAM'),
};
