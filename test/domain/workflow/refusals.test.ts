import { describe, expect, it } from 'vitest';
import { decide } from '../../../src/domain/workflow/decide.ts';
import {
  admin,
  apply,
  at,
  billing,
  completeStep,
  om,
  om2,
  outsider,
  playbook,
  REQUESTER,
  refusal,
  requester,
  revops,
  started,
  tickAll,
  VALID_EVIDENCE,
  walked,
} from './support.ts';

describe('who may act', () => {
  it('refuses a step to someone without its role and says which role may', () => {
    const result = refusal(
      decide(started(), { type: 'take', stepId: 'verify_quote', actor: billing, at: at(1) }, playbook),
    );
    expect(result).toMatchObject({
      reason: 'not_allowed',
      allowed: 'step_role',
      requiredRole: 'order_management',
      because: 'missing_role',
      message: 'Only Order management can take this step.',
    });
  });

  it('never lets the requester act on a step of their own request, even holding the role', () => {
    const requesterInOm = { userId: REQUESTER, roles: ['order_management' as const], isDeskAdmin: true };
    for (const type of ['take', 'complete', 'reject', 'request_changes', 'escalate'] as const) {
      const command =
        type === 'take'
          ? { type, stepId: 'verify_quote', actor: requesterInOm, at: at(1) }
          : type === 'complete'
            ? { type, stepId: 'verify_quote', evidence: {}, actor: requesterInOm, at: at(1) }
            : type === 'reject'
              ? { type, stepId: 'verify_quote', reason: 'x', actor: requesterInOm, at: at(1) }
              : type === 'request_changes'
                ? { type, stepId: 'verify_quote', note: 'x', actor: requesterInOm, at: at(1) }
                : {
                    type,
                    stepId: 'verify_quote',
                    category: 'quote_expired',
                    note: 'x',
                    actor: requesterInOm,
                    at: at(1),
                  };
      expect(refusal(decide(started(), command, playbook))).toMatchObject({
        reason: 'not_allowed',
        because: 'own_request',
        requiredRole: 'order_management',
      });
    }
  });

  it('lets only the requester amend or withdraw, and only desk admins reassign or cancel', () => {
    const state = started();
    expect(refusal(decide(state, { type: 'withdraw', actor: om, at: at(1) }, playbook))).toMatchObject({
      reason: 'not_allowed',
      allowed: 'requester',
      because: 'not_requester',
    });
    expect(
      refusal(decide(state, { type: 'amend', commercialChange: false, actor: admin, at: at(1) }, playbook)),
    ).toMatchObject({ reason: 'not_allowed', allowed: 'requester' });
    expect(
      refusal(decide(state, { type: 'cancel', reason: 'dup', actor: om, at: at(1) }, playbook)),
    ).toMatchObject({
      reason: 'not_allowed',
      allowed: 'desk_admin',
      because: 'not_desk_admin',
      message: 'Only a desk admin can cancel this request.',
    });
    const command = {
      type: 'reassign' as const,
      stepId: 'verify_quote',
      to: om2.userId,
      reason: 'leave',
      at: at(1),
    };
    expect(refusal(decide(state, { ...command, actor: outsider }, playbook))).toMatchObject({
      reason: 'not_allowed',
      allowed: 'desk_admin',
    });
    const requesterAdmin = { ...requester, isDeskAdmin: true };
    expect(refusal(decide(state, { ...command, actor: requesterAdmin }, playbook))).toMatchObject({
      reason: 'not_allowed',
      because: 'own_request',
    });
  });
});

