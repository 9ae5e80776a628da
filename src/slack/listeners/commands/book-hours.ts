// `/book hours`: each region now — open or closed, next opening, today's hours and holidays,
// period-end status and coverage — answered only to the person who asked.

import { coverageFrom, shortStaffedOn } from '../../../app/coverage.ts';
import { REGIONS } from '../../../domain/regions.ts';
import { ROLES } from '../../../domain/roles.ts';
import type { SlackDeps } from '../../deps.ts';
import { hoursMessage, type RegionHours } from '../../views/hours.ts';
import { asBlocks } from '../../web-api-types.ts';

export async function hoursAnswer(deps: SlackDeps) {
  const { calendars, clock } = deps.services;
  const now = clock.now();
  const marks = await shortStaffedOn(deps.services, now);
  const scope = { calendars, config: deps.config };
  const regions = REGIONS.map((region): RegionHours => {
    const calendar = calendars[region];
    const today = calendar.day(calendar.localDate(now));
    const open = calendar.isOpen(now);
    const covering = ROLES.flatMap((role) => {
      const coverage = coverageFrom(scope, region, role, now, marks);
      return coverage.backup && coverage.reason
        ? [{ role, backup: coverage.backup, reason: coverage.reason }]
        : [];
    });
    return {
      region,
      timeZone: calendar.config.timeZone,
      open,
      // Opening hours never cross midnight, so an open desk is inside today's hours.
      closes: open ? today.closes : null,
      nextOpening: calendar.nextOpening(now),
      today,
      periodEnd: calendar.periodEndStatus(now),
      marks: marks.filter((mark) => mark.region === region),
      covering,
    };
  });
  const message = hoursMessage(now, regions);
  return { response_type: 'ephemeral' as const, text: message.text, blocks: asBlocks(message.blocks) };
}
