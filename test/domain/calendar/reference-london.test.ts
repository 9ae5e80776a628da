// Europe/London calendars (EMEA and one with hours inside the DST gap and repeat, fiscal year from
// February) against the minute-stepping reference.

import { describe, it } from 'vitest';
import { compareWithReference, subjectFor } from './compare.ts';
import { DEFAULTS, LONDON_NIGHT } from './scenarios.ts';

describe('London calendars agree with the minute-by-minute reference', () => {
  it('EMEA default (08:00–17:00, GB-ENG holidays)', () => {
    compareWithReference(subjectFor(DEFAULTS.EMEA), { short: 200, long: 6 });
  });

  it('01:30–12:00 every day: opening and cut-off in the March gap and the October repeat', () => {
    compareWithReference(subjectFor(LONDON_NIGHT), { short: 200, long: 6 });
  });
});
