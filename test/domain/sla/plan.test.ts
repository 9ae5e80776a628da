// Which clocks a workflow change starts, pauses, resumes and stops, through the real workflow and
// the default playbook: approval from submission to the CRM booking (waiting while the requester
// holds the request), step 7's own clock, escalation response clocks, and everything on closing.

import { describe, expect, it } from 'vitest';
import type { Playbook } from '../../../src/domain/playbook/schema.ts';
import { APPROVAL_KEY, type ClockChange, planClockChanges } from '../../../src/domain/sla/index.ts';
import type { WorkflowCommand } from '../../../src/domain/workflow/commands.ts';
import { startWorkflow } from '../../../src/domain/workflow/start.ts';
import type { WorkflowState } from '../../../src/domain/workflow/state.ts';
import {
  accept,
  admin,
  apply,
  at,
  completeStep,
  holderOf,
  om,
  playbook,
  REQUESTER,
  requester,
  revops,
  started,
  tickAll,
  walked,
} from '../workflow/support.ts';

/** Applies a command through the workflow and plans the clock changes of what happened. */
function planned(before: WorkflowState, command: WorkflowCommand, book: Playbook = playbook) {
  const result = accept(before, command, book);
  return {
    state: result.state,
    changes: planClockChanges({ before, after: result.state, events: result.events, playbook: book }),
  };
}

const stop = (key: string, when: Date): ClockChange => ({ type: 'stop', target: { key }, at: when });
const stopResponses = (when: Date): ClockChange => ({ type: 'stop', target: { kind: 'response' }, at: when });

/** Confirm terms sent back to the requester at `at(61)`. */
function sentBack() {
  const state = tickAll(walked(1), 'confirm_terms');
  return planned(state, {
    type: 'request_changes',
    stepId: 'confirm_terms',
    note: 'Please fix the seat price to match the quote.',
    actor: revops,
    at: at(61),
  });
}

describe('the approval clock', () => {
  it('starts at submission, honouring the cut-off, for the playbook’s 12 business hours', () => {
    const { state, events } = startWorkflow(playbook, { requesterId: REQUESTER, at: at(0) });
    expect(planClockChanges({ before: null, after: state, events, playbook })).toEqual([
      {
        type: 'start',
        key: APPROVAL_KEY,
        kind: 'approval',
        stepId: null,
        targetMinutes: 720,
        applyCutoff: true,
        at: at(0),
      },
    ]);
  });

  it('pauses when changes are requested (the step run and response clocks stop too)', () => {
    const { state, changes } = sentBack();
    expect(state.status).toBe('changes_requested');
    expect(changes).toEqual([
      stop('step:confirm_terms', at(61)),
      stopResponses(at(61)),
      { type: 'pause', target: { key: APPROVAL_KEY }, at: at(61) },
    ]);
  });

  it.each([
    [true, 'verify_quote'],
    [false, 'confirm_terms'],
  ])(
    'resumes on amendment (commercial change: %s, back at %s), before anything else',
    (commercial, stepId) => {
      const { changes, state } = planned(sentBack().state, {
        type: 'amend',
        commercialChange: commercial,
        note: 'Fixed',
        actor: requester,
        at: at(300),
      });
      expect(state).toMatchObject({ status: 'in_review', activeStepId: stepId });
      expect(changes).toEqual([{ type: 'resume', target: { key: APPROVAL_KEY }, at: at(300) }]);
    },
  );

  it('an amendment while nobody asked for changes resumes nothing', () => {
    const { changes } = planned(started(), {
      type: 'amend',
      commercialChange: true,
      actor: requester,
      at: at(30),
    });
    expect(changes).toEqual([]);
  });

  it('stops when create_order is completed (the CRM booking), not before', () => {
    const state = walked(3);
    const ticked = tickAll(state, 'create_order');
    const result = accept(ticked, {
      type: 'complete',
      stepId: 'create_order',
      evidence: { crm_order_id: 'SO-104233' },
      actor: holderOf('create_order'),
      at: at(500),
    });
    expect(result.events.map((event) => event.type)).toEqual([
      'step_completed',
      'request_booked',
      'step_activated',
    ]);
    expect(
      planClockChanges({ before: ticked, after: result.state, events: result.events, playbook }),
    ).toEqual([stop('step:create_order', at(500)), stop(APPROVAL_KEY, at(500)), stopResponses(at(500))]);
    // completing the steps before it never stops the approval clock
    for (let count = 0; count < 3; count++) {
      const before = walked(count);
      const stepId = playbook.steps[count]!.id;
      const { state: after, events } = completeStep(before, stepId);
      const changes = planClockChanges({ before, after, events, playbook });
      expect(
        changes.some(
          (change) => 'target' in change && 'key' in change.target && change.target.key === APPROVAL_KEY,
        ),
      ).toBe(false);
    }
  });

  it('stops at the first action instead when the playbook says so', () => {
    const firstAction: Playbook = {
      ...playbook,
      slas: {
        ...playbook.slas,
        approval: { businessHours: 12.5, stoppedBy: { stepId: 'verify_quote', on: 'first_action' } },
      },
    };
    const { state, events } = startWorkflow(firstAction, { requesterId: REQUESTER, at: at(0) });
    expect(planClockChanges({ before: null, after: state, events, playbook: firstAction })[0]).toMatchObject({
      type: 'start',
      targetMinutes: 750,
    });
    const { changes } = planned(
      state,
      { type: 'tick', stepId: 'verify_quote', itemId: 'quote_linked', actor: om, at: at(5) },
      firstAction,
    );
    // review_started and item_ticked are both first actions: the clock stops (a repeat stop is a no-op)
    expect(changes).toEqual([stop(APPROVAL_KEY, at(5)), stop(APPROVAL_KEY, at(5))]);
  });
});

