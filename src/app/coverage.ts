// Backup coverage: a region's role may name another region whose same role covers for it. Coverage
// is on inside the region's period-end windows and on local dates a desk admin marked short-staffed
// (for that role or for every role). Desk admins mark and clear those dates, each in one
// transaction with its audit event.

import { DateTime } from 'luxon';
import type { DeskConfig } from '../config/desk-config.ts';
import { recordAudit } from '../db/audit-log.ts';
import {
  type CoverageRole,
  deleteMark,
  EVERY_ROLE,
  findMarks,
  insertMark,
  type MarkKey,
  marksCovering,
  marksFrom,
  marksOn,
  type ShortStaffedMark,
} from '../db/coverage.ts';
import type { DbOrTx, Tx } from '../db/types.ts';
import type { BusinessCalendar, PeriodKind } from '../domain/calendar/index.ts';
import { REGIONS, type Region } from '../domain/regions.ts';
import type { Role } from '../domain/roles.ts';
import type { ServiceContext } from './context.ts';
import { rerenderCoveredSteps } from './coverage-renders.ts';

export type CoverageReason = 'period_end' | 'short_staffed';

export interface Coverage {
  /** The region whose same role covers now; null when nobody covers. */
  backup: Region | null;
  reason: CoverageReason | null;
  /** The admin's reason for a short-staffed date, or which period-end window ("month-end window"). */
  note: string | null;
}

export const NO_COVERAGE: Coverage = { backup: null, reason: null, note: null };

export interface CoverageScope {
  db: DbOrTx;
  calendars: Readonly<Record<Region, BusinessCalendar>>;
  config: Pick<DeskConfig, 'regions'>;
}

/** "month-end window", "month- and quarter-end window". */
export function periodEndWords(kinds: readonly PeriodKind[]): string {
  if (kinds.length === 0) return 'period-end window';
  const names = kinds.map((kind, index) => (index === kinds.length - 1 ? `${kind}-end` : `${kind}-`));
  const joined = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `${joined} window`;
}

/**
 * Who covers `role` in `region` at `at`, given the short-staffed marks of the region's local date
 * of `at` (any roles: the ones that do not apply are ignored). A mark wins over a period-end window
 * because it carries the admin's reason.
 */
export function coverageFrom(
  scope: Omit<CoverageScope, 'db'>,
  region: Region,
  role: Role,
  at: Date,
  marks: readonly ShortStaffedMark[],
): Coverage {
  const backup = scope.config.regions[region].roles[role].backup ?? null;
  if (!backup) return NO_COVERAGE;
  const calendar = scope.calendars[region];
  const date = calendar.localDate(at);
  const mark = marks.find(
    (candidate) =>
      candidate.region === region &&
      candidate.date === date &&
      (candidate.role === role || candidate.role === EVERY_ROLE),
  );
  if (mark) return { backup, reason: 'short_staffed', note: mark.reason.trim() || null };
  const periodEnd = calendar.periodEndStatus(at);
  if (periodEnd.inWindow) {
    return { backup, reason: 'period_end', note: periodEndWords(periodEnd.windows.map((w) => w.period)) };
  }
  return NO_COVERAGE;
}

/** Who covers `role` in `region` at the instant `at` (one query, and only when a backup is configured). */
export async function coverageAt(
  scope: CoverageScope,
  region: Region,
  role: Role,
  at: Date,
): Promise<Coverage> {
  if (!scope.config.regions[region].roles[role].backup) return NO_COVERAGE;
  const marks = await marksCovering(scope.db, region, scope.calendars[region].localDate(at), role);
  return coverageFrom(scope, region, role, at, marks);
}

/** Each region's local date at an instant. */
export function localDates(
  calendars: Readonly<Record<Region, BusinessCalendar>>,
  at: Date,
): Record<Region, string> {
  return Object.fromEntries(REGIONS.map((region) => [region, calendars[region].localDate(at)])) as Record<
    Region,
    string
  >;
}

/** The short-staffed marks from each region's today on, by date. */
export async function upcomingShortStaffed(
  ctx: Pick<ServiceContext, 'db' | 'clock' | 'calendars'>,
): Promise<ShortStaffedMark[]> {
  return marksFrom(ctx.db, localDates(ctx.calendars, ctx.clock.now()));
}

/** The short-staffed marks of each region's local date at `at`. */
export async function shortStaffedOn(
  ctx: Pick<ServiceContext, 'db' | 'calendars'>,
  at: Date,
): Promise<ShortStaffedMark[]> {
  return marksOn(ctx.db, localDates(ctx.calendars, at));
}

export const COVERAGE_MARK_ACTION = 'coverage.mark';
export const COVERAGE_CLEAR_ACTION = 'coverage.clear';

export interface CoverageActor {
  userId: string;
  isDeskAdmin: boolean;
}

export interface MarkRequest extends MarkKey {
  reason: string;
  actor: CoverageActor;
  /** The region's roles that name a backup region (from the desk config). */
  rolesWithBackup: readonly Role[];
}

export interface ClearRequest extends MarkKey {
  actor: CoverageActor;
  rolesWithBackup: readonly Role[];
}

type CoverageServices = Pick<ServiceContext, 'db' | 'clock' | 'calendars' | 'playbooks' | 'outboxWritten'>;

/** Step messages already posted show the change at once when it is for the region's today. */
async function showOnPostedSteps(
  tx: Tx,
  ctx: CoverageServices,
  request: MarkKey & { rolesWithBackup: readonly Role[] },
  action: string,
  at: Date,
): Promise<number> {
  return rerenderCoveredSteps(tx, ctx, {
    ...request,
    today: ctx.calendars[request.region].localDate(at),
    label: action,
    at,
  });
}