describe('completing a step', () => {
  it('is refused until every mandatory item is ticked, naming the missing items', () => {
    let state = started();
    state = apply(state, {
      type: 'tick',
      stepId: 'verify_quote',
      itemId: 'quote_linked',
      actor: om,
      at: at(1),
    });
    state = apply(state, {
      type: 'tick',
      stepId: 'verify_quote',
      itemId: 'quote_approved',
      actor: om,
      at: at(2),
    });
    const result = refusal(
      decide(
        state,
        {
          type: 'complete',
          stepId: 'verify_quote',
          evidence: VALID_EVIDENCE.verify_quote!,
          actor: om,
          at: at(3),
        },
        playbook,
      ),
    );
    expect(result).toMatchObject({
      reason: 'incomplete',
      uncheckedItems: ['latest_version', 'quote_not_expired'],
      evidenceErrors: {},
      missing: [
        'Tick "Booking request matches the latest commercial version of the quote".',
        'Tick "Quote has not expired".',
      ],
    });
    expect(result.message).toContain('"Verify the quote" cannot be completed yet.');
    expect(result.message).toContain('Quote has not expired');
  });

  it('does not need optional items', () => {
    let state = walked(3);
    for (const itemId of ['order_created', 'order_matches_terms']) {
      state = apply(state, { type: 'tick', stepId: 'create_order', itemId, actor: om, at: at(1) });
    }
    const result = decide(
      state,
      {
        type: 'complete',
        stepId: 'create_order',
        evidence: VALID_EVIDENCE.create_order!,
        actor: om,
        at: at(2),
      },
      playbook,
    );
    expect(result.ok).toBe(true);
  });

  it('is refused with invalid evidence, naming each field and why', () => {
    const state = tickAll(walked(5), 'provisioning_handoff');
    const actor = { userId: 'UCUS0001', roles: ['customer_operations' as const], isDeskAdmin: false };
    const result = refusal(
      decide(
        state,
        {
          type: 'complete',
          stepId: 'provisioning_handoff',
          evidence: { provisioning_ticket_id: 'see email', fulfilment_queue: 'moon', ticket_owner: '@bob' },
          actor,
          at: at(1),
        },
        playbook,
      ),
    );
    expect(result).toMatchObject({
      reason: 'incomplete',
      uncheckedItems: [],
      evidenceErrors: {
        provisioning_ticket_id:
          'Provisioning ticket ID "see email" does not look right; write it like PROV-1234.',
        fulfilment_queue:
          'Fulfilment queue must be one of: SaaS activation, Enterprise onboarding, Professional services, Partner fulfilment.',
        ticket_owner: 'Ticket owner must be a Slack member (a user id like U0123ABCD).',
        ticket_due_date: 'Ticket due date is required.',
      },
    });
  });

  it('requires the billing reference to trigger billing', () => {
    const state = tickAll(walked(4), 'trigger_billing');
    const result = refusal(
      decide(
        state,
        { type: 'complete', stepId: 'trigger_billing', evidence: {}, actor: billing, at: at(1) },
        playbook,
      ),
    );
    expect(result).toMatchObject({
      evidenceErrors: { billing_reference: 'Billing reference number is required.' },
    });
  });

  it('is refused while recorded deviations have not been sent back to the requester', () => {
    let state = tickAll(walked(1), 'confirm_terms');
    state = apply(state, {
      type: 'record_deviation',
      stepId: 'confirm_terms',
      field: 'pricing',
      expected: '100.00',
      actual: '90.00',
      note: 'Discount not approved',
      actor: revops,
      at: at(1),
    });
    const result = refusal(
      decide(
        state,
        { type: 'complete', stepId: 'confirm_terms', evidence: {}, actor: revops, at: at(2) },
        playbook,
      ),
    );
    expect(result).toMatchObject({
      reason: 'incomplete',
      openDeviations: ['Pricing'],
      missing: ['Send the deviation on Pricing back to the requester (request changes).'],
    });
  });
});

