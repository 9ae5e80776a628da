// How SLA times read: due times in a named zone ("Tue 24 Nov 11:00 GMT") and business durations
// ("3 h 20 m"). Every reader sees the region's time on the card; DMs use the reader's own zone.

import { DateTime } from 'luxon';

export function zonedTime(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toFormat('ccc d LLL HH:mm ZZZZ');
}

export function zonedClockTime(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toFormat('HH:mm');
}

/** Whole business minutes as "45 m", "3 h", "3 h 20 m"; the sign is the caller's business. */
export function businessDuration(minutes: number): string {
  const total = Math.abs(Math.trunc(minutes));
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours === 0) return `${rest} m`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} m`;
}
