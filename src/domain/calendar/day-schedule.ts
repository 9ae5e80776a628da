// What one local date looks like for the desk: business day or not (working weekday, no holiday),
// whether it is in a period-end window, and its open hours as instants. Computed once per date
// and remembered, so walking across days costs a map lookup after the first pass.
//
// The period-end window of a month, fiscal quarter or fiscal year is its last N business days
// (counted backwards from the period's last day, skipping weekends and holidays). On those days the
// desk works its extended hours and the cut-off does not apply.

import { isoWeekday } from './civil-date.ts';
import type { RegionCalendarConfig } from './config.ts';
import { type FiscalPeriod, PERIOD_KINDS, type PeriodKind, periodContaining } from './fiscal-periods.ts';
import type { HolidayLookup } from './holidays.ts';
import { minutesOfDay } from './time-of-day.ts';
import type { CalendarZone } from './zone.ts';

export interface OpenHours {
  /** Epoch ms of the opening and closing instants; the desk is open in [opens, closes). */
  opens: number;
  closes: number;
  /** Epoch ms of the same-day cut-off; null on a period-end day (no cut-off). */
  cutoff: number | null;
}

export interface DaySchedule {
  /** The local date as a day number. */
  day: number;
  holiday: string | null;
  business: boolean;
  /** The periods whose end window includes this date (empty unless a business day). */
  periodEnds: readonly PeriodKind[];
  /** Null on a day the desk is closed. */
  hours: OpenHours | null;
}

export interface PeriodWindow {
  period: FiscalPeriod;
  /** First and last business days of the window (day numbers). */
  firstDay: number;
  lastDay: number;
}

interface WallHours {
  opens: number;
  closes: number;
}

export class DaySchedules {
  private readonly schedules = new Map<number, DaySchedule>();
  private readonly windows = new Map<string, PeriodWindow | null>();
  private readonly workingDays: ReadonlySet<number>;
  private readonly normal: WallHours;
  private readonly extended: WallHours;
  private readonly cutoff: number;

  constructor(
    private readonly config: RegionCalendarConfig,
    private readonly zone: CalendarZone,
    private readonly holidays: HolidayLookup,
  ) {
    this.workingDays = new Set(config.workingDays);
    this.normal = { opens: minutesOfDay(config.opens), closes: minutesOfDay(config.closes) };
    const extended = config.periodEnd.extendedHours;
    this.extended = { opens: minutesOfDay(extended.opens), closes: minutesOfDay(extended.closes) };
    this.cutoff = minutesOfDay(config.cutoff);
  }

  isBusinessDay(day: number): boolean {
    return this.workingDays.has(isoWeekday(day)) && this.holidays.holidayOn(day) === null;
  }

  /** The end window of the period of this kind that contains the date; null when there is none. */
  windowOf(kind: PeriodKind, day: number): PeriodWindow | null {
    const size = this.config.periodEnd.windowBusinessDays[kind];
    if (size === 0) return null;
    const period = periodContaining(kind, day, this.config.periodEnd.fiscalYearStartMonth);
    const key = `${kind}:${period.firstDay}`;
    const known = this.windows.get(key);
    if (known !== undefined) return known;
    let lastDay: number | null = null;
    let firstDay: number | null = null;
    let counted = 0;
    for (let d = period.lastDay; d >= period.firstDay && counted < size; d--) {
      if (!this.isBusinessDay(d)) continue;
      lastDay ??= d;
      firstDay = d;
      counted++;
    }
    const window = firstDay !== null && lastDay !== null ? { period, firstDay, lastDay } : null;
    this.windows.set(key, window);
    return window;
  }

  schedule(day: number): DaySchedule {
    const known = this.schedules.get(day);
    if (known) return known;
    const holiday = this.holidays.holidayOn(day);
    const business = holiday === null && this.workingDays.has(isoWeekday(day));
    const periodEnds = business
      ? PERIOD_KINDS.filter((kind) => {
          const window = this.windowOf(kind, day);
          return window !== null && day >= window.firstDay && day <= window.lastDay;
        })
      : [];
    let hours: OpenHours | null = null;
    if (business) {
      const wall = periodEnds.length > 0 ? this.extended : this.normal;
      const opens = this.zone.instantAt(day, wall.opens);
      const closes = this.zone.instantAt(day, wall.closes);
      const cutoff = periodEnds.length > 0 ? null : this.zone.instantAt(day, this.cutoff);
      // Both times inside one DST gap resolve to the same instant: the desk does not open that day.
      if (closes > opens) hours = { opens, closes, cutoff };
    }
    const schedule: DaySchedule = { day, holiday, business, periodEnds, hours };
    this.schedules.set(day, schedule);
    return schedule;
  }
}
