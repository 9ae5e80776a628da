// A deliberately simple, independent model of a region's business calendar for property tests.
// It shares nothing with src/domain/calendar but the config type: it walks minute by minute,
// asks luxon for the local wall time of every minute, and decides each minute on its own:
//
//   open ⇔ the local date is a business day (working weekday, no public/config holiday)
//          and the wall clock has, on that date, already reached the opening time (normal or
//          extended) but not yet the closing time.
//
// "Has reached" uses the highest wall time seen so far on the date, which is what makes a time in
// a DST gap open at the jump and a time repeated by a fall-back count only its first occurrence.
// Minute results are cached in blocks of about a day (local times per zone, shared by calendars of
// the same zone) so that many property runs stay affordable.

import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import type { RegionCalendarConfig } from '../../../src/domain/calendar/config.ts';

const MINUTE = 60_000;
const BLOCK = 1_440;
const MAX_STEPS = 120 * BLOCK;

type Kind = 'month' | 'quarter' | 'year';
const KINDS: Kind[] = ['month', 'quarter', 'year'];

interface Block {
  /** Local date of each minute as yyyymmdd. */
  date: Int32Array;
  maxWall: Int16Array;
  open: Uint8Array;
}

function hhmm(text: string): number {
  const [h, m] = text.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** The local date (yyyymmdd) and wall time (minutes after midnight) of an epoch minute, from luxon. */
function localMinute(minute: number, zone: string): { date: number; wall: number } {
  const dt = DateTime.fromMillis(minute * MINUTE, { zone });
  return { date: dt.year * 10_000 + dt.month * 100 + dt.day, wall: dt.hour * 60 + dt.minute };
}

interface ZoneBlock {
  date: Int32Array;
  wall: Int16Array;
}

// Local times depend on the zone only, so calendars of the same zone share them (luxon is the cost).
const zoneBlocks = new Map<string, ZoneBlock>();

function zoneBlock(zone: string, alignMinutes: number, index: number): ZoneBlock {
  const key = `${zone}|${alignMinutes}|${index}`;
  let block = zoneBlocks.get(key);
  if (!block) {
    block = { date: new Int32Array(BLOCK), wall: new Int16Array(BLOCK) };
    const first = index * BLOCK - alignMinutes;
    for (let i = 0; i < BLOCK; i++) {
      const local = localMinute(first + i, zone);
      block.date[i] = local.date;
      block.wall[i] = local.wall;
    }
    zoneBlocks.set(key, block);
  }
  return block;
}

export class ReferenceCalendar {
  private readonly blocks = new Map<number, Block>();
  private readonly business = new Map<string, boolean>();
  private readonly windowDays = new Map<string, boolean>();
  private readonly holidays = new Map<number, Set<string>>();
  private readonly hoursByDate = new Map<number, { opens: number; closes: number } | null>();
  private readonly alignMinutes: number;

  constructor(readonly config: RegionCalendarConfig) {
    this.alignMinutes = DateTime.fromISO('2026-01-01T00:00:00Z', { zone: config.timeZone }).offset;
  }

  // ---- dates -------------------------------------------------------------------------------

  private holidaySet(year: number): Set<string> {
    let set = this.holidays.get(year);
    if (set) return set;
    set = new Set(this.config.holidays.dates);
    for (const code of this.config.holidays.countries) {
      const [country = '', state, region] = code.split('-');
      const hd = state
        ? region
          ? new Holidays(country, state, region)
          : new Holidays(country, state)
        : new Holidays(country);
      for (const y of [year - 1, year]) {
        for (const h of hd.getHolidays(y)) {
          if (h.type !== 'public') continue;
          const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / 86_400_000));
          let date = DateTime.fromISO(h.date.slice(0, 10), { zone: 'utc' });
          for (let i = 0; i < days; i++, date = date.plus({ days: 1 })) set.add(date.toISODate() ?? '');
        }
      }
    }
    this.holidays.set(year, set);
    return set;
  }

  isBusinessDay(iso: string): boolean {
    let known = this.business.get(iso);
    if (known === undefined) {
      const date = DateTime.fromISO(iso, { zone: 'utc' });
      known = this.config.workingDays.includes(date.weekday) && !this.holidaySet(date.year).has(iso);
      this.business.set(iso, known);
    }
    return known;
  }

  /** Last day of the month / fiscal quarter / fiscal year containing the date. */
  periodEnd(kind: Kind, iso: string): string {
    let date = DateTime.fromISO(iso, { zone: 'utc' }).startOf('month');
    const start = this.config.periodEnd.fiscalYearStartMonth;
    const lastMonthIndex = kind === 'month' ? null : kind === 'quarter' ? 2 : 11;
    // step month by month until the month that ends the period
    while (lastMonthIndex !== null) {
      const monthsIntoYear = (date.month - start + 12) % 12;
      const index = kind === 'quarter' ? monthsIntoYear % 3 : monthsIntoYear;
      if (index === lastMonthIndex) break;
      date = date.plus({ months: 1 });
    }
    return date.endOf('month').toISODate() ?? '';
  }

  private static nextDay(iso: string, days: number): string {
    return DateTime.fromISO(iso, { zone: 'utc' }).plus({ days }).toISODate() ?? '';
  }

  /** The first and last days of the window of the period containing the date, or null. */
  windowOf(kind: Kind, iso: string): { first: string; last: string } | null {
    const size = this.config.periodEnd.windowBusinessDays[kind];
    const end = this.periodEnd(kind, iso);
    let first: string | null = null;
    let last: string | null = null;
    let counted = 0;
    for (
      let d = end;
      counted < size && this.periodEnd(kind, d) === end;
      d = ReferenceCalendar.nextDay(d, -1)
    ) {
      if (!this.isBusinessDay(d)) continue;
      last ??= d;
      first = d;
      counted++;
    }
    return first && last ? { first, last } : null;
  }

  isWindowDay(iso: string): boolean {
    let known = this.windowDays.get(iso);
    if (known === undefined) {
      known =
        this.isBusinessDay(iso) &&
        KINDS.some((kind) => {
          // in the window ⇔ fewer than N business days follow it before the period ends
          const size = this.config.periodEnd.windowBusinessDays[kind];
          const end = this.periodEnd(kind, iso);
          let after = 0;
          for (
            let d = ReferenceCalendar.nextDay(iso, 1);
            d <= end && after < size;
            d = ReferenceCalendar.nextDay(d, 1)
          ) {
            if (this.isBusinessDay(d)) after++;
          }
          return after < size;
        });
      this.windowDays.set(iso, known);
    }
    return known;
  }

  private hoursOf(iso: string): { opens: number; closes: number } {
    const hours = this.isWindowDay(iso) ? this.config.periodEnd.extendedHours : this.config;
    return { opens: hhmm(hours.opens), closes: hhmm(hours.closes) };
  }

  // ---- minutes -----------------------------------------------------------------------------

  private static iso(date: number): string {
    const y = Math.floor(date / 10_000);
    const m = Math.floor(date / 100) % 100;
    return `${y}-${String(m).padStart(2, '0')}-${String(date % 100).padStart(2, '0')}`;
  }

  /** Open hours of a local date (yyyymmdd), null when closed; remembered per date. */
  private openHours(date: number): { opens: number; closes: number } | null {
    let known = this.hoursByDate.get(date);
    if (known === undefined) {
      const iso = ReferenceCalendar.iso(date);
      known = this.isBusinessDay(iso) ? this.hoursOf(iso) : null;
      this.hoursByDate.set(date, known);
    }
    return known;
  }

  private block(index: number): Block {
    const known = this.blocks.get(index);
    if (known) return known;
    const first = index * BLOCK - this.alignMinutes;
    let date: number;
    let max: number;
    const previous = this.blocks.get(index - 1);
    if (previous) {
      date = previous.date[BLOCK - 1] ?? 0;
      max = previous.maxWall[BLOCK - 1] ?? 0;
    } else {
      // warm up: the highest wall time seen on the date of the minute before this block
      date = localMinute(first - 1, this.config.timeZone).date;
      max = -1;
      for (let m = first - 1; ; m--) {
        const local = localMinute(m, this.config.timeZone);
        if (local.date !== date) break;
        max = Math.max(max, local.wall);
      }
    }
    const zone = zoneBlock(this.config.timeZone, this.alignMinutes, index);
    const block: Block = { date: zone.date, maxWall: new Int16Array(BLOCK), open: new Uint8Array(BLOCK) };
    for (let i = 0; i < BLOCK; i++) {
      const localDate = zone.date[i] ?? 0;
      const wall = zone.wall[i] ?? 0;
      if (localDate !== date) {
        date = localDate;
        max = wall;
      } else {
        max = Math.max(max, wall);
      }
      block.maxWall[i] = max;
      const hours = this.openHours(date);
      block.open[i] = hours !== null && max >= hours.opens && max < hours.closes ? 1 : 0;
    }
    this.blocks.set(index, block);
    return block;
  }

  private at(minute: number): { block: Block; i: number } {
    const shifted = minute + this.alignMinutes;
    const index = Math.floor(shifted / BLOCK);
    return { block: this.block(index), i: shifted - index * BLOCK };
  }

  openMinute(minute: number): boolean {
    const { block, i } = this.at(minute);
    return block.open[i] === 1;
  }

  dateOf(minute: number): string {
    const { block, i } = this.at(minute);
    return ReferenceCalendar.iso(block.date[i] ?? 0);
  }

  maxWallOf(minute: number): number {
    const { block, i } = this.at(minute);
    return block.maxWall[i] ?? 0;
  }

  // ---- operations --------------------------------------------------------------------------

  isOpen(t: number): boolean {
    return this.openMinute(Math.floor(t / MINUTE));
  }

  nextOpening(t: number): number {
    let m = Math.floor(t / MINUTE);
    if (this.openMinute(m)) return t;
    for (let steps = 0; steps < MAX_STEPS; steps++) {
      m++;
      if (this.openMinute(m)) return m * MINUTE;
    }
    throw new Error('reference: no opening found');
  }

  addBusinessMinutes(t: number, minutes: number): number {
    if (minutes === 0) return this.nextOpening(t);
    let remaining = minutes * MINUTE;
    let m = Math.floor(t / MINUTE);
    if (this.openMinute(m)) {
      const available = (m + 1) * MINUTE - t;
      if (remaining <= available) return t + remaining;
      remaining -= available;
    }
    for (let steps = 0; steps < MAX_STEPS * 4; steps++) {
      m++;
      if (!this.openMinute(m)) continue;
      if (remaining <= MINUTE) return m * MINUTE + remaining;
      remaining -= MINUTE;
    }
    throw new Error('reference: walked too far');
  }

  businessMinutesBetween(a: number, b: number): number {
    if (b < a) return 0 - this.businessMinutesBetween(b, a);
    let total = 0;
    for (let m = Math.floor(a / MINUTE); m * MINUTE < b; m++) {
      if (!this.openMinute(m)) continue;
      total += Math.min(b, (m + 1) * MINUTE) - Math.max(a, m * MINUTE);
    }
    return Math.trunc(total / MINUTE);
  }

  clockStart(t: number): number {
    let m = Math.floor(t / MINUTE);
    if (!this.openMinute(m)) return this.nextOpening(t);
    const date = this.dateOf(m);
    if (this.isWindowDay(date)) return t;
    const cutoff = hhmm(this.config.cutoff);
    // late ⇔ some earlier instant of the same date already showed the cut-off time or later
    const seconds = t - m * MINUTE;
    const late =
      seconds > 0
        ? this.maxWallOf(m) >= cutoff
        : this.dateOf(m - 1) === date && this.maxWallOf(m - 1) >= cutoff;
    if (!late) return t;
    while (this.openMinute(m)) m++;
    return this.nextOpening(m * MINUTE);
  }

  /** Whether the instant is inside a period-end window (opening of its first day to close of its last). */
  inPeriodEndWindow(t: number): boolean {
    const m = Math.floor(t / MINUTE);
    const date = this.dateOf(m);
    const wall = this.maxWallOf(m);
    const extended = this.config.periodEnd.extendedHours;
    return KINDS.some((kind) => {
      if (this.config.periodEnd.windowBusinessDays[kind] === 0) return false;
      const window = this.windowOf(kind, date);
      if (!window || date < window.first || date > window.last) return false;
      if (date === window.first && wall < hhmm(extended.opens)) return false;
      if (date === window.last && wall >= hhmm(extended.closes)) return false;
      return true;
    });
  }
}
