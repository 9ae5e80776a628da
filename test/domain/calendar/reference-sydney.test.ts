// Australia/Sydney calendars (APAC and one with hours inside the DST gap and repeat, fiscal year
// from July) against the minute-stepping reference.

import { describe, it } from 'vitest';
import { compareWithReference, subjectFor } from './compare.ts';
import { DEFAULTS, SYDNEY_NIGHT } from './scenarios.ts';

describe('Sydney calendars agree with the minute-by-minute reference', () => {
  it('APAC default (08:00–17:00, AU-NSW holidays)', () => {
    compareWithReference(subjectFor(DEFAULTS.APAC), { short: 200, long: 6 });
  });

  it('02:30–16:00 every day: opening in the October gap and the April repeat', () => {
    compareWithReference(subjectFor(SYDNEY_NIGHT), { short: 200, long: 6 });
  });
});
