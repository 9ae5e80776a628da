// What a person's App Home shows, read from the database: their own requests (a rep), the steps
// waiting on their roles and what they hold (a specialist), and the desk's state (a desk lead).
// Plain values for the Block Kit builder; the viewer's roles come from the Slack directory.

import type { DeskConfig } from '../config/desk-config.ts';
import { deskCalendars } from '../config/desk-config.ts';
import { clockFromRow } from '../db/sla-clocks.ts';
import type { Db } from '../db/types.ts';
import type { PlaybookRegistry } from '../domain/playbook/registry.ts';
import { parseRegion, type Region } from '../domain/regions.ts';
import type { Role } from '../domain/roles.ts';
import { remainingAt } from '../domain/sla/clock.ts';
import { CLOSED_STATUSES } from '../domain/status.ts';
import { currentStep } from '../domain/workflow/queries.ts';
import { WorkflowStateSchema } from '../domain/workflow/state.ts';
import { runningClockHealth } from './sla-health.ts';

export interface HomeViewer {
  userId: string;
  /** The roles the viewer holds in each region (backup coverage included). */
  rolesByRegion: Readonly<Record<Region, readonly Role[]>>;
  isDeskAdmin: boolean;
}

export interface HomeRequest {
  id: string;
  reference: string;
  customer: string;
  region: Region;
  status: string;
  /** "Step 3/7 · Verify billing readiness", or null once closed. */
  step: { number: number; total: number; title: string; role: Role; stepId: string } | null;
  waitingOnRequester: boolean;
  ownerId: string | null;
  /** Business minutes left on the approval SLA (negative: overdue); null when it is not running. */
  slaLeftMinutes: number | null;
  slaBreached: boolean;
  deskChannel: string;
  parentTs: string | null;
  updatedAt: Date;
}

export interface DeskOverview {
  open: number;
  /** Open requests by current step title and region. */
  byStep: { title: string; counts: Partial<Record<Region, number>>; total: number }[];
  atRisk: number;
  breached: number;
  today: { submitted: number; booked: number; completed: number };
}

export interface HomeModel {
  viewer: HomeViewer;
  mine: HomeRequest[];
  recentlyClosed: HomeRequest[];
  /** Steps waiting on the viewer's roles (untaken, or taken by the viewer), most urgent first. */
  queue: HomeRequest[];
  /** Steps the viewer holds. */
  holding: HomeRequest[];
  overview: DeskOverview | null;
}

export interface HomeContext {
  db: Db;
  config: DeskConfig;
  playbooks: PlaybookRegistry;
  now: Date;
}

/** Requests the Home reads at most per list: pages are cut from these. */
const MAX_LISTED = 500;

export async function loadHomeModel(ctx: HomeContext, viewer: HomeViewer): Promise<HomeModel> {
  const holdsRoles = Object.values(viewer.rolesByRegion).some((roles) => roles.length > 0);
  const openStatuses = { notIn: [...CLOSED_STATUSES] };
  const [mineRows, closedRows, openRows] = await Promise.all([
    ctx.db.bookingRequest.findMany({
      where: { requesterId: viewer.userId, status: openStatuses },
      orderBy: { submittedAt: 'desc' },
      take: MAX_LISTED,
      select: SELECT,
    }),
    ctx.db.bookingRequest.findMany({
      where: { requesterId: viewer.userId, status: { in: [...CLOSED_STATUSES] } },
      orderBy: { updatedAt: 'desc' },
      take: 5,
      select: SELECT,
    }),
    holdsRoles || viewer.isDeskAdmin
      ? ctx.db.bookingRequest.findMany({ where: { status: openStatuses }, select: SELECT })
      : Promise.resolve([]),
  ]);
  const read = reader(ctx);
  const mine = await read(mineRows);
  const recentlyClosed = await read(closedRows);
  const open = await read(openRows);
  const queue = open
    .filter((request) => {
      const step = request.step;
      if (!step || request.waitingOnRequester) return false;
      if (!viewer.rolesByRegion[request.region].includes(step.role)) return false;
      return request.ownerId === null || request.ownerId === viewer.userId;
    })
    .sort(byUrgency);
  const holding = open.filter((request) => request.ownerId === viewer.userId).sort(byUrgency);
  return {
    viewer,
    mine,
    recentlyClosed,
    queue: queue.slice(0, MAX_LISTED),
    holding: holding.slice(0, MAX_LISTED),
    overview: viewer.isDeskAdmin ? await overviewOf(ctx, open) : null,
  };
}

