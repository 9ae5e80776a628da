import { describe, expect, it } from 'vitest';
import { startWorkflow } from '../../../src/domain/workflow/start.ts';
import {
  accept,
  at,
  billing,
  completeStep,
  custops,
  om,
  playbook,
  REQUESTER,
  revops,
  started,
  tickAll,
  VALID_EVIDENCE,
} from './support.ts';

describe('starting a request', () => {
  it('activates step 1, records the playbook version and says so in one event', () => {
    const { state, events } = startWorkflow(playbook, { requesterId: REQUESTER, at: at(0) });
    expect(state).toMatchObject({
      status: 'submitted',
      activeStepId: 'verify_quote',
      version: 1,
      playbook: { id: 'subscription_booking', version: 1 },
      requesterId: REQUESTER,
      startedAt: '2026-11-23T09:00:00.000Z',
      bookedAt: null,
    });
    expect(state.steps.map((record) => record.status)).toEqual([
      'active',
      'pending',
      'pending',
      'pending',
      'pending',
      'pending',
      'pending',
    ]);
    expect(events).toEqual([
      {
        type: 'step_activated',
        stepId: 'verify_quote',
        assigneeId: null,
        by: REQUESTER,
        at: '2026-11-23T09:00:00.000Z',
      },
    ]);
  });
});

describe('a full walk through the seven steps', () => {
  it('moves submitted → in review → booked → completed with the right people and events', () => {
    let state = started();

    // Step 1: the first action of order management starts the review (and stops the response clock).
    const taken = accept(state, { type: 'take', stepId: 'verify_quote', actor: om, at: at(5) });
    expect(taken.events.map((event) => event.type)).toEqual(['review_started', 'step_taken']);
    expect(taken.state.status).toBe('in_review');
    expect(taken.state.version).toBe(2);
    state = taken.state;

    const one = completeStep(state, 'verify_quote', om);
    expect(one.events.map((event) => event.type)).toEqual(['step_completed', 'step_activated']);
    expect(one.events[1]).toMatchObject({ stepId: 'confirm_terms', assigneeId: null });
    expect(one.state).toMatchObject({ status: 'in_review', activeStepId: 'confirm_terms' });

    const two = completeStep(one.state, 'confirm_terms', revops);
    const three = completeStep(two.state, 'billing_readiness', billing);
    expect(three.state).toMatchObject({ status: 'in_review', activeStepId: 'create_order' });

    const four = completeStep(three.state, 'create_order', om);
    expect(four.events.map((event) => event.type)).toEqual([
      'step_completed',
      'request_booked',
      'step_activated',
    ]);
    expect(four.events[1]).toMatchObject({ stepId: 'create_order', evidence: { crm_order_id: 'SO-104233' } });
    expect(four.state).toMatchObject({ status: 'booked', activeStepId: 'trigger_billing' });
    expect(four.state.bookedAt).toEqual(expect.any(String));

    const five = completeStep(four.state, 'trigger_billing', billing);
    expect(five.events.map((event) => event.type)).toEqual([
      'step_completed',
      'billing_triggered',
      'step_activated',
    ]);
    expect(five.events[1]).toMatchObject({ evidence: { billing_reference: 'SUB-2026-00123' } });
    expect(five.state.status).toBe('booked');

    const six = completeStep(five.state, 'provisioning_handoff', custops);
    expect(six.events.map((event) => event.type)).toEqual([
      'step_completed',
      'provisioning_handed_off',
      'step_activated',
    ]);
    expect(six.events[1]).toMatchObject({ evidence: VALID_EVIDENCE.provisioning_handoff });

    const seven = completeStep(six.state, 'verify_acknowledgements', om);
    expect(seven.events.map((event) => event.type)).toEqual(['step_completed', 'request_completed']);
    expect(seven.state).toMatchObject({
      status: 'completed',
      closure: { by: om.userId, reason: null, stepId: 'verify_acknowledgements' },
    });
    expect(seven.state.steps.every((record) => record.status === 'completed')).toBe(true);
    expect(seven.state.steps.find((record) => record.id === 'create_order')?.evidence).toEqual({
      crm_order_id: 'SO-104233',
    });
  });

  it('records who ticked each item and when, and who completed a step nobody took', () => {
    const state = tickAll(started(), 'verify_quote', om);
    const record = state.steps[0]!;
    expect(record.checks.quote_linked).toEqual({ ticked: true, by: om.userId, at: expect.any(String) });
    const done = accept(state, {
      type: 'complete',
      stepId: 'verify_quote',
      evidence: VALID_EVIDENCE.verify_quote!,
      actor: om,
      at: at(30),
    });
    expect(done.state.steps[0]).toMatchObject({
      status: 'completed',
      assignee: { userId: om.userId },
      outcome: { kind: 'completed', by: om.userId, at: '2026-11-23T09:30:00.000Z' },
      evidence: { quote_version: 'v3', quote_valid_until: '2026-12-31' },
    });
  });

  it('bumps the version by exactly one per accepted command', () => {
    let state = started();
    for (let minute = 1; minute <= 3; minute++) {
      const item = playbook.steps[0]!.checklist[minute]!.id;
      const next = accept(state, {
        type: 'tick',
        stepId: 'verify_quote',
        itemId: item,
        actor: om,
        at: at(minute),
      });
      expect(next.state.version).toBe(state.version + 1);
      state = next.state;
    }
  });
});
