// Months, fiscal quarters and fiscal years as ranges of local dates (day numbers). The fiscal
// year starts on the first day of a configurable month; quarters are its four three-month thirds.
// A fiscal year is named after the calendar year in which it ends: with a February start,
// FY2027 runs from 1 February 2026 to 31 January 2027 (a January start makes FY = calendar year).

import { addMonths, civilDate, monthBounds } from './civil-date.ts';

export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface FiscalPeriod {
  kind: PeriodKind;
  /** First and last local dates of the period, as day numbers. */
  firstDay: number;
  lastDay: number;
  /** The fiscal year the period belongs to, named after the calendar year in which it ends. */
  fiscalYear: number;
  /** The fiscal quarter (1–4) the period belongs to; for a year, 4 (the quarter it ends with). */
  fiscalQuarter: number;
}

/** The month, fiscal quarter or fiscal year containing a local date. */
export function periodContaining(kind: PeriodKind, day: number, fiscalYearStartMonth: number): FiscalPeriod {
  const { year, month } = civilDate(day);
  const monthsIntoYear = (((month - fiscalYearStartMonth) % 12) + 12) % 12;
  const yearStart = addMonths(year, month, -monthsIntoYear);
  const yearEnd = addMonths(yearStart.year, yearStart.month, 11);
  const fiscalQuarter = Math.floor(monthsIntoYear / 3) + 1;
  let first = { year, month };
  let last = { year, month };
  if (kind === 'quarter') {
    first = addMonths(year, month, -(monthsIntoYear % 3));
    last = addMonths(first.year, first.month, 2);
  } else if (kind === 'year') {
    first = yearStart;
    last = yearEnd;
  }
  return {
    kind,
    firstDay: monthBounds(first.year, first.month).first,
    lastDay: monthBounds(last.year, last.month).last,
    fiscalYear: yearEnd.year,
    fiscalQuarter: kind === 'year' ? 4 : fiscalQuarter,
  };
}
