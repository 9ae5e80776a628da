// Loading what the desk KPIs of a period need, and asking the domain for the figures. Four queries
// whatever the volume (requests, then their clocks, escalation cases and workflow audit events by
// `requestId IN (…)`), never one per request.

import { z } from 'zod';
import type { DeskConfig } from '../config/desk-config.ts';
import { clockFromRow } from '../db/sla-clocks.ts';
import {
  computeDeskKpis,
  type DeskKpis,
  type KpiClock,
  type KpiEvent,
  type KpiPeriod,
  type KpiPeriodKind,
  type KpiPeriodWhich,
  type KpiRequest,
  kpiPeriod,
} from '../domain/kpi/index.ts';
import { PlaybookRefSchema } from '../domain/playbook/schema.ts';
import { parseRegion, REGIONS, type Region } from '../domain/regions.ts';
import type { Role } from '../domain/roles.ts';
import { consumedAt } from '../domain/sla/clock.ts';
import { REQUEST_STATUSES } from '../domain/status.ts';
import { COMMAND_TYPES } from '../domain/workflow/commands.ts';
import type { ServiceContext } from './context.ts';

export interface KpiQuery {
  kind: KpiPeriodKind;
  which: KpiPeriodWhich;
  /** One region, or every region (each in its own calendar's period). */
  region: Region | null;
  /** Restricts the rejection, deviation and step-escalation breakdowns and step SLAs to one role. */
  role: Role | null;
}

export interface KpiReport {
  query: KpiQuery;
  /** "Q4 FY2026"; regions whose fiscal years differ are listed ("Q4 FY2026 / Q1 FY2027"). */
  label: string;
  /** The period of each region reported on. */
  periods: Partial<Record<Region, KpiPeriod>>;
  now: Date;
  kpis: DeskKpis;
}

type KpiServices = Pick<ServiceContext, 'db' | 'clock' | 'calendars' | 'playbooks'>;

/** Ticks and takes carry no KPI events; every other workflow command's audit row may. */
const KPI_ACTIONS = COMMAND_TYPES.filter((type) => !['tick', 'untick', 'take'].includes(type)).map(
  (type) => `workflow.${type}`,
);

/** Keeps each `IN (…)` list well under PostgreSQL's bind-parameter limit. */
const CHUNK = 5000;

const WorkflowHeadSchema = z.looseObject({
  playbook: PlaybookRefSchema,
  bookedAt: z.iso.datetime().nullable(),
});

const AuditEventSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('step_activated'), stepId: z.string(), at: z.iso.datetime() }),
  z.looseObject({
    type: z.literal('step_rejected'),
    stepId: z.string(),
    category: z.string().nullable(),
    at: z.iso.datetime(),
  }),
  z.looseObject({
    type: z.literal('deviation_recorded'),
    stepId: z.string(),
    deviation: z.looseObject({ field: z.string() }),
    at: z.iso.datetime(),
  }),
  z.looseObject({
    type: z.literal('escalated'),
    stepId: z.string(),
    category: z.string(),
    at: z.iso.datetime(),
  }),
]);
const AuditAfterSchema = z.looseObject({ events: z.array(z.unknown()).default([]) });

function toKpiEvent(data: z.infer<typeof AuditEventSchema>): KpiEvent {
  const at = new Date(data.at);
  switch (data.type) {
    case 'step_activated':
      return { type: data.type, stepId: data.stepId, at };
    case 'step_rejected':
      return { type: data.type, stepId: data.stepId, category: data.category, at };
    case 'deviation_recorded':
      return { type: data.type, stepId: data.stepId, field: data.deviation.field, at };
    case 'escalated':
      return { type: data.type, stepId: data.stepId, category: data.category, at };
  }
}

/** The KPI events of one audit row's `after` (other events, and other rows, give none). */
function eventsOf(after: unknown): KpiEvent[] {
  const parsed = AuditAfterSchema.safeParse(after);
  if (!parsed.success) return [];
  return parsed.data.events.flatMap((raw) => {
    const event = AuditEventSchema.safeParse(raw);
    return event.success ? [toKpiEvent(event.data)] : [];
  });
}

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += CHUNK) result.push(items.slice(index, index + CHUNK));
  return result;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** The period of each region asked about, in that region's calendar. */
export function kpiPeriods(
  ctx: Pick<ServiceContext, 'calendars'>,
  query: Pick<KpiQuery, 'kind' | 'which' | 'region'>,
  now: Date,
): Partial<Record<Region, KpiPeriod>> {
  const regions = query.region ? [query.region] : [...REGIONS];
  return Object.fromEntries(
    regions.map((region) => {
      const { timeZone, periodEnd } = ctx.calendars[region].config;
      return [
        region,
        kpiPeriod(query.kind, query.which, now, {
          timeZone,
          fiscalYearStartMonth: periodEnd.fiscalYearStartMonth,
        }),
      ];
    }),
  );
}

