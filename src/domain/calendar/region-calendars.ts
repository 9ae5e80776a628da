// The business calendars of all the desk's regions, from their configs or from the defaults.

import { REGIONS, type Region } from '../regions.ts';
import { type BusinessCalendar, createBusinessCalendar } from './business-calendar.ts';
import { defaultRegionCalendarConfigs, type RegionCalendarConfigInput } from './config.ts';

/** One calendar per region. Build once and keep: each calendar remembers its holidays and days. */
export function createRegionCalendars(
  configs: Readonly<Record<Region, RegionCalendarConfigInput>>,
): Record<Region, BusinessCalendar> {
  return Object.fromEntries(
    REGIONS.map((region) => [region, createBusinessCalendar(configs[region])]),
  ) as Record<Region, BusinessCalendar>;
}

/** The default calendars: APAC Sydney, EMEA London, AMER and LATAM Los Angeles (see config.ts). */
export function defaultRegionCalendars(): Record<Region, BusinessCalendar> {
  return createRegionCalendars(defaultRegionCalendarConfigs);
}
