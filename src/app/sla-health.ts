// How a running SLA clock is doing — the one definition the desk lead's Home and the metrics share:
// breached once its budget is used up, at risk from 75 % used.

import { type DeskConfig, deskCalendars } from '../config/desk-config.ts';
import { clockFromRow } from '../db/sla-clocks.ts';
import type { Db } from '../db/types.ts';
import { parseRegion, type Region } from '../domain/regions.ts';
import { remainingAt, type SlaCalendar, type SlaClock, type SlaKind } from '../domain/sla/clock.ts';

/** Share of an SLA used from which a request counts as at risk. */
export const AT_RISK_SHARE = 0.75;

export type SlaHealth = 'breached' | 'at_risk' | 'on_track';

export function slaHealth(calendar: SlaCalendar, clock: SlaClock, now: Date): SlaHealth {
  const left = remainingAt(calendar, clock, now);
  if (left < 0) return 'breached';
  return clock.targetMinutes - left >= clock.targetMinutes * AT_RISK_SHARE ? 'at_risk' : 'on_track';
}

export interface RunningClockHealth {
  region: Region;
  kind: SlaKind;
  health: SlaHealth;
}

/** Every running clock (approval, step and response SLAs) with its health at `now`. */
export async function runningClockHealth(ctx: {
  db: Db;
  config: DeskConfig;
  now: Date;
}): Promise<RunningClockHealth[]> {
  const rows = await ctx.db.slaClock.findMany({
    where: { status: 'running', kind: { in: ['approval', 'step', 'response'] } },
  });
  const calendars = deskCalendars(ctx.config);
  return rows.map((row) => {
    const { clock, region } = clockFromRow(row);
    const parsed = parseRegion(region);
    return { region: parsed, kind: clock.kind, health: slaHealth(calendars[parsed], clock, ctx.now) };
  });
}
