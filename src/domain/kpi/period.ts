// The reporting periods of the KPIs: the current or previous month or fiscal quarter of an instant,
// in one region's calendar (its time zone and its fiscal year start), as [start, end) instants:
// start is local midnight of the first day, end local midnight of the day after the last.

import { civilDate, formatIsoDate } from '../calendar/civil-date.ts';
import { periodContaining } from '../calendar/fiscal-periods.ts';
import { CalendarZone } from '../calendar/zone.ts';

export const KPI_PERIOD_KINDS = ['month', 'quarter'] as const;
export type KpiPeriodKind = (typeof KPI_PERIOD_KINDS)[number];
export type KpiPeriodWhich = 'current' | 'previous';

/** What a period is computed from: a region calendar's zone and fiscal year start (1–12). */
export interface PeriodCalendar {
  timeZone: string;
  fiscalYearStartMonth: number;
}

export interface KpiPeriod {
  kind: KpiPeriodKind;
  /** Local midnight of the first day (included). */
  start: Date;
  /** Local midnight of the day after the last (excluded). */
  end: Date;
  /** First and last local dates, YYYY-MM-DD. */
  firstDate: string;
  lastDate: string;
  /** "November 2026" or "Q4 FY2026" (the fiscal year is named after the calendar year it ends in). */
  label: string;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const zones = new Map<string, CalendarZone>();

function zoneOf(name: string): CalendarZone {
  let zone = zones.get(name);
  if (!zone) {
    zone = new CalendarZone(name);
    zones.set(name, zone);
  }
  return zone;
}

/** The month or fiscal quarter containing `now` in the calendar (`current`), or the one before it. */
export function kpiPeriod(
  kind: KpiPeriodKind,
  which: KpiPeriodWhich,
  now: Date,
  calendar: PeriodCalendar,
): KpiPeriod {
  const zone = zoneOf(calendar.timeZone);
  const fiscalStart = calendar.fiscalYearStartMonth;
  let period = periodContaining(kind, zone.localDay(now.getTime()), fiscalStart);
  if (which === 'previous') period = periodContaining(kind, period.firstDay - 1, fiscalStart);
  const first = civilDate(period.firstDay);
  return {
    kind,
    start: new Date(zone.instantAt(period.firstDay, 0)),
    end: new Date(zone.instantAt(period.lastDay + 1, 0)),
    firstDate: formatIsoDate(period.firstDay),
    lastDate: formatIsoDate(period.lastDay),
    label:
      kind === 'month'
        ? `${MONTHS[first.month - 1]} ${first.year}`
        : `Q${period.fiscalQuarter} FY${period.fiscalYear}`,
  };
}

/** True when the instant lies in [start, end). */
export function inPeriod(at: Date, period: { start: Date; end: Date }): boolean {
  const ms = at.getTime();
  return ms >= period.start.getTime() && ms < period.end.getTime();
}
