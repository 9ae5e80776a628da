// The business calendar of one region: is the desk open, when does it next open, business-minute
// arithmetic, when a submission's clock starts, and period-end windows.
//
// Instants are JS Dates in and out (epoch ms inside). Arithmetic is exact to the millisecond on
// whole-minute boundaries: opening and closing times are whole local minutes, and an instant inside
// a minute counts from that instant (09:00:30 + 10 business minutes = 09:10:30).
// businessMinutesBetween truncates the open time to whole minutes towards zero.

import { formatIsoDate, isoWeekday, MS_PER_MINUTE, parseIsoDate } from './civil-date.ts';
import {
  type RegionCalendarConfig,
  type RegionCalendarConfigInput,
  RegionCalendarConfigSchema,
} from './config.ts';
import { type DaySchedule, DaySchedules, type OpenHours } from './day-schedule.ts';
import type { PeriodKind } from './fiscal-periods.ts';
import { createHolidayLookup } from './holidays.ts';
import { type PeriodEndStatus, periodEndStatusAt } from './period-end.ts';
import { CalendarZone } from './zone.ts';

/** One local date as the desk sees it. */
export interface BusinessDay {
  /** YYYY-MM-DD in the region's time zone. */
  date: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** The holiday's name (a public holiday, or "Desk holiday" for a date from the config). */
  holiday: string | null;
  business: boolean;
  /** Periods whose end window includes the date: extended hours, no cut-off. */
  periodEnds: PeriodKind[];
  /** Opening, closing and cut-off instants; null when the desk is closed all day (cut-off also on period-end days). */
  opens: Date | null;
  closes: Date | null;
  cutoff: Date | null;
}

export interface BusinessCalendar {
  /** The validated config, defaults filled in. */
  readonly config: RegionCalendarConfig;
  /** True when the desk is open at the instant (opening instant included, closing instant excluded). */
  isOpen(instant: Date): boolean;
  /** The instant itself when the desk is open, otherwise the next opening. */
  nextOpening(instant: Date): Date;
  /**
   * The instant at which `minutes` business minutes have passed since `instant` (a non-negative
   * integer). 0 minutes gives nextOpening(instant). A result that lands exactly on a closing time
   * stays there (due Friday 17:00, not Monday 08:00).
   */
  addBusinessMinutes(instant: Date, minutes: number): Date;
  /**
   * Open minutes in [start, end), truncated to whole minutes. When end is before start the answer
   * is the negative of businessMinutesBetween(end, start), so `between(due, now)` is positive when
   * overdue and negative while time remains; equal instants give 0.
   */
  businessMinutesBetween(start: Date, end: Date): number;
  /**
   * When the business clock of a request submitted at `submittedAt` starts: the instant itself
   * when the desk is open and the cut-off has not passed (a submission exactly at the cut-off is on
   * time); otherwise the next opening after today's close (outside hours, weekend, holiday: the
   * next opening). On a period-end day the cut-off does not apply.
   */
  clockStart(submittedAt: Date): Date;
  /** The period-end windows containing the instant, and until when ("escalations paused until …"). */
  periodEndStatus(instant: Date): PeriodEndStatus;
  /** The region's local date of an instant, YYYY-MM-DD. */
  localDate(instant: Date): string;
  /** How the desk sees a local date (YYYY-MM-DD). */
  day(date: string): BusinessDay;
}

/** No business day for three years means a config mistake (every date a holiday), not a long weekend. */
const MAX_CLOSED_DAYS = 3 * 366;

function millis(instant: Date, name: string): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`${name} must be a valid Date`);
  return ms;
}

function dateOrNull(ms: number | null | undefined): Date | null {
  return ms === null || ms === undefined ? null : new Date(ms);
}

