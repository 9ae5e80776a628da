// America/Los_Angeles calendars (AMER, LATAM and one with hours inside the DST gap and repeat)
// against the minute-stepping reference. One file per zone: the reference's luxon lookups are shared.

import { describe, it } from 'vitest';
import { compareWithReference, subjectFor } from './compare.ts';
import { DEFAULTS, LOS_ANGELES_NIGHT } from './scenarios.ts';

describe('Los Angeles calendars agree with the minute-by-minute reference', () => {
  it('AMER default (07:00–17:00, US holidays)', () => {
    compareWithReference(subjectFor(DEFAULTS.AMER), { short: 200, long: 6 });
  });

  it('LATAM default', () => {
    compareWithReference(subjectFor(DEFAULTS.LATAM), { short: 60, long: 2 });
  });

  it('opening and cut-off inside the March gap, extended opening inside the November repeat, open Sundays', () => {
    compareWithReference(subjectFor(LOS_ANGELES_NIGHT), { short: 200, long: 6 });
  });
});
