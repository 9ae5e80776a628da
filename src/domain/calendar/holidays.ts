// Holidays of one desk: explicit dates from the config plus the public holidays of countries
// (optionally a subdivision: AU-NSW, GB-ENG, US, DE-BY) from date-holidays, looked up once per
// year and remembered.
//
// date-holidays reports each holiday with `start`/`end` instants in the country's own time zone
// and a `date` text "YYYY-MM-DD hh:mm:ss [±hhmm]" in that country's local time. The holiday is a
// calendar DATE, so we take the date from that text and never from `start` (whose UTC date is the
// day before for every zone east of Greenwich). A public holiday spanning several days (Seollal,
// Eid) closes each of its dates; a part-day public holiday (Christmas Eve afternoon) closes the day.

import Holidays from 'date-holidays';
import { civilDate, MS_PER_DAY, parseIsoDate } from './civil-date.ts';

export interface HolidaySource {
  /** Explicit dates, YYYY-MM-DD. */
  dates: readonly string[];
  /** Country codes with optional subdivision: US, GB-ENG, AU-NSW, DE-BY-A. */
  countries: readonly string[];
}

export interface HolidayLookup {
  /** The holiday's name when the local date (a day number) is a holiday, otherwise null. */
  holidayOn(day: number): string | null;
}

const CUSTOM_HOLIDAY_NAME = 'Desk holiday';

interface HolidayArea {
  country: string;
  state?: string;
  region?: string;
}

function parseArea(code: string): HolidayArea {
  const [country = '', state, region] = code.split('-');
  return { country, ...(state ? { state } : {}), ...(region ? { region } : {}) };
}

let catalogue: Holidays | undefined;

/** Null when date-holidays knows the country code (and subdivision), otherwise what is wrong. */
export function holidayAreaProblem(code: string): string | null {
  if (!/^[A-Z]{2}(-[A-Z0-9]+){0,2}$/.test(code)) {
    return `"${code}" must be a country code with an optional subdivision, such as US, GB-ENG or AU-NSW`;
  }
  catalogue ??= new Holidays();
  const { country, state, region } = parseArea(code);
  if (!catalogue.getCountries('en')[country]) return `"${country}" is not a country known to date-holidays`;
  if (state && !catalogue.getStates(country, 'en')?.[state]) {
    return `"${state}" is not a subdivision of ${country} known to date-holidays`;
  }
  if (state && region && !catalogue.getRegions(country, state, 'en')?.[region]) {
    return `"${region}" is not a region of ${country}-${state} known to date-holidays`;
  }
  return null;
}

export function createHolidayLookup(source: HolidaySource): HolidayLookup {
  const explicit = new Set<number>();
  for (const text of source.dates) {
    const day = parseIsoDate(text);
    if (day === null) throw new RangeError(`holiday "${text}" is not a date YYYY-MM-DD`);
    explicit.add(day);
  }
  const names = new Map<number, string>();
  const areas = source.countries.map((code) => {
    const problem = holidayAreaProblem(code);
    if (problem) throw new RangeError(problem);
    return new Holidays(parseArea(code), { languages: ['en'] });
  });
  const loadedYears = new Set<number>();

  function load(year: number): void {
    if (loadedYears.has(year)) return;
    loadedYears.add(year);
    for (const area of areas) {
      for (const holiday of area.getHolidays(year)) {
        if (holiday.type !== 'public') continue;
        const first = parseIsoDate(holiday.date.slice(0, 10));
        if (first === null) continue;
        const days = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / MS_PER_DAY));
        for (let day = first; day < first + days; day++) {
          if (!names.has(day)) names.set(day, holiday.name);
        }
      }
    }
  }

  return {
    holidayOn(day) {
      const { year } = civilDate(day);
      // A holiday of several days that starts in late December of the year before reaches into this one.
      load(year - 1);
      load(year);
      return names.get(day) ?? (explicit.has(day) ? CUSTOM_HOLIDAY_NAME : null);
    },
  };
}
