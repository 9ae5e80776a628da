import { describe, expect, it } from 'vitest';
import { decide } from '../../../src/domain/workflow/decide.ts';
import type { WorkflowState } from '../../../src/domain/workflow/state.ts';
import {
  accept,
  apply,
  at,
  billing,
  completeStep,
  om,
  playbook,
  refusal,
  requester,
  revops,
  started,
  tickAll,
  walked,
} from './support.ts';

/** Step 2 with a pricing deviation recorded and sent back to the requester. */
function pricingSentBack(): { state: WorkflowState; events: ReturnType<typeof accept>['events'] } {
  let state = tickAll(walked(1), 'confirm_terms');
  state = apply(state, {
    type: 'record_deviation',
    stepId: 'confirm_terms',
    field: 'pricing',
    expected: 'EUR 100.00 / seat',
    actual: 'EUR 90.00 / seat',
    note: 'Discount not on the approved quote',
    actor: revops,
    at: at(60),
  });
  return accept(state, {
    type: 'request_changes',
    stepId: 'confirm_terms',
    note: 'Please fix the seat price to match the quote.',
    actor: revops,
    at: at(61),
  });
}

describe('deviations and requests for changes', () => {
  it('records a deviation with field, expected, actual and note, then routes it to the requester', () => {
    const { state, events } = pricingSentBack();
    const deviation = {
      field: 'pricing',
      expected: 'EUR 100.00 / seat',
      actual: 'EUR 90.00 / seat',
      note: 'Discount not on the approved quote',
      by: revops.userId,
      at: '2026-11-23T10:00:00.000Z',
    };
    expect(events).toEqual([
      {
        type: 'changes_requested',
        stepId: 'confirm_terms',
        note: 'Please fix the seat price to match the quote.',
        deviations: [deviation],
        by: revops.userId,
        at: '2026-11-23T10:01:00.000Z',
      },
    ]);
    expect(state).toMatchObject({
      status: 'changes_requested',
      changes: { stepId: 'confirm_terms', deviations: [deviation], category: null },
      bookedAt: null,
    });
    expect(state.steps[1]).toMatchObject({ status: 'stopped', outcome: { kind: 'changes_requested' } });
  });

  it('answers a stale click on the step that asked for changes', () => {
    const { state } = pricingSentBack();
    expect(
      refusal(
        decide(
          state,
          { type: 'complete', stepId: 'confirm_terms', evidence: {}, actor: revops, at: at(70) },
          playbook,
        ),
      ),
    ).toMatchObject({ reason: 'already_done', outcome: 'changes_requested', by: revops.userId });
  });

  it('resumes at the step that asked after a non-commercial amendment, with its checklist to redo', () => {
    const { state } = pricingSentBack();
    const amended = accept(state, {
      type: 'amend',
      commercialChange: false,
      note: 'Fixed typo in the contact',
      actor: requester,
      at: at(120),
    });
    expect(amended.events).toEqual([
      {
        type: 'amended',
        commercialChange: false,
        note: 'Fixed typo in the contact',
        resumeAt: 'confirm_terms',
        by: requester.userId,
        at: '2026-11-23T11:00:00.000Z',
      },
      {
        type: 'step_activated',
        stepId: 'confirm_terms',
        assigneeId: null,
        by: requester.userId,
        at: '2026-11-23T11:00:00.000Z',
      },
    ]);
    expect(amended.state).toMatchObject({ status: 'in_review', activeStepId: 'confirm_terms' });
    expect(amended.state.steps[0]?.status).toBe('completed');
    expect(amended.state.steps[1]).toMatchObject({
      status: 'active',
      checks: {},
      deviations: [],
      outcome: null,
    });
  });

  it('restarts at quote verification after a commercial amendment, keeping who owned each step', () => {
    const { state } = pricingSentBack();
    const amended = accept(state, { type: 'amend', commercialChange: true, actor: requester, at: at(120) });
    expect(amended.events.map((event) => event.type)).toEqual(['amended', 'step_activated']);
    expect(amended.events[0]).toMatchObject({ resumeAt: 'verify_quote', note: null });
    expect(amended.events[1]).toMatchObject({ stepId: 'verify_quote', assigneeId: om.userId });
    expect(amended.state).toMatchObject({ status: 'in_review', activeStepId: 'verify_quote' });
    expect(amended.state.steps.map((record) => record.status)).toEqual([
      'active',
      'pending',
      'pending',
      'pending',
      'pending',
      'pending',
      'pending',
    ]);
    expect(amended.state.steps[0]).toMatchObject({
      checks: {},
      evidence: null,
      assignee: { userId: om.userId },
    });
    // Walking on works as before.
    const again = completeStep(completeStep(amended.state, 'verify_quote').state, 'confirm_terms').state;
    expect(again).toMatchObject({ status: 'in_review', activeStepId: 'billing_readiness' });
  });

  it('lets the requester amend before booking without changes requested', () => {
    const state = completeStep(started(), 'verify_quote').state;
    const same = accept(state, { type: 'amend', commercialChange: false, actor: requester, at: at(5) });
    expect(same.events.map((event) => event.type)).toEqual(['amended']);
    expect(same.state).toMatchObject({ status: 'in_review', activeStepId: 'confirm_terms' });
    const restarted = accept(state, { type: 'amend', commercialChange: true, actor: requester, at: at(5) });
    expect(restarted.state).toMatchObject({ activeStepId: 'verify_quote' });
  });

  it('keeps a request nobody touched yet in submitted when its requester amends it', () => {
    const amended = apply(started(), { type: 'amend', commercialChange: true, actor: requester, at: at(5) });
    expect(amended).toMatchObject({ status: 'submitted', activeStepId: 'verify_quote' });
  });

  it('sends a billing rejection back to the requester with its category, and resumes at billing', () => {
    const state = walked(4);
    const rejected = accept(state, {
      type: 'reject',
      stepId: 'trigger_billing',
      reason: 'No PO on file',
      category: 'missing_purchase_order',
      actor: billing,
      at: at(200),
    });
    expect(rejected.events).toEqual([
      {
        type: 'step_rejected',
        stepId: 'trigger_billing',
        reason: 'No PO on file',
        category: 'missing_purchase_order',
        leadsTo: 'requester',
        goTo: null,
        by: billing.userId,
        at: expect.any(String),
      },
      {
        type: 'changes_requested',
        stepId: 'trigger_billing',
        note: 'No PO on file',
        deviations: [],
        by: billing.userId,
        at: expect.any(String),
      },
    ]);
    expect(rejected.state).toMatchObject({
      status: 'changes_requested',
      changes: { stepId: 'trigger_billing', category: 'missing_purchase_order' },
      bookedAt: expect.any(String),
    });
    // Already booked: withdrawing is over, but amending while changes are requested is not.
    expect(
      refusal(decide(rejected.state, { type: 'withdraw', actor: requester, at: at(201) }, playbook)),
    ).toMatchObject({
      reason: 'wrong_status',
      status: 'changes_requested',
    });
    const resumed = apply(rejected.state, {
      type: 'amend',
      commercialChange: false,
      actor: requester,
      at: at(202),
    });
    expect(resumed).toMatchObject({ status: 'booked', activeStepId: 'trigger_billing' });
  });

  it('rejects a request outright at quote verification', () => {
    const rejected = accept(started(), {
      type: 'reject',
      stepId: 'verify_quote',
      reason: 'Duplicate of BK-2026-000041',
      category: 'duplicate_request',
      actor: om,
      at: at(3),
    });
    expect(rejected.events.map((event) => event.type)).toEqual(['review_started', 'step_rejected']);
    expect(rejected.state).toMatchObject({
      status: 'rejected',
      closure: { by: om.userId, reason: 'Duplicate of BK-2026-000041', stepId: 'verify_quote' },
    });
  });
});

