// Business calendars per region: hours, holidays, cut-off, period ends and business-minute arithmetic.

export type { BusinessCalendar, BusinessDay } from './business-calendar.ts';
export { createBusinessCalendar } from './business-calendar.ts';
export type { RegionCalendarConfig, RegionCalendarConfigInput } from './config.ts';
export {
  DEFAULT_CUTOFF,
  DEFAULT_EXTENDED_HOURS,
  DEFAULT_FISCAL_YEAR_START_MONTH,
  DEFAULT_WINDOW_BUSINESS_DAYS,
  DEFAULT_WORKING_DAYS,
  defaultRegionCalendarConfigs,
  RegionCalendarConfigSchema,
  regionCalendarConfigSchema,
} from './config.ts';
export type { PeriodKind } from './fiscal-periods.ts';
export { PERIOD_KINDS } from './fiscal-periods.ts';
export type { PeriodEndStatus, PeriodEndWindow } from './period-end.ts';
export { createRegionCalendars, defaultRegionCalendars } from './region-calendars.ts';
