// Builders for workflow tests: people, times, valid evidence, and a walk to any step of the default SOP.

import { expect } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../../src/domain/playbook/default-playbook.ts';
import type { Playbook } from '../../../src/domain/playbook/schema.ts';
import type { Role } from '../../../src/domain/roles.ts';
import type { Actor, WorkflowCommand } from '../../../src/domain/workflow/commands.ts';
import { type DecideResult, decide } from '../../../src/domain/workflow/decide.ts';
import type { WorkflowEvent } from '../../../src/domain/workflow/events.ts';
import { startWorkflow } from '../../../src/domain/workflow/start.ts';
import type { WorkflowState } from '../../../src/domain/workflow/state.ts';

export const playbook = DEFAULT_PLAYBOOK;
export const REQUESTER = 'UREQ0001';

export const requester: Actor = { userId: REQUESTER, roles: [], isDeskAdmin: false };
export const admin: Actor = { userId: 'UADM0001', roles: [], isDeskAdmin: true };
export const outsider: Actor = { userId: 'UOUT0001', roles: [], isDeskAdmin: false };
export const holders: Record<Role, Actor> = {
  order_management: { userId: 'UOMA0001', roles: ['order_management'], isDeskAdmin: false },
  revenue_operations: { userId: 'UREV0001', roles: ['revenue_operations'], isDeskAdmin: false },
  billing: { userId: 'UBIL0001', roles: ['billing'], isDeskAdmin: false },
  customer_operations: { userId: 'UCUS0001', roles: ['customer_operations'], isDeskAdmin: false },
};
export const om = holders.order_management;
export const om2: Actor = { userId: 'UOMA0002', roles: ['order_management'], isDeskAdmin: false };
export const revops = holders.revenue_operations;
export const billing = holders.billing;
export const custops = holders.customer_operations;

const T0 = Date.parse('2026-11-23T09:00:00.000Z');
/** A time `minutes` after the request was submitted. */
export function at(minutes = 0): Date {
  return new Date(T0 + minutes * 60_000);
}

export const VALID_EVIDENCE: Record<string, Record<string, string>> = {
  verify_quote: { quote_version: 'v3', quote_valid_until: '2026-12-31' },
  confirm_terms: { contract_reference: 'CTR-2026-0042' },
  billing_readiness: { billing_account_id: 'BA-20931' },
  create_order: { crm_order_id: 'SO-104233' },
  trigger_billing: { billing_reference: 'SUB-2026-00123' },
  provisioning_handoff: {
    provisioning_ticket_id: 'PROV-1234',
    fulfilment_queue: 'saas_activation',
    ticket_owner: 'UCUS0009',
    ticket_due_date: '2026-12-15',
  },
  verify_acknowledgements: { order_status: 'closed_completed' },
};

export function holderOf(stepId: string, book: Playbook = playbook): Actor {
  return holders[stepOf(stepId, book).role];
}

export function stepOf(stepId: string, book: Playbook = playbook) {
  const step = book.steps.find((candidate) => candidate.id === stepId);
  if (!step) throw new Error(`no step ${stepId}`);
  return step;
}

export function started(): WorkflowState {
  return startWorkflow(playbook, { requesterId: REQUESTER, at: at(0) }).state;
}

let clock = 1;
/** Applies a command that must succeed; returns the new state and its events. */
export function accept(state: WorkflowState, command: WorkflowCommand, book: Playbook = playbook) {
  const result = decide(state, command, book);
  if (!result.ok) throw new Error(`refused: ${result.reason}: ${result.message}`);
  return result;
}

export function apply(
  state: WorkflowState,
  command: WorkflowCommand,
  book: Playbook = playbook,
): WorkflowState {
  return accept(state, command, book).state;
}

export function refusal(result: DecideResult) {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('accepted');
  return result;
}

/** Ticks every checklist item (mandatory and optional) of a step as its role holder. */
export function tickAll(state: WorkflowState, stepId: string, actor = holderOf(stepId)): WorkflowState {
  let next = state;
  for (const item of stepOf(stepId).checklist) {
    next = apply(next, { type: 'tick', stepId, itemId: item.id, actor, at: at(clock++) });
  }
  return next;
}

export function completeStep(
  state: WorkflowState,
  stepId: string,
  actor = holderOf(stepId),
): { state: WorkflowState; events: WorkflowEvent[] } {
  const ticked = tickAll(state, stepId, actor);
  return accept(ticked, {
    type: 'complete',
    stepId,
    evidence: VALID_EVIDENCE[stepId] ?? {},
    actor,
    at: at(clock++),
  });
}

/** A request whose first `count` steps are complete (so step count + 1 is active). */
export function walked(count: number): WorkflowState {
  let state = started();
  for (const step of playbook.steps.slice(0, count)) state = completeStep(state, step.id).state;
  return state;
}
