// Shared builders for the SLA tests: region calendars and local times, clocks and policies, a fast
// mirror of a real calendar's open intervals, and two sweep loops (every minute, and only when due).

import { DateTime } from 'luxon';
import type { BusinessCalendar } from '../../../src/domain/calendar/index.ts';
import { defaultRegionCalendars } from '../../../src/domain/calendar/index.ts';
import type { Region } from '../../../src/domain/regions.ts';
import {
  DEFAULT_SLA_POLICY,
  type FiredAlert,
  pauseClock,
  resumeClock,
  type SlaCalendar,
  type SlaClock,
  type SlaPolicy,
  type SlaPolicyInput,
  SlaPolicySchema,
  startClock,
  stopClock,
  sweepClock,
} from '../../../src/domain/sla/index.ts';
import { local, show, ZONES } from '../calendar/helpers.ts';

export const MINUTE = 60_000;
export const DAY = 86_400_000;

export const calendars: Record<Region, BusinessCalendar> = defaultRegionCalendars();

/** A local wall time ('2026-03-13T16:45') in the region's zone. */
export function at(region: Region, text: string): Date {
  return local(ZONES[region], text);
}

/** A Date as local wall time with offset in the region's zone. */
export function wall(region: Region, date: Date | null): string | null {
  return date === null ? null : show(ZONES[region], date);
}

export function policy(input: SlaPolicyInput = {}): SlaPolicy {
  return SlaPolicySchema.parse(input);
}

export interface ClockOptions {
  targetMinutes?: number;
  policy?: SlaPolicy;
  applyCutoff?: boolean;
  key?: string;
}

/** An approval-like clock (720 minutes, default policy, cut-off applied) unless told otherwise. */
export function clockFrom(calendar: SlaCalendar, start: Date, options: ClockOptions = {}): SlaClock {
  return startClock(calendar, {
    key: options.key ?? 'approval',
    kind: 'approval',
    stepId: null,
    targetMinutes: options.targetMinutes ?? 720,
    policy: options.policy ?? DEFAULT_SLA_POLICY,
    at: start,
    applyCutoff: options.applyCutoff ?? true,
  });
}

/** An alert as a short comparable line: when, and which step. */
export function describeAlert(alert: FiredAlert): string {
  const what =
    alert.type === 'reminder'
      ? `reminder ${alert.percent}%`
      : `level ${alert.level}${alert.repeat > 0 ? ` repeat ${alert.repeat}` : ''}`;
  return `${alert.at.toISOString()} ${what}`;
}

// ---- a fast mirror of a real calendar -------------------------------------------------------------

/**
 * The real calendar's open intervals (from `day()`) and period-end windows between two instants,
 * answered by binary search: the same answers as the real calendar, fast enough for a loop that
 * sweeps every minute of a clock's life. Throws outside the prepared span.
 */