const SELECT = {
  id: true,
  reference: true,
  region: true,
  status: true,
  workflow: true,
  deskChannel: true,
  parentTs: true,
  updatedAt: true,
  commercialVersion: true,
} as const;

type Row = {
  id: string;
  reference: string;
  region: string;
  status: string;
  workflow: unknown;
  deskChannel: string;
  parentTs: string | null;
  updatedAt: Date;
  commercialVersion: number;
};

/** Turns rows into Home entries with two batched queries (customers, approval clocks). */
function reader(ctx: HomeContext) {
  return async (rows: readonly Row[]): Promise<HomeRequest[]> => {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const [terms, clocks] = await Promise.all([
      ctx.db.commercialTerms.findMany({
        where: { requestId: { in: ids } },
        select: { requestId: true, version: true, customerAccountName: true },
      }),
      ctx.db.slaClock.findMany({ where: { requestId: { in: ids }, key: 'approval' } }),
    ]);
    const customers = new Map<string, { version: number; name: string }>();
    for (const term of terms) {
      const known = customers.get(term.requestId);
      if (!known || known.version < term.version) {
        customers.set(term.requestId, { version: term.version, name: term.customerAccountName });
      }
    }
    const approvalClocks = new Map(clocks.map((row) => [row.requestId, clockFromRow(row).clock]));
    const calendars = deskCalendars(ctx.config);
    return rows.map((row) => {
      const region = parseRegion(row.region);
      const state = WorkflowStateSchema.parse(row.workflow);
      const playbook = ctx.playbooks.get(state.playbook);
      const current = playbook ? currentStep(state, playbook) : null;
      const clock = approvalClocks.get(row.id);
      const running = clock && clock.status !== 'stopped' ? clock : null;
      const left = running ? remainingAt(calendars[region], running, ctx.now) : null;
      return {
        id: row.id,
        reference: row.reference,
        customer: customers.get(row.id)?.name ?? '',
        region,
        status: row.status,
        step:
          current && playbook
            ? {
                number: current.number,
                total: playbook.steps.length,
                title: current.step.title,
                role: current.step.role,
                stepId: current.step.id,
              }
            : null,
        waitingOnRequester: current?.waitingOn === 'requester',
        ownerId: current?.record.assignee?.userId ?? null,
        slaLeftMinutes: left,
        slaBreached: left !== null && left < 0,
        deskChannel: row.deskChannel,
        parentTs: row.parentTs,
        updatedAt: row.updatedAt,
      };
    });
  };
}

/** Breached first, then least SLA left, then the oldest change. */
function byUrgency(a: HomeRequest, b: HomeRequest): number {
  const left = (request: HomeRequest) => request.slaLeftMinutes ?? Number.POSITIVE_INFINITY;
  return left(a) - left(b) || a.updatedAt.getTime() - b.updatedAt.getTime();
}

async function overviewOf(ctx: HomeContext, open: readonly HomeRequest[]): Promise<DeskOverview> {
  const byStep = new Map<string, DeskOverview['byStep'][number]>();
  for (const request of open) {
    const title = request.waitingOnRequester
      ? 'Waiting on the requester'
      : request.step
        ? `${request.step.number}. ${request.step.title}`
        : 'Other';
    const entry = byStep.get(title) ?? { title, counts: {}, total: 0 };
    entry.counts[request.region] = (entry.counts[request.region] ?? 0) + 1;
    entry.total += 1;
    byStep.set(title, entry);
  }
  const running = await runningClockHealth(ctx);
  const atRisk = running.filter((clock) => clock.health === 'at_risk').length;
  const breached = running.filter((clock) => clock.health === 'breached').length;
  const dayStart = new Date(ctx.now.getTime() - 24 * 60 * 60_000);
  const [submitted, booked, completed] = await Promise.all([
    ctx.db.bookingRequest.count({ where: { submittedAt: { gte: dayStart } } }),
    ctx.db.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) AS "count" FROM "BookingRequest"
      WHERE ("workflow"->>'bookedAt') IS NOT NULL AND ("workflow"->>'bookedAt')::timestamptz >= ${dayStart}`.then(
      (rows) => Number(rows[0]?.count ?? 0),
    ),
    ctx.db.bookingRequest.count({ where: { status: 'completed', updatedAt: { gte: dayStart } } }),
  ]);
  return {
    open: open.length,
    byStep: [...byStep.values()].sort((a, b) => a.title.localeCompare(b.title, 'en', { numeric: true })),
    atRisk,
    breached,
    today: { submitted, booked, completed },
  };
}
