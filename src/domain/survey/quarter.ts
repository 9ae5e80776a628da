// Fiscal quarters as the survey names them: "2026-Q4" is the fourth quarter of fiscal year 2026 in a
// region's calendar (the fiscal year is named after the calendar year in which it ends, and starts
// on the month the region's `periodEnd.fiscalYearStartMonth` says).

import { formatIsoDate, parseIsoDate } from '../calendar/civil-date.ts';
import { periodContaining } from '../calendar/fiscal-periods.ts';

export interface FiscalQuarter {
  /** e.g. 2026-Q4 */
  key: string;
  fiscalYear: number;
  /** 1–4 */
  quarter: number;
  /** First and last local dates, YYYY-MM-DD. */
  firstDate: string;
  lastDate: string;
}

const QUARTER_KEY = /^(\d{4})-Q([1-4])$/;

export function quarterKey(fiscalYear: number, quarter: number): string {
  return `${String(fiscalYear).padStart(4, '0')}-Q${quarter}`;
}

/** Reads a quarter key back; null when it is not one. */
export function parseQuarterKey(key: string): { fiscalYear: number; quarter: number } | null {
  const match = QUARTER_KEY.exec(key);
  if (!match) return null;
  return { fiscalYear: Number(match[1]), quarter: Number(match[2]) };
}

/** "Q4 FY2026", for people. */
export function quarterLabel(key: string): string {
  const parsed = parseQuarterKey(key);
  return parsed ? `Q${parsed.quarter} FY${parsed.fiscalYear}` : key;
}

function dayOf(date: string): number {
  const day = parseIsoDate(date);
  if (day === null) throw new RangeError(`"${date}" is not a date YYYY-MM-DD`);
  return day;
}

function fromDay(day: number, fiscalYearStartMonth: number): FiscalQuarter {
  const period = periodContaining('quarter', day, fiscalYearStartMonth);
  return {
    key: quarterKey(period.fiscalYear, period.fiscalQuarter),
    fiscalYear: period.fiscalYear,
    quarter: period.fiscalQuarter,
    firstDate: formatIsoDate(period.firstDay),
    lastDate: formatIsoDate(period.lastDay),
  };
}

/** The fiscal quarter containing a local date (YYYY-MM-DD). */
export function quarterContaining(date: string, fiscalYearStartMonth: number): FiscalQuarter {
  return fromDay(dayOf(date), fiscalYearStartMonth);
}

export function previousQuarter(quarter: FiscalQuarter, fiscalYearStartMonth: number): FiscalQuarter {
  return fromDay(dayOf(quarter.firstDate) - 1, fiscalYearStartMonth);
}

export function nextQuarter(quarter: FiscalQuarter, fiscalYearStartMonth: number): FiscalQuarter {
  return fromDay(dayOf(quarter.lastDate) + 1, fiscalYearStartMonth);
}

/** The local date `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  return formatIsoDate(dayOf(date) + days);
}
