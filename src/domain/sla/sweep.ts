// What the minute sweep does with one due clock: record a breach, fire the alert steps whose
// thresholds the clock has reached, and say when to look again. Pings wait for the region's support
// hours, except in a period-end window, when the desk works around the clock.

import { consumedAt, type SlaCalendar, type SlaClock, withNextCheck } from './clock.ts';
import { type AlertStep, alertStep } from './policy.ts';

export type FiredAlert = AlertStep & { at: Date };

export interface SweepResult {
  clock: SlaClock;
  /** Alerts to post now, in order. Superseded reminders and repeats are skipped, never all sent. */
  alerts: FiredAlert[];
  /** The breach was recorded by this sweep (the card shows it). */
  newlyBreached: boolean;
  /** Alerts are due but the desk is closed: they wait for `clock.nextCheckAt`, the next opening. */
  deferred: boolean;
}

export function sweepClock(calendar: SlaCalendar, clock: SlaClock, now: Date): SweepResult {
  if (clock.status !== 'running') {
    return { clock: { ...clock, nextCheckAt: null }, alerts: [], newlyBreached: false, deferred: false };
  }
  const consumed = consumedAt(calendar, clock, now);
  // The budget runs out at dueAt (a clock resumed with nothing left is due at its next opening).
  const overdue =
    clock.dueAt === null ? consumed >= clock.targetMinutes : now.getTime() >= clock.dueAt.getTime();
  const newlyBreached = clock.breachedAt === null && overdue;
  let next: SlaClock = newlyBreached ? { ...clock, breachedAt: clock.dueAt ?? now } : clock;

  const reached: AlertStep[] = [];
  for (let index = next.alertsFired; ; index++) {
    const step = alertStep(next.policy, next.targetMinutes, index);
    if (!step || step.threshold > consumed) break;
    reached.push(step);
  }
  if (reached.length === 0) {
    return { clock: withNextCheck(calendar, next), alerts: [], newlyBreached, deferred: false };
  }
  const pingable = calendar.isOpen(now) || calendar.periodEndStatus(now).inWindow;
  if (!pingable) {
    return {
      clock: { ...next, nextCheckAt: calendar.nextOpening(now) },
      alerts: [],
      newlyBreached,
      deferred: true,
    };
  }
  next = withNextCheck(calendar, { ...next, alertsFired: next.alertsFired + reached.length });
  const alerts = worthSending(reached).map((step) => ({ ...step, at: now }));
  return { clock: next, alerts, newlyBreached, deferred: false };
}

/**
 * After downtime several steps may be due at once: every escalation level is sent (each reaches
 * different people), but only the latest reminder (and none once escalating) and the latest repeat.
 */
function worthSending(reached: readonly AlertStep[]): AlertStep[] {
  const escalating = reached.some((step) => step.type === 'escalation');
  const lastReminder = [...reached].reverse().find((step) => step.type === 'reminder');
  const lastRepeat = [...reached].reverse().find((step) => step.type === 'escalation' && step.repeat > 0);
  return reached.filter((step) => {
    if (step.type === 'reminder') return !escalating && step === lastReminder;
    return step.repeat === 0 || step === lastRepeat;
  });
}