export function mirrorCalendar(real: BusinessCalendar, from: number, to: number): SlaCalendar {
  const zone = real.config.timeZone;
  const opens: number[] = [];
  const closes: number[] = [];
  const windows = new Map<string, [number, number]>();
  const first = DateTime.fromMillis(from - 10 * DAY, { zone }).startOf('day');
  for (let day = first; day.toMillis() < to + 10 * DAY; day = day.plus({ days: 1 })) {
    const info = real.day(day.toISODate() ?? '');
    if (!info.opens || !info.closes) continue;
    opens.push(info.opens.getTime());
    closes.push(info.closes.getTime());
    if (info.periodEnds.length > 0) {
      for (const window of real.periodEndStatus(info.opens).windows) {
        windows.set(`${window.start.getTime()}`, [window.start.getTime(), window.end.getTime()]);
      }
    }
  }
  const lo = from - 5 * DAY;
  const hi = to + 5 * DAY;
  const cumulative: number[] = [0];
  opens.forEach((open, i) => {
    cumulative.push((cumulative[i] ?? 0) + (closes[i] ?? 0) - open);
  });
  const windowList = [...windows.values()];

  function guard(t: number): number {
    if (!Number.isFinite(t) || t < lo || t > hi) throw new Error(`mirror asked about ${new Date(t)}`);
    return t;
  }
  /** Index of the last interval opening at or before t, -1 when none. */
  function lastOpeningAtOrBefore(t: number): number {
    let a = -1;
    let b = opens.length - 1;
    while (a < b) {
      const mid = Math.ceil((a + b) / 2);
      if ((opens[mid] ?? 0) <= t) a = mid;
      else b = mid - 1;
    }
    return a;
  }
  function isOpenMs(t: number): boolean {
    const i = lastOpeningAtOrBefore(t);
    return i >= 0 && t < (closes[i] ?? 0);
  }
  function nextOpeningMs(t: number): number {
    if (isOpenMs(t)) return t;
    const next = opens[lastOpeningAtOrBefore(t) + 1];
    if (next === undefined) throw new Error('mirror: no opening');
    return next;
  }
  /** Open milliseconds before t since the first interval. */
  function openBefore(t: number): number {
    const i = lastOpeningAtOrBefore(t);
    if (i < 0) return 0;
    const open = opens[i] ?? 0;
    return (cumulative[i] ?? 0) + Math.min(t - open, (closes[i] ?? 0) - open);
  }
  function inWindow(t: number): boolean {
    return windowList.some(([start, end]) => start <= t && t < end);
  }

  return {
    isOpen: (instant) => isOpenMs(guard(instant.getTime())),
    nextOpening: (instant) => new Date(nextOpeningMs(guard(instant.getTime()))),
    addBusinessMinutes(instant, minutes) {
      const t = guard(instant.getTime());
      if (minutes === 0) return new Date(nextOpeningMs(t));
      let remaining = minutes * MINUTE;
      let i = lastOpeningAtOrBefore(t);
      if (i < 0 || t >= (closes[i] ?? 0)) i++;
      for (; i < opens.length; i++) {
        const start = Math.max(t, opens[i] ?? 0);
        const available = (closes[i] ?? 0) - start;
        if (remaining <= available) return new Date(guard(start + remaining));
        remaining -= available;
      }
      throw new Error('mirror: ran out of intervals');
    },
    businessMinutesBetween(start, end) {
      const a = guard(start.getTime());
      const b = guard(end.getTime());
      const open = openBefore(Math.max(a, b)) - openBefore(Math.min(a, b));
      const minutes = Math.trunc(open / MINUTE);
      return b >= a ? minutes : 0 - minutes;
    },
    clockStart: (instant) => real.clockStart(instant),
    periodEndStatus(instant) {
      const inside = inWindow(guard(instant.getTime()));
      return { inWindow: inside, windows: [], until: null };
    },
  };
}

// ---- sweep loops ----------------------------------------------------------------------------------

export interface LifeEvent {
  at: number;
  type: 'pause' | 'resume' | 'stop';
}

export interface Life {
  alerts: string[];
  /** The instants of sweeps that recorded the breach. */
  breaches: string[];
  sweeps: number;
  clock: SlaClock;
}

/**
 * Runs a clock from `from` to `to` one whole minute at a time: lifecycle events of that minute first,
 * then a sweep — at every minute (`every`), or only once `nextCheckAt` has come (`due`). Checks the
 * sweep's promises on the way: nextCheckAt after now, null only when nothing can happen, no alert
 * from a clock that is not running.
 */
export function runLife(
  calendar: SlaCalendar,
  initial: SlaClock,
  events: readonly LifeEvent[],
  from: number,
  to: number,
  mode: 'every' | 'due',
): Life {
  let clock = initial;
  const alerts: string[] = [];
  const breaches: string[] = [];
  let sweeps = 0;
  let pending = [...events].sort((a, b) => a.at - b.at);
  for (let t = from; t <= to; t += MINUTE) {
    while (pending[0] && pending[0].at <= t) {
      const event = pending[0];
      pending = pending.slice(1);
      const when = new Date(event.at);
      if (event.type === 'pause') clock = pauseClock(calendar, clock, when);
      else if (event.type === 'resume') clock = resumeClock(calendar, clock, when);
      else clock = stopClock(calendar, clock, when);
    }
    const due = clock.nextCheckAt !== null && clock.nextCheckAt.getTime() <= t;
    if (mode === 'due' && !due) continue;
    const now = new Date(t);
    const running = clock.status === 'running';
    const result = sweepClock(calendar, clock, now);
    sweeps++;
    clock = result.clock;
    if (!running && result.alerts.length > 0) throw new Error(`a ${clock.status} clock fired at ${now}`);
    if (clock.nextCheckAt !== null && clock.nextCheckAt.getTime() <= t) {
      throw new Error(`nextCheckAt ${clock.nextCheckAt.toISOString()} not after ${now.toISOString()}`);
    }
    if (clock.nextCheckAt === null && clock.status === 'running') {
      if (clock.breachedAt === null) throw new Error(`running, unbreached clock without a check at ${now}`);
      if (clock.policy.repeatEveryBusinessMinutes !== undefined) {
        throw new Error(`repeating clock without a check at ${now}`);
      }
      if (clock.alertsFired < clock.policy.reminders.length + clock.policy.levels.length) {
        throw new Error(`clock with alerts to fire and no check at ${now}`);
      }
    }
    if (result.newlyBreached) breaches.push(now.toISOString());
    alerts.push(...result.alerts.map(describeAlert));
  }
  return { alerts, breaches, sweeps, clock };
}
