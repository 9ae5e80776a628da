// `/book hours`: each region now — its local time, open or closed and until when, today's hours and
// holidays, period-end status and coverage — shown only to the person who asked. Times are the
// region's own local times (a region's desk keeps its own clock), with the zone named.

import { DateTime } from 'luxon';
import { type CoverageReason, periodEndWords, type ShortStaffedMark } from '../../app/coverage.ts';
import type { BusinessDay, PeriodEndStatus } from '../../domain/calendar/index.ts';
import type { Region } from '../../domain/regions.ts';
import { ROLE_LABELS, type Role } from '../../domain/roles.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import { coverageRoleLabel } from './coverage-answers.ts';
import { type Block, context, section } from './elements.ts';

export interface RegionHours {
  region: Region;
  timeZone: string;
  open: boolean;
  /** When open: the close of the current opening. */
  closes: Date | null;
  /** When closed: the next opening. */
  nextOpening: Date;
  /** The region's local date now, as the calendar sees it. */
  today: BusinessDay;
  periodEnd: PeriodEndStatus;
  /** Short-staffed marks of today's local date. */
  marks: readonly ShortStaffedMark[];
  /** Roles whose backup pool covers right now. */
  covering: readonly { role: Role; backup: Region; reason: CoverageReason }[];
}

const MS_PER_MINUTE = 60_000;

function local(at: Date, timeZone: string): DateTime {
  return DateTime.fromJSDate(at, { zone: timeZone }).setLocale('en-GB');
}

/** "08:00" later today, "Mon 08:00" within the week, "Mon 4 Jan 08:00" beyond, in the region's zone. */
function clockTime(at: Date, now: Date, timeZone: string): string {
  const then = local(at, timeZone);
  const today = local(now, timeZone).startOf('day');
  if (then.hasSame(today, 'day')) return then.toFormat('HH:mm');
  return then < today.plus({ days: 6 }) ? then.toFormat('ccc HH:mm') : then.toFormat('ccc d LLL HH:mm');
}

/** "2 h 10 m", "45 m", "2 d 4 h": how long until `at`, rounded up to the minute. */
export function durationUntil(now: Date, at: Date): string {
  const minutes = Math.max(0, Math.ceil((at.getTime() - now.getTime()) / MS_PER_MINUTE));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return rest > 0 ? `${hours} h ${rest} m` : `${hours} h`;
  return `${rest} m`;
}

function statusLine(hours: RegionHours, now: Date): { mrkdwn: string; plain: string } {
  if (hours.open && hours.closes) {
    const until = clockTime(hours.closes, now, hours.timeZone);
    return { mrkdwn: `:large_green_circle: *Open* until ${until}`, plain: `open until ${until}` };
  }
  const opens = clockTime(hours.nextOpening, now, hours.timeZone);
  const wait = durationUntil(now, hours.nextOpening);
  return {
    mrkdwn: `:red_circle: *Closed* — opens ${opens} (in ${wait})`,
    plain: `closed — opens ${opens} (in ${wait})`,
  };
}

function todayLine({ today, timeZone }: RegionHours): string {
  const hhmm = (at: Date) => local(at, timeZone).toFormat('HH:mm');
  if (today.holiday) return `Closed today · holiday: ${escapeMrkdwn(today.holiday)}`;
  if (!today.opens || !today.closes) return 'Closed today (not a working day) · no holiday';
  const cutoff = today.cutoff ? `same-day cut-off ${hhmm(today.cutoff)}` : 'no cut-off (period end)';
  return `Today ${hhmm(today.opens)}–${hhmm(today.closes)} · ${cutoff} · no holiday`;
}

function periodEndLine(hours: RegionHours, now: Date): string {
  const { periodEnd, today, timeZone } = hours;
  if (periodEnd.inWindow && periodEnd.until) {
    const kinds = periodEnd.windows.map((window) => window.period);
    return `:calendar: ${periodEndWords(kinds)} until ${clockTime(periodEnd.until, now, timeZone)}`;
  }
  if (today.periodEnds.length > 0 && today.opens && now < today.opens) {
    return `:calendar: ${periodEndWords(today.periodEnds)} from ${local(today.opens, timeZone).toFormat('HH:mm')} today`;
  }
  return 'Period end: none';
}

function coverageLine({ marks, covering }: RegionHours): string {
  const parts: string[] = [];
  if (marks.length > 0) {
    const marked = marks.map((mark) => {
      const reason = mark.reason.trim() ? ` (${escapeMrkdwn(mark.reason.trim().slice(0, 100))})` : '';
      return `${coverageRoleLabel(mark.role)}${reason}`;
    });
    parts.push(`:warning: Short-staffed today: ${marked.join(', ')}`);
  }
  if (covering.length > 0) {
    const who = covering.map((cover) => `${ROLE_LABELS[cover.role]} by ${cover.backup}`);
    parts.push(`Backups covering now: ${who.join(', ')}`);
  }
  return parts.length > 0 ? parts.join(' · ') : 'Coverage: normal';
}

export function hoursMessage(now: Date, regions: readonly RegionHours[]): { text: string; blocks: Block[] } {
  const blocks: Block[] = [context("*Desk hours now*, in each region's local time")];
  const summary: string[] = [];
  for (const hours of regions) {
    const status = statusLine(hours, now);
    const heading = `*${hours.region}* · ${escapeMrkdwn(hours.timeZone)} · ${local(now, hours.timeZone).toFormat('ccc d LLL HH:mm')}`;
    blocks.push(
      section(
        [heading, status.mrkdwn, todayLine(hours), periodEndLine(hours, now), coverageLine(hours)].join('\n'),
      ),
    );
    summary.push(`${hours.region} ${status.plain}`);
  }
  return { text: `Desk hours: ${summary.join('; ')}`, blocks };
}
