// When the quarterly survey goes out in one region, and when its reminder is due. The survey of a
// quarter is sent at the opening of the first business day of the next quarter, in the region's
// calendar; answers are taken until that next quarter ends (local midnight in the region's zone).

import { DateTime } from 'luxon';
import type { BusinessCalendar } from '../calendar/index.ts';
import { addDays, type FiscalQuarter, nextQuarter, previousQuarter, quarterContaining } from './quarter.ts';

export interface SurveyRound {
  /** The quarter asked about: the one before `now`'s quarter. */
  surveyed: FiscalQuarter;
  /** Requests submitted in [submittedFrom, submittedUntil) count: the surveyed quarter's local days. */
  submittedFrom: Date;
  submittedUntil: Date;
  /** The opening of the first business day of the quarter after the surveyed one. */
  opensAt: Date;
  /** Answers are refused from here on: the start of the quarter after that. */
  closesAt: Date;
  /** True once `now` has reached the opening (and the round is not closed). */
  due: boolean;
}

/** Local midnight at the start of a date, in the zone. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const start = DateTime.fromISO(date, { zone: timeZone }).startOf('day');
  if (!start.isValid) throw new RangeError(`"${date}" is not a date in ${timeZone}`);
  return start.toJSDate();
}

/** The opening of the first business day on or after `date`, within `lastDate`; null when none. */
function firstOpening(calendar: BusinessCalendar, date: string, lastDate: string): Date | null {
  for (let day = date; day <= lastDate; day = addDays(day, 1)) {
    const opens = calendar.day(day).opens;
    if (opens) return opens;
  }
  return null;
}

/** The survey round of the region's current quarter at `now`. */
export function surveyRoundAt(calendar: BusinessCalendar, now: Date): SurveyRound {
  const { timeZone, periodEnd } = calendar.config;
  const fiscalStart = periodEnd.fiscalYearStartMonth;
  const current = quarterContaining(calendar.localDate(now), fiscalStart);
  const surveyed = previousQuarter(current, fiscalStart);
  const following = nextQuarter(current, fiscalStart);
  const quarterStart = startOfLocalDay(current.firstDate, timeZone);
  const closesAt = startOfLocalDay(following.firstDate, timeZone);
  // A quarter without a single business day (a config mistake) sends at its first moment.
  const opensAt = firstOpening(calendar, current.firstDate, current.lastDate) ?? quarterStart;
  return {
    surveyed,
    submittedFrom: startOfLocalDay(surveyed.firstDate, timeZone),
    submittedUntil: quarterStart,
    opensAt,
    closesAt,
    due: now.getTime() >= opensAt.getTime() && now.getTime() < closesAt.getTime(),
  };
}

/**
 * When the reminder of a survey sent at `sentAt` is due: the opening of the `businessDays`-th business
 * day after the local date it was sent on (sent Monday, 3 business days: Thursday's opening).
 */
export function reminderDueAt(calendar: BusinessCalendar, sentAt: Date, businessDays: number): Date {
  if (!Number.isSafeInteger(businessDays) || businessDays < 1) {
    throw new RangeError(`businessDays must be a whole number of days, 1 or more (got ${businessDays})`);
  }
  let date = calendar.localDate(sentAt);
  let counted = 0;
  for (;;) {
    date = addDays(date, 1);
    const opens = calendar.day(date).opens;
    if (opens && ++counted === businessDays) return opens;
  }
}
