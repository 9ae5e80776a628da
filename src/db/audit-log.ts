// Append-only audit trail. The app only ever inserts here.

import { type Tx, toJson } from './types.ts';

export interface AuditEntry {
  requestId: string | null;
  actorId: string;
  action: string;
  at: Date;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.createMany({
    data: {
      requestId: entry.requestId,
      actorId: entry.actorId,
      action: entry.action,
      at: entry.at,
      ...(entry.before === undefined ? {} : { before: toJson(entry.before) }),
      ...(entry.after === undefined ? {} : { after: toJson(entry.after) }),
    },
  });
}
