// A desk admin sends a Slack message again that the outbox gave up on: ONE transaction puts the row
// back in the queue and records who did it. Anyone else is refused, and the attempt is audited too.

import { recordAudit } from '../db/audit-log.ts';
import { requeueFailedOutbox } from '../db/outbox.ts';
import type { ServiceContext } from './context.ts';

export interface RetryDeliveryRequest {
  outboxId: bigint;
  actor: { userId: string; isDeskAdmin: boolean };
}

export type RetryDeliveryResult =
  | { ok: true }
  | { ok: false; reason: 'not_desk_admin' }
  /** Not (or no longer) failed: another admin retried it first, or it never existed. */
  | { ok: false; reason: 'not_failed' };

export const RETRY_DELIVERY_AUDIT_ACTION = 'outbox.retry';

export async function retryFailedDelivery(
  ctx: ServiceContext,
  request: RetryDeliveryRequest,
): Promise<RetryDeliveryResult> {
  const now = ctx.clock.now();
  const outboxId = request.outboxId.toString();
  if (!request.actor.isDeskAdmin) {
    await ctx.db.$transaction((tx) =>
      recordAudit(tx, {
        requestId: null,
        actorId: request.actor.userId,
        action: `refused.${RETRY_DELIVERY_AUDIT_ACTION}`,
        at: now,
        after: { outboxId, reason: 'not_desk_admin' },
      }),
    );
    return { ok: false, reason: 'not_desk_admin' };
  }
  const requeued = await ctx.db.$transaction(async (tx) => {
    const before = await requeueFailedOutbox(tx, request.outboxId, now);
    if (!before) return false;
    await recordAudit(tx, {
      requestId: before.requestId,
      actorId: request.actor.userId,
      action: RETRY_DELIVERY_AUDIT_ACTION,
      at: now,
      before: {
        outboxId,
        kind: before.kind,
        status: before.status,
        attempts: before.attempts,
        lastError: before.lastError,
      },
      after: { outboxId, status: 'pending' },
    });
    return true;
  });
  if (!requeued) return { ok: false, reason: 'not_failed' };
  ctx.outboxWritten();
  return { ok: true };
}
