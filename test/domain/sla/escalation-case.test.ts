// The requester's own escalation: who may open it and when (refusals in their order), and the
// modal's inputs.

import { describe, expect, it } from 'vitest';
import {
  ESCALATION_CATEGORIES,
  escalationCategoryLabel,
  escalationInputProblems,
  escalationRefusal,
  isEscalationCategory,
  MAX_ESCALATION_REASON_LENGTH,
  MIN_ESCALATION_REASON_LENGTH,
} from '../../../src/domain/sla/index.ts';
import type { WorkflowState } from '../../../src/domain/workflow/state.ts';
import {
  apply,
  om,
  REQUESTER,
  requester,
  revops,
  started,
  tickAll,
  walked,
  at as workflowAt,
} from '../workflow/support.ts';
import { at, calendars } from './support.ts';

const quiet = calendars.EMEA.periodEndStatus(at('EMEA', '2026-06-10T10:00'));
const yearEnd = calendars.EMEA.periodEndStatus(at('EMEA', '2026-12-29T10:00'));
const openCase = { openedBy: REQUESTER, openedAt: new Date('2026-11-23T10:00:00.000Z') };

function changesRequested(): WorkflowState {
  return apply(tickAll(walked(1), 'confirm_terms'), {
    type: 'request_changes',
    stepId: 'confirm_terms',
    note: 'Please fix the seat price.',
    actor: revops,
    at: workflowAt(60),
  });
}

describe('when the requester may open an escalation', () => {
  it('the period-end fixtures are what they say', () => {
    expect(quiet.inWindow).toBe(false);
    expect(yearEnd.inWindow).toBe(true);
    expect(yearEnd.windows.map((window) => window.period)).toEqual(['month', 'quarter', 'year']);
  });

  it.each([
    ['submitted', () => started()],
    [
      'in review',
      () => apply(started(), { type: 'take', stepId: 'verify_quote', actor: om, at: workflowAt(5) }),
    ],
    ['booked', () => walked(4)],
  ])('may escalate a %s request outside period-end windows when no case is open', (_name, state) => {
    expect(
      escalationRefusal({ state: state(), actorId: REQUESTER, openCase: null, periodEnd: quiet }),
    ).toBeNull();
  });

  it('only the requester may escalate, whatever else is wrong', () => {
    const closed = apply(started(), { type: 'withdraw', actor: requester, at: workflowAt(5) });
    for (const state of [started(), closed]) {
      expect(escalationRefusal({ state, actorId: om.userId, openCase, periodEnd: yearEnd })).toEqual({
        code: 'not_requester',
      });
    }
  });

  it('then: not while the request waits on the requester or once it is closed', () => {
    expect(
      escalationRefusal({ state: changesRequested(), actorId: REQUESTER, openCase, periodEnd: yearEnd }),
    ).toEqual({ code: 'not_in_approval', status: 'changes_requested' });
    const withdrawn = apply(started(), { type: 'withdraw', actor: requester, at: workflowAt(5) });
    expect(escalationRefusal({ state: withdrawn, actorId: REQUESTER, openCase, periodEnd: yearEnd })).toEqual(
      {
        code: 'not_in_approval',
        status: 'withdrawn',
      },
    );
  });

  it('then: not while a case is already open (even in a period-end window)', () => {
    expect(escalationRefusal({ state: started(), actorId: REQUESTER, openCase, periodEnd: yearEnd })).toEqual(
      {
        code: 'already_open',
        openedBy: REQUESTER,
        openedAt: openCase.openedAt,
      },
    );
  });

  it('last: not during a period-end window, saying until when and which periods', () => {
    expect(
      escalationRefusal({ state: started(), actorId: REQUESTER, openCase: null, periodEnd: yearEnd }),
    ).toEqual({
      code: 'period_end',
      until: at('EMEA', '2026-12-31T20:00'),
      periods: ['month', 'quarter', 'year'],
    });
  });
});

describe('the escalation modal’s inputs', () => {
  const reason = (length: number) => 'x'.repeat(length);

  it('knows its categories and their labels', () => {
    expect(ESCALATION_CATEGORIES.map((category) => category.id)).toEqual([
      'customer_deadline',
      'deal_at_risk',
      'executive_request',
      'other',
    ]);
    expect(isEscalationCategory('deal_at_risk')).toBe(true);
    expect(isEscalationCategory('Deal at risk')).toBe(false);
    expect(escalationCategoryLabel('executive_request')).toBe('Executive request');
    expect(escalationCategoryLabel('retired_category')).toBe('retired_category');
  });

  it('accepts a category and a reason of 20 to 1000 characters (trimmed)', () => {
    expect(escalationInputProblems('other', reason(MIN_ESCALATION_REASON_LENGTH))).toEqual([]);
    expect(escalationInputProblems('other', reason(MAX_ESCALATION_REASON_LENGTH))).toEqual([]);
    expect(escalationInputProblems('customer_deadline', `   ${reason(20)}\n `)).toEqual([]);
  });

  it('reports every problem at once: a missing or unknown category and a short reason', () => {
    for (const category of [null, '', 'urgent']) {
      expect(escalationInputProblems(category, null)).toEqual([
        { field: 'category', message: 'Pick why this request needs escalating.' },
        {
          field: 'reason',
          message: 'Tell Sales Support what is at stake in at least 20 characters (0 so far).',
        },
      ]);
    }
  });

  it('counts the trimmed reason, and refuses one over 1000 characters', () => {
    expect(escalationInputProblems('other', `  ${reason(19)}          `)).toEqual([
      {
        field: 'reason',
        message: 'Tell Sales Support what is at stake in at least 20 characters (19 so far).',
      },
    ]);
    expect(escalationInputProblems('other', reason(MAX_ESCALATION_REASON_LENGTH + 1))).toEqual([
      { field: 'reason', message: 'Keep it under 1000 characters.' },
    ]);
    expect(escalationInputProblems('other', ` ${reason(1000)} `)).toEqual([]);
  });
});
