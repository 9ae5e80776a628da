// The KPI table: one row per month (UTC) and region of submission, computed by the database in one
// grouped query (a few rows per month, whatever the volume):
//   submitted                      requests submitted that month in that region
//   booked                         of those, how many have been booked (order created) by now
//   approval_sla_met               of those, booked within the approval SLA (a request closed before
//                                  booking stops its clock but is neither met nor breached here)
//   approval_sla_breached          of those, approval SLAs breached (a running clock already past
//                                  its due time included)
//   median_approval_business_hours median business hours from submission to booking (clock time:
//                                  pauses while waiting on the requester are not counted)

import type { ExportContext } from './context.ts';
import type { CsvTable, CsvValue } from './csv.ts';
import type { ExportRange } from './range.ts';

export const KPIS_HEADER = [
  'month',
  'region',
  'submitted',
  'booked',
  'approval_sla_met',
  'approval_sla_breached',
  'median_approval_business_hours',
] as const;

interface KpiRow {
  month: string;
  region: string;
  submitted: number;
  booked: number;
  met: number;
  breached: number;
  median_minutes: number | null;
}

export function kpisTable(ctx: ExportContext, range: ExportRange): CsvTable {
  return { header: KPIS_HEADER, pages: kpiPages(ctx, range) };
}

export async function* kpiPages(ctx: ExportContext, range: ExportRange): AsyncGenerator<CsvValue[][]> {
  const rows = await ctx.db.$queryRaw<KpiRow[]>`
    SELECT to_char(r."submittedAt" AT TIME ZONE 'UTC', 'YYYY-MM') AS month,
           r.region,
           count(*)::int AS submitted,
           count(*) FILTER (WHERE r.workflow->>'bookedAt' IS NOT NULL)::int AS booked,
           count(c.id) FILTER (WHERE c.outcome = 'met' AND r.workflow->>'bookedAt' IS NOT NULL)::int AS met,
           count(c.id) FILTER (
             WHERE c.outcome = 'breached'
                OR (c.outcome IS NULL AND (c."breachedAt" IS NOT NULL
                    OR (c.status = 'running' AND c."dueAt" < ${ctx.now})))
           )::int AS breached,
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY c."consumedMinutes")
              FILTER (WHERE c.status = 'stopped' AND r.workflow->>'bookedAt' IS NOT NULL))::float8
             AS median_minutes
    FROM "BookingRequest" r
    LEFT JOIN "SlaClock" c ON c."requestId" = r.id AND c.key = 'approval'
    WHERE r."submittedAt" >= ${range.start} AND r."submittedAt" < ${range.end}
    GROUP BY 1, 2
    ORDER BY 1, 2`;
  if (rows.length === 0) return;
  yield rows.map((row) => [
    row.month,
    row.region,
    row.submitted,
    row.booked,
    row.met,
    row.breached,
    row.median_minutes === null ? null : (row.median_minutes / 60).toFixed(2),
  ]);
}
