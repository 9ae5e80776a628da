// The audit log for a range of days in id (insertion) order, read in pages keyed on the primary key
// (keyset pagination: no OFFSET, so a page costs the same however deep into the range it is), one
// page held at a time.

import type { DbOrTx } from '../db/types.ts';
import type { CsvTable, CsvValue } from './csv.ts';
import type { ExportRange } from './range.ts';

export const AUDIT_HEADER = ['id', 'at', 'request', 'actor', 'action', 'before', 'after'] as const;

export const DEFAULT_PAGE_SIZE = 1000;

export function auditTable(db: DbOrTx, range: ExportRange, pageSize = DEFAULT_PAGE_SIZE): CsvTable {
  return { header: AUDIT_HEADER, pages: auditPages(db, range, pageSize) };
}

/** Pages of audit rows whose time falls in the range, in id order. */
export async function* auditPages(
  db: DbOrTx,
  range: ExportRange,
  pageSize = DEFAULT_PAGE_SIZE,
): AsyncGenerator<CsvValue[][]> {
  let after: bigint | null = null;
  for (;;) {
    const rows = await auditPage(db, range, after, pageSize);
    if (rows.length === 0) return;
    yield rows.map((row) => [
      row.id,
      row.at,
      row.request?.reference ?? null,
      row.actorId,
      row.action,
      jsonText(row.before),
      jsonText(row.after),
    ]);
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]?.id ?? null;
  }
}

function auditPage(db: DbOrTx, range: ExportRange, after: bigint | null, pageSize: number) {
  return db.auditEvent.findMany({
    where: {
      at: { gte: range.start, lt: range.end },
      ...(after === null ? {} : { id: { gt: after } }),
    },
    orderBy: { id: 'asc' },
    take: pageSize,
    select: {
      id: true,
      at: true,
      actorId: true,
      action: true,
      before: true,
      after: true,
      request: { select: { reference: true } },
    },
  });
}

function jsonText(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