describe('step clocks', () => {
  it('step 7 (verify_acknowledgements) starts its 8-hour clock on activation, without the cut-off', () => {
    const before = walked(5);
    const { state, events } = completeStep(before, 'provisioning_handoff');
    expect(state.status).toBe('booked');
    const activation = events.find((event) => event.type === 'step_activated');
    expect(activation).toMatchObject({ stepId: 'verify_acknowledgements' });
    const when = new Date(activation!.at);
    expect(planClockChanges({ before, after: state, events, playbook })).toEqual([
      stop('step:provisioning_handoff', when),
      stopResponses(when),
      {
        type: 'start',
        key: 'step:verify_acknowledgements',
        kind: 'step',
        stepId: 'verify_acknowledgements',
        targetMinutes: 480,
        applyCutoff: false,
        at: when,
      },
    ]);
  });

  it('completing step 7 stops its clock, and the request closing stops every clock', () => {
    const before = walked(6);
    const { state, events } = completeStep(before, 'verify_acknowledgements');
    expect(state.status).toBe('completed');
    const when = new Date(events[0]!.at);
    expect(planClockChanges({ before, after: state, events, playbook })).toEqual([
      stop('step:verify_acknowledgements', when),
      stopResponses(when),
      { type: 'stop_all', at: new Date(events[events.length - 1]!.at) },
    ]);
  });

  it('steps without slaBusinessHours start no clock', () => {
    for (let count = 0; count < 5; count++) {
      const before = walked(count);
      const { state, events } = completeStep(before, playbook.steps[count]!.id);
      const starts = planClockChanges({ before, after: state, events, playbook }).filter(
        (change) => change.type === 'start',
      );
      expect(starts).toEqual([]);
    }
  });
});

describe('response clocks (escalation cases)', () => {
  it('stop when the desk takes the step', () => {
    const { changes } = planned(started(), { type: 'take', stepId: 'verify_quote', actor: om, at: at(20) });
    expect(changes).toEqual([stopResponses(at(20))]);
  });

  it('do not stop on ticks, deviations, escalations or reassignments', () => {
    const first = planned(started(), {
      type: 'tick',
      stepId: 'verify_quote',
      itemId: 'quote_linked',
      actor: om,
      at: at(20),
    });
    expect(first.changes).toEqual([]);
    const escalated = planned(first.state, {
      type: 'escalate',
      stepId: 'verify_quote',
      category: 'quote_expired',
      note: 'The quote expired yesterday.',
      actor: om,
      at: at(21),
    });
    expect(escalated.changes).toEqual([]);
    const reassigned = planned(escalated.state, {
      type: 'reassign',
      stepId: 'verify_quote',
      to: 'UOMA0002',
      reason: 'Holiday cover',
      actor: admin,
      at: at(22),
    });
    expect(reassigned.changes).toEqual([]);
  });

  it('stop once per change, even when the desk does several things in it', () => {
    const { changes } = planned(tickAll(started(), 'verify_quote'), {
      type: 'complete',
      stepId: 'verify_quote',
      evidence: { quote_version: 'v3', quote_valid_until: '2026-12-31' },
      actor: om,
      at: at(40),
    });
    expect(changes).toEqual([stop('step:verify_quote', at(40)), stopResponses(at(40))]);
  });
});

describe('closing the request stops every clock', () => {
  it('on cancellation by a desk admin', () => {
    const { changes } = planned(walked(2), { type: 'cancel', reason: 'Duplicate', actor: admin, at: at(90) });
    expect(changes).toEqual([{ type: 'stop_all', at: at(90) }]);
  });

  it('on withdrawal by the requester, also while changes are requested', () => {
    expect(planned(started(), { type: 'withdraw', actor: requester, at: at(15) }).changes).toEqual([
      { type: 'stop_all', at: at(15) },
    ]);
    expect(planned(sentBack().state, { type: 'withdraw', actor: requester, at: at(99) }).changes).toEqual([
      { type: 'stop_all', at: at(99) },
    ]);
  });

  it('on rejection (the step clock and response clocks stop first)', () => {
    const state = apply(started(), { type: 'take', stepId: 'verify_quote', actor: om, at: at(10) });
    const { state: after, changes } = planned(state, {
      type: 'reject',
      stepId: 'verify_quote',
      reason: 'This request duplicates another one.',
      category: 'duplicate_request',
      actor: om,
      at: at(12),
    });
    expect(after.status).toBe('rejected');
    expect(changes).toEqual([
      stop('step:verify_quote', at(12)),
      stopResponses(at(12)),
      { type: 'stop_all', at: at(12) },
    ]);
  });
});
