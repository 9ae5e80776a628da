// Which query serves which `what`.

import { auditTable } from './audit.ts';
import type { ExportContext } from './context.ts';
import type { CsvTable } from './csv.ts';
import { kpisTable } from './kpis.ts';
import type { ExportRequest } from './range.ts';
import { requestsTable } from './requests.ts';

export function exportTable(ctx: ExportContext, request: ExportRequest): CsvTable {
  switch (request.what) {
    case 'requests':
      return requestsTable(ctx, request.range);
    case 'audit':
      return auditTable(ctx.db, request.range, ctx.pageSize);
    case 'kpis':
      return kpisTable(ctx, request.range);
  }
}
