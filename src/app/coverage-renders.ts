// A short-staffed mark set or cleared for today changes who may act on steps already posted: their
// messages are shown again (rendered at send time, with the covering pool or without it) so the
// thread tells the truth at once rather than at the step's next change.

import { EVERY_ROLE } from '../db/coverage.ts';
import type { OutboxEntry } from '../db/outbox.ts';
import { enqueueOutbox } from '../db/outbox.ts';
import type { Tx } from '../db/types.ts';
import type { Region } from '../domain/regions.ts';
import type { Role } from '../domain/roles.ts';
import { CLOSED_STATUSES } from '../domain/status.ts';
import { currentStep } from '../domain/workflow/queries.ts';
import { WorkflowStateSchema } from '../domain/workflow/state.ts';
import type { ServiceContext } from './context.ts';
import { OUTBOX_KIND } from './outbox-kinds.ts';
import { withoutWaitingRenders } from './waiting-renders.ts';
import { orderingKeyOf } from './workflow-effects.ts';

export interface CoverageChange {
  region: Region;
  date: string;
  role: Role | typeof EVERY_ROLE;
  /** The region's local date now: a mark for another date changes nothing on screen yet. */
  today: string;
  /** The region's roles that name a backup; coverage means nothing for the others. */
  rolesWithBackup: readonly Role[];
  /** Names the change in the rows' idempotency keys (the audit event's action and time). */
  label: string;
  at: Date;
}

/** Queues a re-render of the current step of each open request the change affects; returns how many. */
export async function rerenderCoveredSteps(
  tx: Tx,
  ctx: Pick<ServiceContext, 'playbooks'>,
  change: CoverageChange,
): Promise<number> {
  if (change.date !== change.today) return 0;
  const roles = change.rolesWithBackup.filter((role) => change.role === EVERY_ROLE || change.role === role);
  if (roles.length === 0) return 0;
  const rows = await tx.bookingRequest.findMany({
    where: { region: change.region, status: { notIn: [...CLOSED_STATUSES] } },
    select: { id: true, workflow: true },
  });
  let queued = 0;
  for (const row of rows) {
    const state = WorkflowStateSchema.parse(row.workflow);
    const playbook = ctx.playbooks.get(state.playbook);
    const current = playbook ? currentStep(state, playbook) : null;
    if (!current || !roles.includes(current.step.role)) continue;
    const entry: OutboxEntry = {
      requestId: row.id,
      kind: OUTBOX_KIND.stepMessageUpdate,
      method: 'chat.update',
      args: { requestId: row.id, stepId: current.step.id },
      idempotencyKey: `${row.id}:${change.label}:${change.at.getTime()}:${current.step.id}`,
      orderingKey: orderingKeyOf(row.id),
      at: change.at,
    };
    const fresh = await withoutWaitingRenders(tx, entry.orderingKey, [entry]);
    await enqueueOutbox(tx, fresh);
    queued += fresh.length;
  }
  return queued;
}