/** Why a date cannot be marked or cleared; `today` and `latest` are the region's local dates. */
export type DateProblem =
  | { reason: 'not_a_date' }
  | { reason: 'in_the_past'; today: string }
  | { reason: 'too_far_ahead'; latest: string };

export type MarkResult =
  | { ok: true; mark: ShortStaffedMark }
  | { ok: false; reason: 'not_desk_admin' }
  | ({ ok: false } & DateProblem)
  /** The date is already marked for that role, or for every role (`mark` says which). */
  | { ok: false; reason: 'already_marked'; mark: ShortStaffedMark };

export type ClearResult =
  | { ok: true; mark: ShortStaffedMark }
  | { ok: false; reason: 'not_desk_admin' }
  | ({ ok: false } & DateProblem)
  | { ok: false; reason: 'not_marked' };

/** A mark may be set from the region's today up to the same date a year later. */
export function dateProblem(
  calendars: Readonly<Record<Region, BusinessCalendar>>,
  region: Region,
  date: string,
  at: Date,
): DateProblem | null {
  const parsed = DateTime.fromFormat(date, 'yyyy-MM-dd', { zone: 'utc' });
  if (!parsed.isValid) return { reason: 'not_a_date' };
  const today = calendars[region].localDate(at);
  if (date < today) return { reason: 'in_the_past', today };
  const latest = DateTime.fromFormat(today, 'yyyy-MM-dd', { zone: 'utc' }).plus({ years: 1 }).toISODate();
  if (latest !== null && date > latest) return { reason: 'too_far_ahead', latest };
  return null;
}

async function refuseNonAdmin(
  ctx: Pick<ServiceContext, 'db'>,
  action: string,
  request: MarkKey & { actor: CoverageActor },
  at: Date,
): Promise<void> {
  await ctx.db.$transaction((tx) =>
    recordAudit(tx, {
      requestId: null,
      actorId: request.actor.userId,
      action: `refused.${action}`,
      at,
      after: { region: request.region, date: request.date, role: request.role, reason: 'not_desk_admin' },
    }),
  );
}

/** Marks a region's date short-staffed for a role (or every role). Desk admins only. */
export async function markShortStaffed(ctx: CoverageServices, request: MarkRequest): Promise<MarkResult> {
  const at = ctx.clock.now();
  if (!request.actor.isDeskAdmin) {
    await refuseNonAdmin(ctx, COVERAGE_MARK_ACTION, request, at);
    return { ok: false, reason: 'not_desk_admin' };
  }
  const problem = dateProblem(ctx.calendars, request.region, request.date, at);
  if (problem) return { ok: false, ...problem };
  const mark: ShortStaffedMark = {
    region: request.region,
    date: request.date,
    role: request.role,
    reason: request.reason.trim(),
    markedBy: request.actor.userId,
    markedAt: at,
  };
  let rerenders = 0;
  const result = await ctx.db.$transaction(async (tx): Promise<MarkResult> => {
    const roles: CoverageRole[] = request.role === EVERY_ROLE ? [EVERY_ROLE] : [request.role, EVERY_ROLE];
    const existing = await findMarks(tx, request.region, request.date, roles);
    const earlier = existing.find((candidate) => candidate.role === request.role) ?? existing[0];
    if (earlier) return { ok: false, reason: 'already_marked', mark: earlier };
    if (!(await insertMark(tx, mark))) {
      // Another admin marked it a moment ago.
      const [raced] = await findMarks(tx, request.region, request.date, [request.role]);
      return { ok: false, reason: 'already_marked', mark: raced ?? mark };
    }
    await recordAudit(tx, {
      requestId: null,
      actorId: request.actor.userId,
      action: COVERAGE_MARK_ACTION,
      at,
      after: mark,
    });
    rerenders = await showOnPostedSteps(tx, ctx, request, COVERAGE_MARK_ACTION, at);
    return { ok: true, mark };
  });
  if (rerenders > 0) ctx.outboxWritten();
  return result;
}

/** Clears a mark (exactly that role, or the every-role mark). Desk admins only. */
export async function clearShortStaffed(ctx: CoverageServices, request: ClearRequest): Promise<ClearResult> {
  const at = ctx.clock.now();
  if (!request.actor.isDeskAdmin) {
    await refuseNonAdmin(ctx, COVERAGE_CLEAR_ACTION, request, at);
    return { ok: false, reason: 'not_desk_admin' };
  }
  const problem = dateProblem(ctx.calendars, request.region, request.date, at);
  // Nothing after a year can exist, so only the date's form and the past matter here.
  if (problem && problem.reason !== 'too_far_ahead') return { ok: false, ...problem };
  let rerenders = 0;
  const result = await ctx.db.$transaction(async (tx): Promise<ClearResult> => {
    const removed = await deleteMark(tx, { region: request.region, date: request.date, role: request.role });
    if (!removed) return { ok: false, reason: 'not_marked' };
    await recordAudit(tx, {
      requestId: null,
      actorId: request.actor.userId,
      action: COVERAGE_CLEAR_ACTION,
      at,
      before: removed,
    });
    rerenders = await showOnPostedSteps(tx, ctx, request, COVERAGE_CLEAR_ACTION, at);
    return { ok: true, mark: removed };
  });
  if (rerenders > 0) ctx.outboxWritten();
  return result;
}

export type { CoverageRole, ShortStaffedMark };
