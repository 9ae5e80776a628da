// A time zone seen from the calendar: which local date an instant falls on, and the instant at
// which a local wall-clock time is reached on a given date — including the two DST cases:
//
// - gap (spring forward): a wall time that does not exist that day is reached when the clocks
//   jump over it, so it resolves to the transition instant (02:30 in Los Angeles on the second
//   Sunday of March resolves to 03:00 PDT). Luxon would shift it by the gap instead (03:30).
// - overlap (fall back): a wall time that happens twice resolves to its first occurrence.
//
// Both follow one rule: the instant is the first one at which the local wall clock, on that local
// date, reads the given time or later. Offsets come from luxon's IANA zone (the only luxon call).

import { IANAZone } from 'luxon';
import { MS_PER_DAY, MS_PER_MINUTE } from './civil-date.ts';

export class CalendarZone {
  private readonly zone: IANAZone;

  constructor(readonly name: string) {
    if (!IANAZone.isValidZone(name)) throw new RangeError(`"${name}" is not an IANA time zone`);
    this.zone = IANAZone.create(name);
  }

  /** UTC offset in minutes at an instant (epoch ms). */
  offsetMinutes(instant: number): number {
    return this.zone.offset(instant);
  }

  /** The local date of an instant, as a day number. */
  localDay(instant: number): number {
    return Math.floor((instant + this.offsetMinutes(instant) * MS_PER_MINUTE) / MS_PER_DAY);
  }

  /** The first instant at which the wall clock on local date `day` reads `minuteOfDay` or later. */
  instantAt(day: number, minuteOfDay: number): number {
    const wall = day * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE;
    // The offsets a day either side bracket any transition near this wall time.
    const before = this.offsetMinutes(wall - MS_PER_DAY);
    const after = this.offsetMinutes(wall + MS_PER_DAY);
    let earliest = Number.POSITIVE_INFINITY;
    for (const offset of before === after ? [before] : [before, after]) {
      const candidate = wall - offset * MS_PER_MINUTE;
      if (this.offsetMinutes(candidate) === offset) earliest = Math.min(earliest, candidate);
    }
    if (earliest !== Number.POSITIVE_INFINITY) return earliest;
    if (before === after) return wall - before * MS_PER_MINUTE; // two transitions within a day: not in tzdb
    return this.transitionBetween(wall - after * MS_PER_MINUTE, wall - before * MS_PER_MINUTE);
  }

  /** The first instant in (low, high] whose offset differs from the offset at `low`. */
  private transitionBetween(low: number, high: number): number {
    const offsetAtLow = this.offsetMinutes(low);
    let lo = low;
    let hi = high;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.offsetMinutes(mid) === offsetAtLow) lo = mid;
      else hi = mid;
    }
    return hi;
  }
}