export async function loadDeskKpis(
  ctx: KpiServices,
  config: Pick<DeskConfig, 'kpis'>,
  query: KpiQuery,
): Promise<KpiReport> {
  const now = ctx.clock.now();
  const periods = kpiPeriods(ctx, query, now);
  const ranges = Object.entries(periods).map(([region, period]) => ({
    region,
    range: { gte: period.start, lt: period.end },
  }));
  // Submitted in the period, or booked in it (the approval clock stops at booking).
  const rows = await ctx.db.bookingRequest.findMany({
    where: {
      OR: ranges.flatMap(({ region, range }) => [
        { region, submittedAt: range },
        { region, slaClocks: { some: { key: 'approval', stoppedAt: range } } },
      ]),
    },
    select: { id: true, region: true, status: true, submittedAt: true },
    orderBy: { submittedAt: 'asc' },
  });
  const ids = rows.map((row) => row.id);
  const [headRows, clockRows, caseRows, auditRows] = await Promise.all([
    // Only the workflow's head: its steps and trail are nine tenths of it, and a quarter of requests
    // read whole took most of the time and memory of a lead's Home on a big desk.
    Promise.all(
      chunks(ids).map(
        (part) => ctx.db.$queryRaw<{ id: string; head: unknown }[]>`
          SELECT "id"::text AS "id", "workflow" - 'steps' - 'trail' AS "head"
          FROM "BookingRequest" WHERE "id" = ANY(${part}::uuid[])`,
      ),
    ),
    Promise.all(chunks(ids).map((part) => ctx.db.slaClock.findMany({ where: { requestId: { in: part } } }))),
    Promise.all(
      chunks(ids).map((part) =>
        ctx.db.escalationCase.findMany({
          where: { requestId: { in: part } },
          select: { requestId: true, category: true },
        }),
      ),
    ),
    Promise.all(
      chunks(ids).map((part) =>
        ctx.db.auditEvent.findMany({
          where: { requestId: { in: part }, action: { in: KPI_ACTIONS } },
          select: { requestId: true, after: true },
          orderBy: { id: 'asc' },
        }),
      ),
    ),
  ]);
  const headOf = new Map(headRows.flat().map((row) => [row.id, row.head]));
  const clocksOf = groupBy(clockRows.flat(), (row) => row.requestId);
  const casesOf = groupBy(caseRows.flat(), (row) => row.requestId);
  const auditOf = groupBy(auditRows.flat(), (row) => row.requestId ?? '');

  const requests = rows.map((row): KpiRequest => {
    const region = parseRegion(row.region);
    const head = WorkflowHeadSchema.parse(headOf.get(row.id));
    const playbook = ctx.playbooks.get(head.playbook);
    if (!playbook) throw new Error(`playbook ${head.playbook.id} v${head.playbook.version} is not deployed`);
    const status = REQUEST_STATUSES.find((candidate) => candidate === row.status);
    if (!status) throw new Error(`request ${row.id} has an unknown status ${row.status}`);
    const calendar = ctx.calendars[region];
    return {
      id: row.id,
      region,
      status,
      submittedAt: row.submittedAt,
      bookedAt: head.bookedAt === null ? null : new Date(head.bookedAt),
      playbook,
      events: (auditOf.get(row.id) ?? []).flatMap((audit) => eventsOf(audit.after)),
      clocks: (clocksOf.get(row.id) ?? []).map((clockRow): KpiClock => {
        const { clock } = clockFromRow(clockRow);
        return {
          kind: clock.kind,
          stepId: clock.stepId,
          targetMinutes: clock.targetMinutes,
          status: clock.status,
          outcome: clock.outcome,
          usedMinutes: consumedAt(calendar, clock, now),
          breachedAt: clock.breachedAt,
        };
      }),
      escalationCases: (casesOf.get(row.id) ?? []).map((escalation) => ({ category: escalation.category })),
    };
  });

  const kpis = computeDeskKpis({
    periods,
    role: query.role,
    requests,
    targets: {
      approvalAccuracy: config.kpis.approvalAccuracyTarget,
      slaAttainment: config.kpis.slaAttainmentTarget,
    },
  });
  const labels = [...new Set(Object.values(periods).map((period) => period.label))];
  return { query, label: labels.join(' / '), periods, now, kpis };
}
