// The clock control's moves, as pure functions of the app's time and the desk's calendars: where
// "+1 business hour", "next opening", "to 16:45 London" and "+1 day" land. Only forward: the app's
// records, Slack's `ts` and the SLA clocks all assume time never runs back.

import { DateTime } from 'luxon';
import { z } from 'zod';
import type { BusinessCalendar } from '../domain/calendar/index.ts';
import { REGIONS, type Region } from '../domain/regions.ts';
import type { RegionTime } from './page-types.ts';

const RegionSchema = z.enum(REGIONS, { error: `region must be one of ${REGIONS.join(', ')}` });

export const ClockMoveSchema = z.discriminatedUnion(
  'kind',
  [
    /** One business hour of the region's calendar (skips nights, weekends, holidays). */
    z.strictObject({ kind: z.literal('business-hour'), region: RegionSchema }),
    /** The region's next opening (tomorrow's when it is open now). */
    z.strictObject({ kind: z.literal('next-opening'), region: RegionSchema }),
    /** The next time the region's wall clock shows HH:mm (today if still ahead, else tomorrow). */
    z.strictObject({
      kind: z.literal('to-time'),
      region: RegionSchema,
      time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'time must be HH:mm, e.g. 16:45' }),
    }),
    z.strictObject({ kind: z.literal('day') }),
    /** Plain minutes of wall-clock time, up to 60 days at once. */
    z.strictObject({
      kind: z.literal('minutes'),
      minutes: z
        .number()
        .int()
        .min(1)
        .max(60 * 24 * 60),
    }),
  ],
  { error: 'kind must be business-hour, next-opening, to-time, day or minutes' },
);
export type ClockMove = z.infer<typeof ClockMoveSchema>;

const MS_PER_MINUTE = 60_000;

/** The instant a move lands on; always after `now`. */
export function targetOf(move: ClockMove, now: Date, calendars: Record<Region, BusinessCalendar>): Date {
  switch (move.kind) {
    case 'business-hour': {
      const calendar = calendars[move.region];
      // From a closed desk, the hour counts from the next opening (addBusinessMinutes does that).
      return calendar.addBusinessMinutes(now, 60);
    }
    case 'next-opening': {
      const calendar = calendars[move.region];
      if (!calendar.isOpen(now)) return calendar.nextOpening(now);
      const closes = calendar.day(calendar.localDate(now)).closes;
      // Open now: the opening after today's close (the close itself is already outside hours).
      return calendar.nextOpening(closes && closes > now ? closes : new Date(now.getTime() + MS_PER_MINUTE));
    }
    case 'to-time': {
      const [hour, minute] = move.time.split(':').map(Number) as [number, number];
      const zone = calendars[move.region].config.timeZone;
      const local = DateTime.fromJSDate(now, { zone });
      let target = local.set({ hour, minute, second: 0, millisecond: 0 });
      if (target.toMillis() <= now.getTime()) target = target.plus({ days: 1 });
      return target.toJSDate();
    }
    case 'day':
      return new Date(now.getTime() + 24 * 60 * MS_PER_MINUTE);
    case 'minutes':
      return new Date(now.getTime() + move.minutes * MS_PER_MINUTE);
  }
}

function local(at: Date, zone: string): DateTime {
  return DateTime.fromJSDate(at, { zone }).setLocale('en-GB');
}

/** Every region's wall clock and whether its desk is open, for the clock control. */
export function regionTimes(now: Date, calendars: Record<Region, BusinessCalendar>): RegionTime[] {
  return REGIONS.map((region) => {
    const calendar = calendars[region];
    const zone = calendar.config.timeZone;
    const here = local(now, zone);
    const open = calendar.isOpen(now);
    const today = calendar.day(calendar.localDate(now));
    const at = (instant: Date) => {
      const then = local(instant, zone);
      return then.hasSame(here, 'day') ? then.toFormat('HH:mm') : then.toFormat('ccc d LLL HH:mm');
    };
    const status =
      open && today.closes
        ? `open until ${at(today.closes)}`
        : `closed, opens ${at(calendar.nextOpening(now))}`;
    const window = calendar.periodEndStatus(now);
    const periodEnd =
      window.inWindow && window.until
        ? `${window.windows.map((w) => `${w.period}-end`).join(', ')} window until ${at(window.until)}`
        : null;
    return {
      region,
      timeZone: zone,
      local: here.toFormat('ccc d LLL HH:mm'),
      zoneName: here.toFormat('ZZZZ'),
      open,
      status,
      periodEnd,
      holiday: today.holiday,
    };
  });
}
