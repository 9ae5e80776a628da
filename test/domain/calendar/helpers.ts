// Small helpers for the hand-written calendar tests: local wall times to Dates and back.

import { DateTime } from 'luxon';
import {
  type BusinessCalendar,
  createBusinessCalendar,
} from '../../../src/domain/calendar/business-calendar.ts';
import { defaultRegionCalendarConfigs } from '../../../src/domain/calendar/config.ts';
import type { Region } from '../../../src/domain/regions.ts';

export const ZONES: Record<Region, string> = {
  APAC: 'Australia/Sydney',
  EMEA: 'Europe/London',
  AMER: 'America/Los_Angeles',
  LATAM: 'America/Los_Angeles',
};

const calendars = new Map<Region, BusinessCalendar>();

/** The default calendar of a region (built once per test file). */
export function calendarOf(region: Region): BusinessCalendar {
  let calendar = calendars.get(region);
  if (!calendar) {
    calendar = createBusinessCalendar(defaultRegionCalendarConfigs[region]);
    calendars.set(region, calendar);
  }
  return calendar;
}

/** A local wall time ('2026-03-13T16:45', seconds allowed) in a zone, as a Date. Throws on DST gap times. */
export function local(zone: string, text: string): Date {
  const dt = DateTime.fromISO(text, { zone });
  if (!dt.isValid) throw new Error(`bad local time ${text}`);
  return dt.toJSDate();
}

/** A Date shown as local wall time with offset in a zone: 2026-03-16T08:00:00.000+00:00. */
export function show(zone: string, date: Date): string {
  return DateTime.fromJSDate(date, { zone }).toISO() ?? 'invalid';
}
