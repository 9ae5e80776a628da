// One row per request submitted in the range, in reference order, read in pages keyed on the
// (unique, indexed) reference. Each page loads its requests' current terms, lines and approval
// clocks with one query each.

import { clockFromRow } from '../db/sla-clocks.ts';
import { totalContractValue } from '../domain/booking/lines.ts';
import { CURRENCIES, isCurrency } from '../domain/money.ts';
import { isRegion } from '../domain/regions.ts';
import { consumedAt, type SlaClock } from '../domain/sla/clock.ts';
import { currentStep, progress } from '../domain/workflow/queries.ts';
import { isClosed, type WorkflowState, WorkflowStateSchema } from '../domain/workflow/state.ts';
import type { ExportContext } from './context.ts';
import type { CsvTable, CsvValue } from './csv.ts';
import type { ExportRange } from './range.ts';

export const REQUESTS_HEADER = [
  'reference',
  'status',
  'region',
  'requester',
  'customer',
  'customer_crm_id',
  'quote',
  'currency',
  'total_contract_value',
  'term_months',
  'urgent',
  'submitted',
  'booked',
  'closed',
  'current_step',
  'approval_sla_status',
  'approval_sla_outcome',
  'approval_business_minutes',
] as const;

export function requestsTable(ctx: ExportContext, range: ExportRange): CsvTable {
  return { header: REQUESTS_HEADER, pages: requestPages(ctx, range) };
}

export async function* requestPages(ctx: ExportContext, range: ExportRange): AsyncGenerator<CsvValue[][]> {
  const pageSize = ctx.pageSize ?? 1000;
  let after: string | null = null;
  for (;;) {
    const requests = await requestPage(ctx, range, after, pageSize);
    if (requests.length === 0) return;
    const ids = requests.map((request) => request.id);
    const [terms, lines, clocks] = await Promise.all([
      ctx.db.commercialTerms.findMany({
        where: { requestId: { in: ids } },
        select: {
          requestId: true,
          version: true,
          customerAccountName: true,
          customerCrmId: true,
          currency: true,
          termMonths: true,
          creditsMinor: true,
          oneTimeChargesMinor: true,
        },
      }),
      ctx.db.bookingLine.findMany({
        where: { requestId: { in: ids } },
        select: {
          requestId: true,
          version: true,
          sku: true,
          description: true,
          quantity: true,
          unitPriceMinor: true,
          discountBasisPoints: true,
        },
      }),
      ctx.db.slaClock.findMany({ where: { requestId: { in: ids }, key: 'approval' } }),
    ]);
    const termsOf = new Map(terms.map((row) => [`${row.requestId}:${row.version}`, row]));
    const linesOf = groupBy(lines, (row) => `${row.requestId}:${row.version}`);
    const clockOf = new Map(clocks.map((row) => [row.requestId, clockFromRow(row).clock]));

    yield requests.map((request) => {
      const key = `${request.id}:${request.commercialVersion}`;
      const current = termsOf.get(key);
      const state = WorkflowStateSchema.parse(request.workflow);
      const clock = clockOf.get(request.id) ?? null;
      const currency = current && isCurrency(current.currency) ? current.currency : null;
      const tcv =
        current && currency
          ? majorUnits(
              totalContractValue(
                linesOf.get(key) ?? [],
                current.termMonths,
                current.oneTimeChargesMinor,
                current.creditsMinor,
              ),
              CURRENCIES[currency],
            )
          : null;
      return [
        request.reference,
        request.status,
        request.region,
        request.requesterId,
        current?.customerAccountName ?? null,
        current?.customerCrmId ?? null,
        request.quoteNumber,
        current?.currency ?? null,
        tcv,
        current?.termMonths ?? null,
        request.urgent,
        request.submittedAt,
        state.bookedAt === null ? null : new Date(state.bookedAt),
        isClosed(state) ? new Date(state.closure.at) : null,
        stepLabel(ctx, state),
        clock?.status ?? null,
        clock ? outcomeOf(clock, ctx.now) : null,
        clock ? approvalMinutes(ctx, request.region, clock) : null,
      ];
    });
    if (requests.length < pageSize) return;
    after = requests[requests.length - 1]?.reference ?? null;
  }
}

function requestPage(ctx: ExportContext, range: ExportRange, after: string | null, pageSize: number) {
  return ctx.db.bookingRequest.findMany({
    where: {
      submittedAt: { gte: range.start, lt: range.end },
      ...(after === null ? {} : { reference: { gt: after } }),
    },
    orderBy: { reference: 'asc' },
    take: pageSize,
    select: {
      id: true,
      reference: true,
      status: true,
      region: true,
      requesterId: true,
      quoteNumber: true,
      urgent: true,
      commercialVersion: true,
      submittedAt: true,
      workflow: true,
    },
  });
}

/** "4 Create the booked order" (or just the number when the playbook is not deployed); null when closed. */
function stepLabel(ctx: ExportContext, state: WorkflowState): string | null {
  if (isClosed(state)) return null;
  const playbook = ctx.playbooks.get(state.playbook);
  const step = playbook ? currentStep(state, playbook) : null;
  if (step) return `${step.number} ${step.step.title}`;
  const number = progress(state).current;
  return number === null ? null : String(number);
}

function outcomeOf(clock: SlaClock, now: Date): string | null {
  if (clock.outcome !== null) return clock.outcome;
  if (clock.breachedAt !== null) return 'breached';
  if (clock.status === 'running' && clock.dueAt !== null && now.getTime() > clock.dueAt.getTime()) {
    return 'breached';
  }
  return null;
}

function approvalMinutes(ctx: ExportContext, region: string, clock: SlaClock): number {
  if (!isRegion(region)) return clock.consumedMinutes;
  return consumedAt(ctx.calendars[region], clock, ctx.now);
}

/** 1234567n with exponent 2 → "12345.67": exact, no grouping, a minus sign when negative. */
export function majorUnits(minor: bigint, exponent: number): string {
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent > 0 ? `.${digits.slice(digits.length - exponent)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