/** Validates the config (throwing a RangeError that lists every problem) and builds its calendar. */
export function createBusinessCalendar(input: RegionCalendarConfigInput): BusinessCalendar {
  const parsed = RegionCalendarConfigSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(calendar)';
      return `${where} ${issue.message}`;
    });
    throw new RangeError(`Invalid business calendar config: ${problems.join('; ')}`);
  }
  const config = parsed.data;
  const zone = new CalendarZone(config.timeZone);
  const days = new DaySchedules(config, zone, createHolidayLookup(config.holidays));

  /** The business day whose open interval contains `t` or is the next one after it. */
  function openDayFrom(t: number): DaySchedule & { hours: OpenHours } {
    const firstDay = zone.localDay(t) - 1;
    for (let day = firstDay; day <= firstDay + MAX_CLOSED_DAYS; day++) {
      const schedule = days.schedule(day);
      if (schedule.hours && schedule.hours.closes > t) return schedule as DaySchedule & { hours: OpenHours };
    }
    throw new RangeError(
      `The ${config.timeZone} calendar has no business day in the ${MAX_CLOSED_DAYS} days after ${formatIsoDate(firstDay)}`,
    );
  }

  function nextOpeningMs(t: number): number {
    return Math.max(t, openDayFrom(t).hours.opens);
  }

  function businessMsBetween(start: number, end: number): number {
    let total = 0;
    const lastDay = zone.localDay(end) + 1;
    for (let day = zone.localDay(start) - 1; day <= lastDay; day++) {
      const hours = days.schedule(day).hours;
      if (!hours) continue;
      const overlap = Math.min(end, hours.closes) - Math.max(start, hours.opens);
      if (overlap > 0) total += overlap;
    }
    return total;
  }

  return {
    config,

    isOpen(instant) {
      const t = millis(instant, 'instant');
      return openDayFrom(t).hours.opens <= t;
    },

    nextOpening(instant) {
      return new Date(nextOpeningMs(millis(instant, 'instant')));
    },

    addBusinessMinutes(instant, minutes) {
      const t = millis(instant, 'instant');
      if (!Number.isSafeInteger(minutes) || minutes < 0) {
        throw new RangeError(`minutes must be a whole number of minutes, 0 or more (got ${minutes})`);
      }
      if (minutes === 0) return new Date(nextOpeningMs(t));
      let remaining = minutes * MS_PER_MINUTE;
      let cursor = t;
      for (;;) {
        const { hours } = openDayFrom(cursor);
        const from = Math.max(cursor, hours.opens);
        const available = hours.closes - from;
        if (remaining <= available) return new Date(from + remaining);
        remaining -= available;
        cursor = hours.closes;
      }
    },

    businessMinutesBetween(start, end) {
      const a = millis(start, 'start');
      const b = millis(end, 'end');
      if (b >= a) return Math.trunc(businessMsBetween(a, b) / MS_PER_MINUTE);
      return 0 - Math.trunc(businessMsBetween(b, a) / MS_PER_MINUTE);
    },

    clockStart(submittedAt) {
      const t = millis(submittedAt, 'submittedAt');
      const { hours } = openDayFrom(t);
      if (t < hours.opens) return new Date(hours.opens);
      if (hours.cutoff === null || t <= hours.cutoff) return new Date(t);
      return new Date(openDayFrom(hours.closes).hours.opens);
    },

    periodEndStatus(instant) {
      return periodEndStatusAt(millis(instant, 'instant'), zone, days);
    },

    localDate(instant) {
      return formatIsoDate(zone.localDay(millis(instant, 'instant')));
    },

    day(date) {
      const day = parseIsoDate(date);
      if (day === null) throw new RangeError(`"${date}" is not a date YYYY-MM-DD`);
      const schedule = days.schedule(day);
      return {
        date,
        weekday: isoWeekday(day),
        holiday: schedule.holiday,
        business: schedule.business,
        periodEnds: [...schedule.periodEnds],
        opens: dateOrNull(schedule.hours?.opens),
        closes: dateOrNull(schedule.hours?.closes),
        cutoff: dateOrNull(schedule.hours?.cutoff),
      };
    },
  };
}
