// A re-render of the status card or of a step's message that is still waiting in the outbox renders
// the request as it is when sent, this change included: a second one for the same message would
// only send Slack the same content again (as home-refresh.ts does for Homes). Under load, when clicks
// come faster than the outbox sends, this keeps one chat.update per message waiting instead of one
// per click — the content Slack ends with is the same.
//
// The waiting rows are locked until this transaction commits, so no dispatcher claims and renders
// one before the change is visible; a row already claimed is not waiting, and the change keeps its own.

import type { OutboxEntry } from '../db/outbox.ts';
import type { Tx } from '../db/types.ts';
import { OUTBOX_KIND } from './outbox-kinds.ts';

const RENDERS: readonly string[] = [OUTBOX_KIND.statusCardUpdate, OUTBOX_KIND.stepMessageUpdate];

function renderKey(kind: string, stepId: unknown): string {
  return `${kind}:${typeof stepId === 'string' ? stepId : ''}`;
}

/** `entries` without the re-renders a waiting row of `orderingKey` already covers. */
export async function withoutWaitingRenders(
  tx: Tx,
  orderingKey: string,
  entries: readonly OutboxEntry[],
): Promise<OutboxEntry[]> {
  if (!entries.some((entry) => RENDERS.includes(entry.kind))) return [...entries];
  const waiting = await tx.$queryRaw<{ kind: string; stepId: string | null }[]>`
    SELECT "kind", "args"->>'stepId' AS "stepId" FROM "OutboxMessage"
    WHERE "orderingKey" = ${orderingKey} AND "status" = 'pending' AND "leaseOwner" IS NULL
      AND "kind" IN (${OUTBOX_KIND.statusCardUpdate}, ${OUTBOX_KIND.stepMessageUpdate})
    FOR UPDATE`;
  const covered = new Set(waiting.map((row) => renderKey(row.kind, row.stepId)));
  return entries.filter(
    (entry) =>
      !RENDERS.includes(entry.kind) ||
      !covered.has(renderKey(entry.kind, (entry.args as { stepId?: unknown }).stepId)),
  );
}
