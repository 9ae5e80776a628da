import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../../src/domain/playbook/default-playbook.ts';
import { parsePlaybook } from '../../../src/domain/playbook/parse.ts';

const step = (id: string) => DEFAULT_PLAYBOOK.steps.find((candidate) => candidate.id === id)!;

describe('the default subscription-booking playbook', () => {
  it('is a valid playbook (parsing it again changes nothing)', () => {
    expect(parsePlaybook(DEFAULT_PLAYBOOK)).toEqual({ ok: true, playbook: DEFAULT_PLAYBOOK });
    expect(DEFAULT_PLAYBOOK).toMatchObject({ id: 'subscription_booking', version: 1 });
  });

  it('follows the SOP: seven steps in order, each owned by its role', () => {
    expect(DEFAULT_PLAYBOOK.steps.map((candidate) => [candidate.id, candidate.role])).toEqual([
      ['verify_quote', 'order_management'],
      ['confirm_terms', 'revenue_operations'],
      ['billing_readiness', 'billing'],
      ['create_order', 'order_management'],
      ['trigger_billing', 'billing'],
      ['provisioning_handoff', 'customer_operations'],
      ['verify_acknowledgements', 'order_management'],
    ]);
  });

  it('declares the SLAs as settings: approval 12h stopped by booking, response 6h', () => {
    expect(DEFAULT_PLAYBOOK.slas).toEqual({
      approval: { businessHours: 12, stoppedBy: { stepId: 'create_order', on: 'completed' } },
      response: { businessHours: 6 },
    });
    expect(DEFAULT_PLAYBOOK.steps.filter((candidate) => candidate.slaBusinessHours).map((s) => s.id)).toEqual(
      ['verify_acknowledgements'],
    );
  });

  it('restarts at quote verification after commercial changes, else resumes where changes were asked', () => {
    expect(DEFAULT_PLAYBOOK.amendments).toEqual({
      commercialChange: { resumeAt: 'step', stepId: 'verify_quote' },
      otherChange: { resumeAt: 'requesting_step' },
    });
  });

  it('lets order management escalate a quote problem with a category', () => {
    const decisions = step('verify_quote').decisions;
    expect(decisions.escalate?.categories.map((category) => category.id)).toEqual([
      'missing_approval',
      'quote_expired',
      'quote_inconsistent',
      'wrong_account',
    ]);
    expect(step('verify_quote').checklist.every((item) => item.mandatory)).toBe(true);
  });

  it('lets revenue operations record deviations on every commercial term and send them back', () => {
    const decisions = step('confirm_terms').decisions;
    expect(decisions.record_deviation?.fields.map((field) => field.id)).toEqual([
      'start_date',
      'term_length',
      'sku',
      'quantity',
      'pricing',
      'billing_frequency',
      'renewal_terms',
      'discounts',
      'credits',
      'one_time_charges',
    ]);
    expect(decisions.request_changes).toBeDefined();
    expect(DEFAULT_PLAYBOOK.steps.filter((s) => s.decisions.record_deviation).map((s) => s.id)).toEqual([
      'confirm_terms',
    ]);
  });

  it('escalates billing non-conformance to the billing owner', () => {
    expect(step('billing_readiness').decisions.escalate?.escalateTo).toBe('Billing owner');
  });

  it('books at step 4 with the CRM order ID, triggers billing at step 5 with the billing reference', () => {
    expect(step('create_order')).toMatchObject({
      milestone: 'booked',
      evidence: [{ id: 'crm_order_id', type: 'reference', required: true }],
    });
    expect(step('trigger_billing')).toMatchObject({
      milestone: 'billing_triggered',
      evidence: [{ id: 'billing_reference', type: 'reference', required: true }, { required: false }],
    });
  });

  it('lets billing reject at step 5 only with a category, sending the request back to the requester', () => {
    expect(step('trigger_billing').decisions.reject).toMatchObject({
      leadsTo: 'requester',
      categoryRequired: true,
    });
    expect(step('create_order').decisions.reject).toBeUndefined();
  });

  it('hands off to provisioning with a ticket, its queue, a Slack owner and a due date', () => {
    expect(step('provisioning_handoff').evidence.map((field) => [field.id, field.type])).toEqual([
      ['provisioning_ticket_id', 'reference'],
      ['fulfilment_queue', 'choice'],
      ['ticket_owner', 'slack_user'],
      ['ticket_due_date', 'date'],
    ]);
    expect(step('provisioning_handoff').milestone).toBe('provisioning_handed_off');
  });
});
