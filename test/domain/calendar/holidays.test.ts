// Holidays: public holidays of a country or subdivision by LOCAL date, explicit dates, several-day
// and part-day holidays.

import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../src/domain/calendar/business-calendar.ts';
import { parseIsoDate } from '../../../src/domain/calendar/civil-date.ts';
import { createHolidayLookup, holidayAreaProblem } from '../../../src/domain/calendar/holidays.ts';
import { calendarOf } from './helpers.ts';

const day = (iso: string) => parseIsoDate(iso) ?? Number.NaN;

describe('public holidays', () => {
  it('are taken by local date even where date-holidays starts them the UTC day before (Sydney)', () => {
    const apac = calendarOf('APAC');
    expect(apac.day('2026-01-26').holiday).toBe('Australia Day');
    expect(apac.day('2026-01-25').holiday).toBeNull();
    expect(apac.day('2026-04-27').holiday).toBe('Anzac Day (substitute day)');
  });

  it('follow the subdivision: GB-ENG has no St Andrew’s Day, GB-SCT has', () => {
    const england = createHolidayLookup({ dates: [], countries: ['GB-ENG'] });
    const scotland = createHolidayLookup({ dates: [], countries: ['GB-SCT'] });
    expect(england.holidayOn(day('2026-11-30'))).toBeNull();
    expect(scotland.holidayOn(day('2026-11-30'))).toMatch(/Andrew/);
    expect(england.holidayOn(day('2026-04-06'))).toBe('Easter Monday');
    expect(scotland.holidayOn(day('2026-04-06'))).toBeNull();
  });

  it('US: Labor Day and Thanksgiving', () => {
    const amer = calendarOf('AMER');
    expect(amer.day('2026-09-07').business).toBe(false);
    expect(amer.day('2026-11-26').business).toBe(false);
    expect(amer.day('2026-11-27').business).toBe(true);
  });

  it('only public ones: bank and observance days stay working days', () => {
    // 24 December is not a public holiday in England
    expect(calendarOf('EMEA').day('2026-12-24').business).toBe(true);
  });

  it('a several-day public holiday closes each of its days (Korean New Year 2026, 3 days)', () => {
    const korea = createHolidayLookup({ dates: [], countries: ['KR'] });
    expect(
      ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((d) =>
        korea.holidayOn(day(d)),
      ),
    ).toEqual([null, 'Korean New Year', 'Korean New Year', 'Korean New Year', null]);
  });

  it('a part-day public holiday closes the whole day (Iceland, Christmas Eve from 13:00)', () => {
    const iceland = createBusinessCalendar({
      timeZone: 'Atlantic/Reykjavik',
      holidays: { countries: ['IS'] },
    });
    expect(iceland.day('2026-12-24')).toMatchObject({ holiday: 'Christmas Eve', business: false });
  });

  it('holidays in early January are found (lookups per year are remembered)', () => {
    const emea = calendarOf('EMEA');
    expect(emea.day('2027-01-01').holiday).toBe("New Year's Day");
    expect(emea.day('2028-01-03').holiday).toMatch(/New Year/);
  });
});

describe('explicit dates', () => {
  it('close the desk and combine with country holidays; a public holiday keeps its name', () => {
    const calendar = createBusinessCalendar({
      timeZone: 'Europe/London',
      holidays: { dates: ['2026-06-10', '2026-12-25'], countries: ['GB-ENG'] },
    });
    expect(calendar.day('2026-06-10')).toMatchObject({ holiday: 'Desk holiday', business: false });
    expect(calendar.day('2026-12-25').holiday).toBe('Christmas Day');
    expect(calendar.day('2026-06-11').business).toBe(true);
  });
});

describe('holiday area codes', () => {
  it.each([
    ['US', null],
    ['AU-NSW', null],
    ['GB-ENG', null],
    ['DE-BY', null],
    ['us', /country code/],
    ['XX', /"XX" is not a country/],
    ['AU-XYZ', /"XYZ" is not a subdivision of AU/],
    ['GB_ENG', /country code/],
  ])('%s', (code, problem) => {
    const found = holidayAreaProblem(code);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });
});