describe('stale and misdirected commands', () => {
  it('answers a command on a finished step with who finished it and when', () => {
    const state = walked(1);
    const result = refusal(
      decide(
        state,
        { type: 'complete', stepId: 'verify_quote', evidence: {}, actor: om2, at: at(90) },
        playbook,
      ),
    );
    expect(result).toMatchObject({
      reason: 'already_done',
      outcome: 'completed',
      by: om.userId,
      at: state.steps[0]!.outcome!.at,
      stepId: 'verify_quote',
    });
    expect(result.message).toBe(
      `Step 1 (Verify the quote) was already completed by UOMA0001 at ${state.steps[0]!.outcome!.at}.`,
    );
  });

  it('says a step is not active yet and where the request is', () => {
    const result = refusal(
      decide(started(), { type: 'take', stepId: 'create_order', actor: om, at: at(1) }, playbook),
    );
    expect(result).toMatchObject({
      reason: 'step_not_active',
      stepId: 'create_order',
      activeStepId: 'verify_quote',
      message: 'Step 4 (Create the booked order) is not active; the request is at Step 1 (Verify the quote).',
    });
  });

  it('refuses a command made on an older version of the request', () => {
    const state = apply(started(), { type: 'take', stepId: 'verify_quote', actor: om, at: at(1) });
    const result = refusal(
      decide(
        state,
        {
          type: 'tick',
          stepId: 'verify_quote',
          itemId: 'quote_linked',
          actor: om,
          at: at(2),
          expectedVersion: 1,
        },
        playbook,
      ),
    );
    expect(result).toMatchObject({ reason: 'stale_version', expectedVersion: 1, currentVersion: 2 });
  });

  it('refuses unknown steps and items', () => {
    expect(
      refusal(decide(started(), { type: 'take', stepId: 'nope', actor: om, at: at(1) }, playbook)),
    ).toMatchObject({
      reason: 'invalid',
      field: 'stepId',
    });
    expect(
      refusal(
        decide(
          started(),
          { type: 'tick', stepId: 'verify_quote', itemId: 'x', actor: om, at: at(1) },
          playbook,
        ),
      ),
    ).toMatchObject({ reason: 'invalid', field: 'itemId' });
    expect(
      refusal(
        decide(
          started(),
          { type: 'untick', stepId: 'verify_quote', itemId: 'quote_linked', actor: om, at: at(1) },
          playbook,
        ),
      ),
    ).toMatchObject({
      reason: 'invalid',
      message: '"Quote number is valid and linked to the right customer account" is not ticked.',
    });
  });
});

describe('decisions a step does not offer or that lack what they need', () => {
  it('refuses a rejection without a reason', () => {
    const result = refusal(
      decide(
        started(),
        { type: 'reject', stepId: 'verify_quote', reason: '  ', actor: om, at: at(1) },
        playbook,
      ),
    );
    expect(result).toMatchObject({
      reason: 'invalid',
      field: 'reason',
      message: 'Enter the reason for the rejection.',
    });
  });

  it('refuses a billing rejection without a category, or with one the step does not define', () => {
    const state = walked(4);
    const base = {
      type: 'reject' as const,
      stepId: 'trigger_billing',
      reason: 'No PO',
      actor: billing,
      at: at(1),
    };
    expect(refusal(decide(state, base, playbook))).toMatchObject({ reason: 'invalid', field: 'category' });
    expect(refusal(decide(state, { ...base, category: 'bad_vibes' }, playbook)).message).toContain(
      'Choose a reason category: Purchase order missing',
    );
  });

  it('refuses a deviation on a step that does not allow deviations', () => {
    const result = refusal(
      decide(
        started(),
        {
          type: 'record_deviation',
          stepId: 'verify_quote',
          field: 'pricing',
          expected: '1',
          actual: '2',
          actor: om,
          at: at(1),
        },
        playbook,
      ),
    );
    expect(result).toMatchObject({
      reason: 'not_offered',
      decision: 'record_deviation',
      message: 'Deviations cannot be recorded on "Verify the quote".',
    });
  });

  it('refuses a deviation on a field the step does not list, or without expected and actual values', () => {
    const state = walked(1);
    const base = {
      type: 'record_deviation' as const,
      stepId: 'confirm_terms',
      field: 'pricing',
      expected: '100',
      actual: '90',
      actor: revops,
      at: at(1),
    };
    expect(refusal(decide(state, { ...base, field: 'colour' }, playbook))).toMatchObject({ field: 'field' });
    expect(refusal(decide(state, { ...base, actual: '' }, playbook))).toMatchObject({ field: 'actual' });
  });

  it('refuses escalation where the step offers none, or without a known category and a note', () => {
    const book = walked(3);
    const escalate = { type: 'escalate' as const, category: 'quote_expired', note: 'Expired', at: at(1) };
    expect(refusal(decide(book, { ...escalate, stepId: 'create_order', actor: om }, playbook))).toMatchObject(
      {
        reason: 'not_offered',
      },
    );
    const state = started();
    expect(
      refusal(decide(state, { ...escalate, stepId: 'verify_quote', actor: om, category: 'late' }, playbook)),
    ).toMatchObject({ field: 'category' });
    expect(
      refusal(decide(state, { ...escalate, stepId: 'verify_quote', actor: om, note: '' }, playbook)),
    ).toMatchObject({
      field: 'note',
    });
  });

  it('refuses a request for changes without a note, and where the step offers none', () => {
    expect(
      refusal(
        decide(
          started(),
          { type: 'request_changes', stepId: 'verify_quote', note: '', actor: om, at: at(1) },
          playbook,
        ),
      ),
    ).toMatchObject({ reason: 'invalid', field: 'note' });
    expect(
      refusal(
        decide(
          walked(3),
          { type: 'request_changes', stepId: 'create_order', note: 'x', actor: om, at: at(1) },
          playbook,
        ),
      ),
    ).toMatchObject({ reason: 'not_offered' });
  });
});

