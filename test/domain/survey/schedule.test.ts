// Which quarter a survey asks about, when it goes out in each region's calendar, and when its
// reminder is due.

import { describe, expect, it } from 'vitest';
import { createBusinessCalendar, defaultRegionCalendars } from '../../../src/domain/calendar/index.ts';
import {
  parseQuarterKey,
  previousQuarter,
  quarterContaining,
  quarterLabel,
  reminderDueAt,
  surveyRoundAt,
} from '../../../src/domain/survey/index.ts';

const utc = (iso: string) => new Date(`${iso}Z`);
const calendars = defaultRegionCalendars();

describe('fiscal quarters', () => {
  it('names quarters of a calendar fiscal year', () => {
    expect(quarterContaining('2026-11-23', 1)).toEqual({
      key: '2026-Q4',
      fiscalYear: 2026,
      quarter: 4,
      firstDate: '2026-10-01',
      lastDate: '2026-12-31',
    });
    expect(previousQuarter(quarterContaining('2027-01-04', 1), 1).key).toBe('2026-Q4');
    expect(quarterLabel('2026-Q4')).toBe('Q4 FY2026');
    expect(parseQuarterKey('2026-Q5')).toBeNull();
  });

  it('follows a fiscal year starting in February (named after the year it ends in)', () => {
    expect(quarterContaining('2026-11-23', 2)).toMatchObject({
      key: '2027-Q4',
      firstDate: '2026-11-01',
      lastDate: '2027-01-31',
    });
    expect(previousQuarter(quarterContaining('2026-11-23', 2), 2)).toMatchObject({
      key: '2027-Q3',
      firstDate: '2026-08-01',
      lastDate: '2026-10-31',
    });
  });
});

describe('the survey round', () => {
  it('opens at the first business day of the quarter, in each region (New Year is a holiday)', () => {
    expect(surveyRoundAt(calendars.EMEA, utc('2027-01-04T09:00:00')).opensAt).toEqual(
      utc('2027-01-04T08:00:00'),
    );
    expect(surveyRoundAt(calendars.APAC, utc('2027-01-04T09:00:00')).opensAt).toEqual(
      utc('2027-01-03T21:00:00'),
    );
    expect(surveyRoundAt(calendars.AMER, utc('2027-01-04T09:00:00')).opensAt).toEqual(
      utc('2027-01-04T15:00:00'),
    );
  });

  it('is not due before the opening, is due after it, and closes when the quarter ends', () => {
    const before = surveyRoundAt(calendars.EMEA, utc('2027-01-04T07:59:00'));
    expect(before.due).toBe(false);
    expect(before.surveyed.key).toBe('2026-Q4');
    const after = surveyRoundAt(calendars.EMEA, utc('2027-01-04T08:00:00'));
    expect(after).toMatchObject({ due: true, surveyed: { key: '2026-Q4' } });
    // 1 October 00:00 BST; 1 January 00:00 GMT; 1 April 00:00 BST.
    expect(after.submittedFrom).toEqual(utc('2026-09-30T23:00:00'));
    expect(after.submittedUntil).toEqual(utc('2027-01-01T00:00:00'));
    expect(after.closesAt).toEqual(utc('2027-03-31T23:00:00'));
  });

  it("uses the region's fiscal quarters", () => {
    const february = createBusinessCalendar({
      timeZone: 'Europe/London',
      periodEnd: { fiscalYearStartMonth: 2 },
    });
    // 2 November 2026 is a Monday: the first business day of FY2027 Q4.
    const round = surveyRoundAt(february, utc('2026-11-02T10:00:00'));
    expect(round.surveyed.key).toBe('2027-Q3');
    expect(round.opensAt).toEqual(utc('2026-11-02T08:00:00'));
    expect(round.closesAt).toEqual(utc('2027-02-01T00:00:00'));
  });
});

describe('the reminder', () => {
  it("is due at the opening of the third business day after the survey's day", () => {
    expect(reminderDueAt(calendars.EMEA, utc('2027-01-04T08:00:00'), 3)).toEqual(utc('2027-01-07T08:00:00'));
    // Sent on a Thursday: Friday, Monday, Tuesday.
    expect(reminderDueAt(calendars.EMEA, utc('2027-01-07T15:00:00'), 3)).toEqual(utc('2027-01-12T08:00:00'));
  });

  it('skips holidays', () => {
    // Sent Wednesday 23 December 2026: Thursday 24th, (25th, 28th holidays), Tuesday 29th, Wednesday 30th
    // (in the year-end window the desk opens at 07:00).
    expect(reminderDueAt(calendars.EMEA, utc('2026-12-23T10:00:00'), 3)).toEqual(utc('2026-12-30T07:00:00'));
  });
});