describe('escalation', () => {
  it('flags the step and names whom to tell; the step stays active and can be completed later', () => {
    const escalated = accept(started(), {
      type: 'escalate',
      stepId: 'verify_quote',
      category: 'missing_approval',
      note: 'Discount approval missing from deal desk',
      actor: om,
      at: at(10),
    });
    expect(escalated.events.map((event) => event.type)).toEqual(['review_started', 'escalated']);
    expect(escalated.events[1]).toMatchObject({
      category: 'missing_approval',
      escalateTo: 'Sales manager and deal desk',
      note: 'Discount approval missing from deal desk',
    });
    expect(escalated.state).toMatchObject({ status: 'in_review', activeStepId: 'verify_quote' });
    expect(escalated.state.steps[0]?.escalations).toHaveLength(1);
    expect(completeStep(escalated.state, 'verify_quote').state).toMatchObject({
      activeStepId: 'confirm_terms',
    });
  });

  it('escalates billing non-conformance to the billing owner', () => {
    const escalated = accept(walked(2), {
      type: 'escalate',
      stepId: 'billing_readiness',
      category: 'credit_block',
      note: 'Account on credit hold',
      actor: billing,
      at: at(10),
    });
    expect(escalated.events).toEqual([
      expect.objectContaining({ type: 'escalated', escalateTo: 'Billing owner' }),
    ]);
  });
});