describe('request-level refusals', () => {
  it('refuses a withdrawal after booking and points to a desk admin', () => {
    const result = refusal(decide(walked(4), { type: 'withdraw', actor: requester, at: at(1) }, playbook));
    expect(result).toMatchObject({ reason: 'wrong_status', status: 'booked' });
    expect(result.message).toContain('ask a desk admin to cancel it');
  });

  it('refuses an amendment once booked unless changes are requested', () => {
    const result = refusal(
      decide(walked(4), { type: 'amend', commercialChange: false, actor: requester, at: at(1) }, playbook),
    );
    expect(result).toMatchObject({ reason: 'wrong_status', status: 'booked' });
  });

  it('refuses a cancellation without a reason and a reassignment to the requester', () => {
    expect(
      refusal(decide(started(), { type: 'cancel', reason: ' ', actor: admin, at: at(1) }, playbook)),
    ).toMatchObject({
      reason: 'invalid',
      field: 'reason',
    });
    expect(
      refusal(
        decide(
          started(),
          { type: 'reassign', stepId: 'verify_quote', to: REQUESTER, reason: 'x', actor: admin, at: at(1) },
          playbook,
        ),
      ),
    ).toMatchObject({ reason: 'invalid', field: 'to' });
  });

  it('answers any command on a closed request with how it was closed', () => {
    const cancelled = apply(started(), { type: 'cancel', reason: 'Duplicate', actor: admin, at: at(10) });
    expect(
      refusal(decide(cancelled, { type: 'withdraw', actor: requester, at: at(11) }, playbook)),
    ).toMatchObject({
      reason: 'already_done',
      outcome: 'cancelled',
      by: admin.userId,
      at: '2026-11-23T09:10:00.000Z',
    });
    expect(
      refusal(decide(cancelled, { type: 'take', stepId: 'verify_quote', actor: om, at: at(11) }, playbook)),
    ).toMatchObject({ reason: 'already_done', outcome: 'cancelled', stepId: 'verify_quote' });
    expect(
      refusal(decide(cancelled, { type: 'take', stepId: 'create_order', actor: om, at: at(11) }, playbook)),
    ).toMatchObject({ reason: 'already_done', outcome: 'cancelled', by: admin.userId });
  });

  it('keeps refusing after completion', () => {
    const done = completeStep(walked(6), 'verify_acknowledgements').state;
    expect(
      refusal(decide(done, { type: 'cancel', reason: 'x', actor: admin, at: at(1) }, playbook)),
    ).toMatchObject({
      reason: 'already_done',
      outcome: 'completed',
    });
  });
});
