// Period-end status of an instant: which month, fiscal quarter and fiscal year end windows it falls
// in. A window runs from the (extended) opening of its first business day to the (extended) close
// of its last one, so a weekend between window days is inside the window: escalations stay paused
// until the window's end.

import { formatIsoDate } from './civil-date.ts';
import type { DaySchedules } from './day-schedule.ts';
import { PERIOD_KINDS, type PeriodKind } from './fiscal-periods.ts';
import type { CalendarZone } from './zone.ts';

export interface PeriodEndWindow {
  period: PeriodKind;
  /** Last calendar day of the month, fiscal quarter or fiscal year (local date YYYY-MM-DD). */
  periodEndDate: string;
  /** The fiscal year, named after the calendar year in which it ends. */
  fiscalYear: number;
  /** The fiscal quarter (1–4) the period ends; for a year, 4. */
  fiscalQuarter: number;
  /** First and last business days of the window (local dates YYYY-MM-DD). */
  firstDay: string;
  lastDay: string;
  /** Opening of the first window day and close of the last one (extended hours). */
  start: Date;
  end: Date;
}

export interface PeriodEndStatus {
  /** True when the instant is inside at least one period-end window. */
  inWindow: boolean;
  /** The windows containing the instant, month before quarter before year. */
  windows: PeriodEndWindow[];
  /** The latest end among those windows; null when not in a window. */
  until: Date | null;
}

export function periodEndStatusAt(t: number, zone: CalendarZone, days: DaySchedules): PeriodEndStatus {
  const day = zone.localDay(t);
  const windows: PeriodEndWindow[] = [];
  for (const kind of PERIOD_KINDS) {
    const window = days.windowOf(kind, day);
    if (!window) continue;
    const start = days.schedule(window.firstDay).hours?.opens;
    const end = days.schedule(window.lastDay).hours?.closes;
    if (start === undefined || end === undefined || t < start || t >= end) continue;
    windows.push({
      period: kind,
      periodEndDate: formatIsoDate(window.period.lastDay),
      fiscalYear: window.period.fiscalYear,
      fiscalQuarter: window.period.fiscalQuarter,
      firstDay: formatIsoDate(window.firstDay),
      lastDay: formatIsoDate(window.lastDay),
      start: new Date(start),
      end: new Date(end),
    });
  }
  const until = windows.reduce<number | null>((latest, w) => Math.max(latest ?? 0, w.end.getTime()), null);
  return { inWindow: windows.length > 0, windows, until: until === null ? null : new Date(until) };
}
