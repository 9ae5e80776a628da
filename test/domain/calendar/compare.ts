// The comparison property: the real calendar and the minute-stepping reference must agree on every
// operation for the same instants.

import fc from 'fast-check';
import { expect } from 'vitest';
import {
  type BusinessCalendar,
  createBusinessCalendar,
} from '../../../src/domain/calendar/business-calendar.ts';
import type { RegionCalendarConfig } from '../../../src/domain/calendar/config.ts';
import { ReferenceCalendar } from './reference-calendar.ts';
import { anchorDays, type Case, caseArbitrary } from './scenarios.ts';

export interface Subject {
  calendar: BusinessCalendar;
  reference: ReferenceCalendar;
  anchors: string[];
}

const references = new Map<string, ReferenceCalendar>();

/** The reference is shared between equal configs (AMER and LATAM), so its minute cache is too. */
export function subjectFor(config: RegionCalendarConfig): Subject {
  const key = JSON.stringify(config);
  const reference = references.get(key) ?? new ReferenceCalendar(config);
  references.set(key, reference);
  return { calendar: createBusinessCalendar(config), reference, anchors: anchorDays(config, reference) };
}

const iso = (ms: number) => new Date(ms).toISOString();

export function agreeOn(subject: Subject, c: Case): void {
  const { calendar, reference } = subject;
  const t = new Date(c.t);
  const context = `at ${iso(c.t)} (${calendar.localDate(t)})`;
  expect(calendar.isOpen(t), `isOpen ${context}`).toBe(reference.isOpen(c.t));
  expect(iso(calendar.nextOpening(t).getTime()), `nextOpening ${context}`).toBe(
    iso(reference.nextOpening(c.t)),
  );
  expect(iso(calendar.clockStart(t).getTime()), `clockStart ${context}`).toBe(iso(reference.clockStart(c.t)));
  expect(calendar.periodEndStatus(t).inWindow, `periodEndStatus ${context}`).toBe(
    reference.inPeriodEndWindow(c.t),
  );
  expect(iso(calendar.addBusinessMinutes(t, c.minutes).getTime()), `add ${c.minutes} ${context}`).toBe(
    iso(reference.addBusinessMinutes(c.t, c.minutes)),
  );
  expect(calendar.businessMinutesBetween(t, new Date(c.end)), `between ${context} and ${iso(c.end)}`).toBe(
    reference.businessMinutesBetween(c.t, c.end),
  );
}

/** Short cases (up to about two business days) in bulk, and a few long ones (one to three business weeks). */
export function compareWithReference(subject: Subject, runs: { short: number; long: number }): void {
  const config = subject.calendar.config;
  fc.assert(
    fc.property(caseArbitrary(config, subject.anchors, 1_200), (c) => agreeOn(subject, c)),
    { numRuns: runs.short },
  );
  fc.assert(
    fc.property(caseArbitrary(config, subject.anchors, 3 * 5 * 9 * 60, 5 * 9 * 60), (c) =>
      agreeOn(subject, c),
    ),
    { numRuns: runs.long },
  );
}
