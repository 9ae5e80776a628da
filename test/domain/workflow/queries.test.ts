import { describe, expect, it } from 'vitest';
import {
  currentStep,
  history,
  missingForCompletion,
  progress,
  requestStatusOf,
} from '../../../src/domain/workflow/queries.ts';
import { toCompleted, toWithdrawn } from '../../../src/domain/workflow/transitions.ts';
import {
  admin,
  apply,
  at,
  completeStep,
  om,
  om2,
  playbook,
  requester,
  revops,
  started,
  walked,
} from './support.ts';

describe('progress and the current step', () => {
  it('counts completed steps out of all of them', () => {
    expect(progress(started())).toEqual({ completed: 0, total: 7, current: 1 });
    expect(progress(walked(3))).toEqual({ completed: 3, total: 7, current: 4 });
    expect(progress(completeStep(walked(6), 'verify_acknowledgements').state)).toEqual({
      completed: 7,
      total: 7,
      current: null,
    });
  });

  it('names the active step and who it waits on', () => {
    const current = currentStep(walked(2), playbook);
    expect(current).toMatchObject({
      number: 3,
      waitingOn: 'step_role',
      step: { id: 'billing_readiness', role: 'billing' },
    });
    const waiting = apply(walked(1), {
      type: 'request_changes',
      stepId: 'confirm_terms',
      note: 'Fix',
      actor: revops,
      at: at(1),
    });
    expect(currentStep(waiting, playbook)).toMatchObject({ number: 2, waitingOn: 'requester' });
    expect(progress(waiting)).toEqual({ completed: 1, total: 7, current: 2 });
    expect(
      currentStep(apply(started(), { type: 'withdraw', actor: requester, at: at(1) }), playbook),
    ).toBeNull();
  });

  it('maps onto the request statuses', () => {
    expect(requestStatusOf(started())).toBe('submitted');
    expect(requestStatusOf(walked(4))).toBe('booked');
  });
});

describe('what is missing for completion', () => {
  it('lists unticked mandatory items and the required evidence', () => {
    const state = apply(walked(3), {
      type: 'tick',
      stepId: 'create_order',
      itemId: 'order_created',
      actor: om,
      at: at(1),
    });
    expect(missingForCompletion(state, playbook)).toEqual([
      'Tick "Order lines, dates and amounts match the confirmed terms".',
      'CRM order ID is required.',
    ]);
    expect(missingForCompletion(state, playbook, { crm_order_id: '!!' })).toEqual([
      'Tick "Order lines, dates and amounts match the confirmed terms".',
      'CRM order ID "!!" does not look right; write it like SO-104233.',
    ]);
  });

  it('says when no step is waiting to be completed', () => {
    const withdrawn = apply(started(), { type: 'withdraw', actor: requester, at: at(1) });
    expect(missingForCompletion(withdrawn, playbook)).toEqual(['No step is waiting to be completed.']);
  });
});

describe('history', () => {
  it('lists who did what when, oldest first, without ticks', () => {
    let state = apply(started(), { type: 'take', stepId: 'verify_quote', actor: om, at: at(1) });
    state = apply(state, {
      type: 'reassign',
      stepId: 'verify_quote',
      to: om2.userId,
      reason: 'Leave',
      actor: admin,
      at: at(2),
    });
    state = completeStep(state, 'verify_quote', om2).state;
    expect(history(state).map((entry) => [entry.action, entry.by, entry.stepId, entry.subjectId])).toEqual([
      ['started', requester.userId, 'verify_quote', null],
      ['taken', om.userId, 'verify_quote', null],
      ['reassigned', admin.userId, 'verify_quote', om2.userId],
      ['completed', om2.userId, 'verify_quote', null],
    ]);
  });
});

describe('typed transitions', () => {
  it('do not compile when they make no sense', () => {
    const booked = walked(4);
    const waiting = apply(walked(1), {
      type: 'request_changes',
      stepId: 'confirm_terms',
      note: 'x',
      actor: revops,
      at: at(1),
    });
    const closure = { by: admin.userId, at: at(5).toISOString(), reason: null, stepId: null };
    if (booked.status === 'booked' && waiting.status === 'changes_requested') {
      // @ts-expect-error a booked request cannot be withdrawn, only cancelled
      expect(toWithdrawn(booked, booked.steps, closure).status).toBe('withdrawn');
      // @ts-expect-error a request waiting on its requester has no step to complete
      expect(toCompleted(waiting, waiting.steps, closure, null).status).toBe('completed');
    }
  });
});
