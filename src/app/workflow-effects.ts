// What Slack must be told when the workflow moves: each domain event becomes outbox rows, written in
// the same transaction as the state change. Everything for one request shares an ordering key, so
// the thread and the requester's DMs read in the order things happened.

import type { OutboxEntry } from '../db/outbox.ts';
import type { WorkflowEvent } from '../domain/workflow/events.ts';
import type { WorkflowState } from '../domain/workflow/state.ts';
import { OUTBOX_KIND } from './outbox-kinds.ts';

export interface EffectContext {
  requestId: string;
  requesterId: string;
  /** The state version after the change: it makes every key unique per change. */
  version: number;
  at: Date;
}

/** Events a requester hears about by DM. */
const REQUESTER_EVENTS = new Set<WorkflowEvent['type']>([
  'step_completed',
  'changes_requested',
  'deviation_recorded',
  'step_rejected',
  'request_booked',
  'billing_triggered',
  'provisioning_handed_off',
  'request_completed',
  'cancelled',
]);

export function orderingKeyOf(requestId: string): string {
  return `request:${requestId}`;
}

/**
 * Outbox rows for a change. `changedSteps` are the steps whose record differs before and after: their
 * messages are re-rendered (a newly activated step is posted instead).
 */
export function workflowEffects(
  events: readonly WorkflowEvent[],
  ctx: EffectContext,
  changedSteps: readonly string[] = [],
): OutboxEntry[] {
  const entry = (kind: string, method: string, key: string, args: Record<string, unknown>): OutboxEntry => ({
    requestId: ctx.requestId,
    kind,
    method,
    args: { requestId: ctx.requestId, ...args },
    idempotencyKey: `${ctx.requestId}:v${ctx.version}:${key}`,
    orderingKey: orderingKeyOf(ctx.requestId),
    at: ctx.at,
  });
  const entries: OutboxEntry[] = [];
  const posted = new Set<string>();
  for (const [index, event] of events.entries()) {
    const stepId = 'stepId' in event ? event.stepId : null;
    if (event.type === 'step_activated' && stepId) {
      posted.add(stepId);
      entries.push(
        entry(OUTBOX_KIND.stepMessagePost, 'chat.postMessage', `post:${stepId}`, {
          stepId,
          key: `${stepId}:v${ctx.version}`,
        }),
      );
    }
    if (REQUESTER_EVENTS.has(event.type)) {
      entries.push(entry(OUTBOX_KIND.requesterUpdate, 'chat.postMessage', `dm:${index}`, { event }));
    }
  }
  const updates = changedSteps
    .filter((stepId) => !posted.has(stepId))
    .map((stepId) => entry(OUTBOX_KIND.stepMessageUpdate, 'chat.update', `update:${stepId}`, { stepId }));
  // Updates first: a step's outcome shows before the next step appears below it.
  return [...updates, ...entries];
}

/** Steps whose record changed between two states. */
export function changedStepIds(before: WorkflowState, after: WorkflowState): string[] {
  return after.steps
    .filter((step, index) => JSON.stringify(step) !== JSON.stringify(before.steps[index]))
    .map((step) => step.id);
}

/** The status card is re-rendered from the database after every accepted change. */
export function cardUpdate(ctx: EffectContext): OutboxEntry {
  return {
    requestId: ctx.requestId,
    kind: OUTBOX_KIND.statusCardUpdate,
    method: 'chat.update',
    args: { requestId: ctx.requestId },
    idempotencyKey: `${ctx.requestId}:v${ctx.version}:card`,
    orderingKey: orderingKeyOf(ctx.requestId),
    at: ctx.at,
  };
}
