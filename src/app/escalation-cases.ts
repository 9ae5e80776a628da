// Escalation cases in the store: the open case of a request, and marking it answered when the desk
// responds (the response SLA's clock stops in the same transaction).

import type { DbOrTx, Tx } from '../db/types.ts';

export interface OpenEscalationCase {
  id: string;
  category: string;
  reason: string;
  openedBy: string;
  openedAt: Date;
}

export async function findOpenCase(db: DbOrTx, requestId: string): Promise<OpenEscalationCase | null> {
  return db.escalationCase.findFirst({
    where: { requestId, status: 'open' },
    select: { id: true, category: true, reason: true, openedBy: true, openedAt: true },
    orderBy: { openedAt: 'desc' },
  });
}

/** The desk answered (or the request closed, which ends the case without an answer). */
export async function endOpenCase(
  tx: Tx,
  requestId: string,
  end: { how: 'responded' | 'closed'; by: string; at: Date },
): Promise<void> {
  await tx.escalationCase.updateMany({
    where: { requestId, status: 'open' },
    data:
      end.how === 'responded'
        ? { status: 'responded', respondedBy: end.by, respondedAt: end.at }
        : { status: 'closed' },
  });
}
