// One SLA clock: a budget of business minutes that runs, pauses and stops. The clock keeps what it
// used before its current run (`consumedMinutes`) and when that run began, so "how much is left"
// and "when is it due" are calendar arithmetic, exact to the minute in the region's own hours.

import type { BusinessCalendar } from '../calendar/index.ts';
import { alertStep, type SlaPolicy } from './policy.ts';

export const SLA_KINDS = ['approval', 'response', 'step'] as const;
export type SlaKind = (typeof SLA_KINDS)[number];
export type SlaStatus = 'running' | 'paused' | 'stopped';
export type SlaOutcome = 'met' | 'breached';

/** The calendar operations a clock needs (a region's BusinessCalendar provides them). */
export type SlaCalendar = Pick<
  BusinessCalendar,
  | 'addBusinessMinutes'
  | 'businessMinutesBetween'
  | 'clockStart'
  | 'isOpen'
  | 'nextOpening'
  | 'periodEndStatus'
>;

export interface SlaClock {
  /** Unique per request: `approval`, `step:<stepId>`, `response:<caseId>`. */
  key: string;
  kind: SlaKind;
  stepId: string | null;
  targetMinutes: number;
  /** The policy the clock started with: a config change never re-fires or skips its alerts. */
  policy: SlaPolicy;
  /** When the clock began counting (a late submission counts from the next opening). */
  startedAt: Date;
  /** Business minutes used before `runningSince`. */
  consumedMinutes: number;
  /** Start of the current run; null while paused or stopped. */
  runningSince: Date | null;
  status: SlaStatus;
  /** When the budget runs out if nothing pauses it; kept once breached; null while paused in time. */
  dueAt: Date | null;
  breachedAt: Date | null;
  /** How many of the policy's alert steps (reminders, levels, repeats) are done. */
  alertsFired: number;
  stoppedAt: Date | null;
  outcome: SlaOutcome | null;
  /** When the sweep must look at the clock again; null when nothing can happen until it resumes. */
  nextCheckAt: Date | null;
}

export interface StartClock {
  key: string;
  kind: SlaKind;
  stepId: string | null;
  targetMinutes: number;
  policy: SlaPolicy;
  at: Date;
  /** A submission's clock honours the cut-off (after 16:30 it starts at the next opening). */
  applyCutoff: boolean;
}

export function startClock(calendar: SlaCalendar, start: StartClock): SlaClock {
  if (!Number.isSafeInteger(start.targetMinutes) || start.targetMinutes <= 0) {
    throw new RangeError(`an SLA needs a positive whole number of minutes, not ${start.targetMinutes}`);
  }
  const startedAt = start.applyCutoff ? calendar.clockStart(start.at) : start.at;
  const clock: SlaClock = {
    key: start.key,
    kind: start.kind,
    stepId: start.stepId,
    targetMinutes: start.targetMinutes,
    policy: start.policy,
    startedAt,
    consumedMinutes: 0,
    runningSince: startedAt,
    status: 'running',
    dueAt: calendar.addBusinessMinutes(startedAt, start.targetMinutes),
    breachedAt: null,
    alertsFired: 0,
    stoppedAt: null,
    outcome: null,
    nextCheckAt: null,
  };
  return withNextCheck(calendar, clock);
}

/** Business minutes used by `at` (whole minutes; a run that has not begun yet counts 0). */
export function consumedAt(calendar: SlaCalendar, clock: SlaClock, at: Date): number {
  if (clock.status !== 'running' || clock.runningSince === null) return clock.consumedMinutes;
  return clock.consumedMinutes + Math.max(0, calendar.businessMinutesBetween(clock.runningSince, at));
}

/** Business minutes left at `at`; negative once overdue. */
export function remainingAt(calendar: SlaCalendar, clock: SlaClock, at: Date): number {
  return clock.targetMinutes - consumedAt(calendar, clock, at);
}

export function isBreachedAt(clock: SlaClock, at: Date): boolean {
  if (clock.breachedAt !== null) return true;
  if (clock.status === 'running' && clock.dueAt !== null) return at.getTime() > clock.dueAt.getTime();
  return clock.consumedMinutes > clock.targetMinutes;
}

export function pauseClock(calendar: SlaCalendar, clock: SlaClock, at: Date): SlaClock {
  if (clock.status !== 'running') return clock;
  const consumed = consumedAt(calendar, clock, at);
  const breached = isBreachedAt(clock, at);
  return {
    ...clock,
    consumedMinutes: consumed,
    runningSince: null,
    status: 'paused',
    breachedAt: breached ? (clock.breachedAt ?? clock.dueAt ?? at) : null,
    dueAt: breached ? clock.dueAt : null,
    nextCheckAt: null,
  };
}

export function resumeClock(calendar: SlaCalendar, clock: SlaClock, at: Date): SlaClock {
  if (clock.status !== 'paused') return clock;
  const left = clock.targetMinutes - clock.consumedMinutes;
  const resumed: SlaClock = {
    ...clock,
    runningSince: at,
    status: 'running',
    // Paused exactly at its due time (budget used up, not over): due again as soon as it runs on.
    dueAt: left > 0 ? calendar.addBusinessMinutes(at, left) : (clock.dueAt ?? calendar.nextOpening(at)),
  };
  return withNextCheck(calendar, resumed);
}

export function stopClock(calendar: SlaCalendar, clock: SlaClock, at: Date): SlaClock {
  if (clock.status === 'stopped') return clock;
  const breached = isBreachedAt(clock, at);
  return {
    ...clock,
    consumedMinutes: consumedAt(calendar, clock, at),
    runningSince: null,
    status: 'stopped',
    breachedAt: breached ? (clock.breachedAt ?? clock.dueAt ?? at) : null,
    stoppedAt: at,
    outcome: breached ? 'breached' : 'met',
    nextCheckAt: null,
  };
}

/** The instant a running clock reaches `threshold` consumed minutes. */
export function instantOfThreshold(calendar: SlaCalendar, clock: SlaClock, threshold: number): Date | null {
  if (clock.status !== 'running' || clock.runningSince === null) return null;
  // Reached before this run began: due at once where pings are allowed — open hours, or a
  // period-end window even while closed — and otherwise at the next opening.
  if (threshold <= clock.consumedMinutes && calendar.periodEndStatus(clock.runningSince).inWindow) {
    return clock.runningSince;
  }
  return calendar.addBusinessMinutes(clock.runningSince, Math.max(0, threshold - clock.consumedMinutes));
}

/** Sets `nextCheckAt`: the earlier of the breach (not yet recorded) and the next alert step. */
export function withNextCheck(calendar: SlaCalendar, clock: SlaClock): SlaClock {
  return { ...clock, nextCheckAt: nextCheck(calendar, clock) };
}

function nextCheck(calendar: SlaCalendar, clock: SlaClock): Date | null {
  if (clock.status !== 'running') return null;
  const candidates: number[] = [];
  if (clock.breachedAt === null && clock.dueAt !== null) candidates.push(clock.dueAt.getTime());
  const next = nextAlertThreshold(clock);
  if (next !== null) {
    const instant = instantOfThreshold(calendar, clock, next);
    if (instant) candidates.push(instant.getTime());
  }
  return candidates.length === 0 ? null : new Date(Math.min(...candidates));
}

function nextAlertThreshold(clock: SlaClock): number | null {
  return alertStep(clock.policy, clock.targetMinutes, clock.alertsFired)?.threshold ?? null;
}
