// SLA attainment: of the SLAs decided, how many were met — and, right now, how many running clocks
// are at risk (three quarters of the budget used) or already over.
//
// A clock is decided when it stopped with an outcome (met or breached) or, still running or paused,
// has already gone over its budget (it can only end breached). Which stopped clocks a report counts
// is the caller's choice (see desk-kpis.ts: approval SLAs are counted in the period of booking).

import type { KpiClock } from './records.ts';
import { percent } from './stats.ts';

/** A running clock is at risk from this share of its budget used (and not yet over). */
export const AT_RISK_SHARE = 0.75;

export interface SlaFigure {
  met: number;
  /** Met plus breached: the denominator. */
  decided: number;
  /** met ÷ decided in percent; null when nothing was decided. */
  percent: number | null;
  target: number;
  /** Null when nothing was decided. */
  meetsTarget: boolean | null;
  /** Running now. */
  running: number;
  /** Running, at least 75 % of the budget used, not over. */
  atRisk: number;
  /** Running and over the budget. */
  breachedRunning: number;
}

export function isOver(clock: KpiClock): boolean {
  return clock.outcome === 'breached' || clock.breachedAt !== null || clock.usedMinutes > clock.targetMinutes;
}

export interface SlaEntry {
  clock: KpiClock;
  /** Whether a stopped clock counts in this report (running and paused ones always do). */
  countStopped: boolean;
}

export function slaFigure(entries: Iterable<SlaEntry>, target: number): SlaFigure {
  let met = 0;
  let decided = 0;
  let running = 0;
  let atRisk = 0;
  let breachedRunning = 0;
  for (const { clock, countStopped } of entries) {
    const over = isOver(clock);
    if (clock.status === 'stopped') {
      if (!countStopped || clock.outcome === null) continue;
      decided++;
      if (clock.outcome === 'met') met++;
      continue;
    }
    if (over) decided++;
    if (clock.status !== 'running') continue;
    running++;
    if (over) breachedRunning++;
    else if (clock.usedMinutes >= AT_RISK_SHARE * clock.targetMinutes) atRisk++;
  }
  const share = percent(met, decided);
  return {
    met,
    decided,
    percent: share,
    target,
    meetsTarget: share === null ? null : share >= target,
    running,
    atRisk,
    breachedRunning,
  };
}
