import { describe, expect, it } from 'vitest';
import { checkEvidence } from '../../../src/domain/playbook/evidence.ts';
import type { Step } from '../../../src/domain/playbook/schema.ts';
import { CALLBACK, stepTargetValue } from '../../../src/slack/ids.ts';
import {
  COMMERCIAL_FIELDS,
  completeStepModal,
  deviationModal,
  escalateModal,
  readChangeRequest,
  readDeviation,
  readEscalation,
  readEvidence,
  readRejection,
  rejectStepModal,
  requestChangesModal,
} from '../../../src/slack/views/step-modals.ts';
import { apply, at, revops, stepOf, walked } from '../../domain/workflow/support.ts';
import {
  allText,
  expectValidModal,
  findInput,
  HOSTILE,
  HOSTILE_ESCAPED,
  mrkdwn,
  submitted,
} from './support.ts';

const target = { requestId: 'req_01HZX', stepId: 'provisioning_handoff' };
const base = (stepId: string) => ({
  target: { ...target, stepId },
  step: stepOf(stepId),
  reference: 'BK-2026-000042',
});

describe('complete step', () => {
  it('asks for each evidence field by its type, with the target in private_metadata', () => {
    const view = completeStepModal(base('provisioning_handoff'));
    expectValidModal(view);
    expect(view).toMatchObject({
      callback_id: CALLBACK.stepComplete,
      private_metadata: stepTargetValue(target),
      submit: { text: 'Complete' },
    });
    expect(findInput(view, 'provisioning_ticket_id')).toMatchObject({
      element: {
        type: 'plain_text_input',
        action_id: 'provisioning_ticket_id',
        placeholder: { text: 'PROV-1234' },
      },
    });
    expect(findInput(view, 'fulfilment_queue')).toMatchObject({
      element: {
        type: 'static_select',
        options: expect.arrayContaining([expect.objectContaining({ value: 'saas_activation' })]),
      },
    });
    expect(findInput(view, 'ticket_owner')).toMatchObject({ element: { type: 'users_select' } });
    expect(findInput(view, 'ticket_due_date')).toMatchObject({ element: { type: 'datepicker' } });

    const acks = completeStepModal(base('verify_acknowledgements'));
    expectValidModal(acks);
    expect(findInput(acks, 'exceptions')).toMatchObject({
      optional: true,
      element: { type: 'plain_text_input', max_length: 2000, multiline: true },
    });
    expect(findInput(acks, 'order_status').optional).toBeUndefined();
  });

  it('reads what was typed back into evidence the domain accepts', () => {
    const view = completeStepModal(base('provisioning_handoff'));
    const values = submitted(view, {
      provisioning_ticket_id: ' PROV-1234 ',
      fulfilment_queue: 'enterprise_onboarding',
      ticket_owner: 'UCUS0009',
      ticket_due_date: '2026-12-15',
    });
    const read = readEvidence(values, stepOf('provisioning_handoff'));
    expect(read).toEqual({
      ok: true,
      value: {
        provisioning_ticket_id: 'PROV-1234',
        fulfilment_queue: 'enterprise_onboarding',
        ticket_owner: 'UCUS0009',
        ticket_due_date: '2026-12-15',
      },
    });
    if (!read.ok) return;
    expect(checkEvidence(stepOf('provisioning_handoff').evidence, read.value).ok).toBe(true);

    const optional = readEvidence(
      submitted(completeStepModal(base('confirm_terms')), {}),
      stepOf('confirm_terms'),
    );
    expect(optional).toEqual({ ok: true, value: { contract_reference: null } });
  });

  it('prefills what was typed before', () => {
    const view = completeStepModal({
      ...base('provisioning_handoff'),
      prefill: {
        provisioning_ticket_id: 'PROV-9',
        ticket_owner: 'UCUS0009',
        ticket_due_date: '2026-12-15',
        fulfilment_queue: 'saas_activation',
      },
    });
    expectValidModal(view);
    expect(findInput(view, 'ticket_owner')).toMatchObject({ element: { initial_user: 'UCUS0009' } });
    expect(findInput(view, 'ticket_due_date')).toMatchObject({ element: { initial_date: '2026-12-15' } });
    expect(findInput(view, 'fulfilment_queue')).toMatchObject({
      element: { initial_option: { value: 'saas_activation' } },
    });
  });

  it('asks for confirmation when the step needs no evidence', () => {
    const step: Step = { ...stepOf('create_order'), evidence: [] };
    const view = completeStepModal({ ...base('create_order'), step });
    expectValidModal(view);
    expect(allText(view.blocks)).toContain('Confirm that every item of the checklist is done.');
    expect(view.submit).toBeDefined();
  });

  it('never throws on state values it cannot read', () => {
    const step = stepOf('provisioning_handoff');
    expect(readEvidence('nonsense', step).ok).toBe(false);
    expect(readEvidence({ ticket_owner: { ticket_owner: { selected_user: 42 } } }, step)).toEqual({
      ok: false,
      errors: { ticket_owner: expect.stringContaining('Ticket owner') },
    });
  });
});

describe('reject', () => {
  it('asks for a reason and, where the step has them, a category', () => {
    const view = rejectStepModal(base('trigger_billing'));
    expectValidModal(view);
    expect(view).toMatchObject({ callback_id: CALLBACK.stepReject });
    expect(findInput(view, 'category').optional).toBeUndefined();
    expect(findInput(view, 'reason')).toMatchObject({ element: { multiline: true, min_length: 10 } });
    const read = readRejection(
      submitted(view, { category: 'missing_purchase_order', reason: '  No PO attached <b>  ' }),
    );
    expect(read).toEqual({
      ok: true,
      value: { reason: 'No PO attached <b>', category: 'missing_purchase_order' },
    });

    const quote = rejectStepModal(base('verify_quote'));
    expectValidModal(quote);
    expect(findInput(quote, 'category').optional).toBe(true);
    expect(readRejection(submitted(quote, { reason: 'Duplicate request' }))).toEqual({
      ok: true,
      value: { reason: 'Duplicate request', category: null },
    });
  });

  it('refuses a blank or short reason inline, and says so when the step cannot be rejected', () => {
    expect(readRejection({ reason: { reason: { type: 'plain_text_input', value: '  ' } } })).toEqual({
      ok: false,
      errors: { reason: 'The reason is required.' },
    });
    expect(readRejection({ reason: { reason: { type: 'plain_text_input', value: 'short' } } }).ok).toBe(
      false,
    );
    const none = rejectStepModal(base('create_order'));
    expectValidModal(none);
    expect(none.submit).toBeUndefined();
  });
});

describe('request changes', () => {
  it('lists the deviations that go with the note, escaped, and reads the note', () => {
    const state = apply(walked(1), {
      type: 'record_deviation',
      stepId: 'confirm_terms',
      field: 'pricing',
      expected: '40.00',
      actual: HOSTILE,
      actor: revops,
      at: at(10),
    });
    const view = requestChangesModal({ ...base('confirm_terms'), record: state.steps[1]! });
    expectValidModal(view);
    expect(view).toMatchObject({
      callback_id: CALLBACK.stepRequestChanges,
      title: { text: 'Request changes' },
    });
    expect(mrkdwn(view.blocks)).toContain(`*Pricing*: expected 40.00 → actual ${HOSTILE_ESCAPED}`);
    expect(readChangeRequest(submitted(view, { note: 'Fix the price' }))).toEqual({
      ok: true,
      value: { note: 'Fix the price' },
    });
  });
});

describe('deviation', () => {
  it('offers the step’s fields and reads all four inputs', () => {
    const view = deviationModal(base('confirm_terms'));
    expectValidModal(view);
    expect(view).toMatchObject({ callback_id: CALLBACK.stepDeviation });
    const options = (findInput(view, 'field').element as { options: { value: string }[] }).options;
    expect(options.map((option) => option.value)).toEqual(
      stepOf('confirm_terms').decisions.record_deviation!.fields.map((field) => field.id),
    );
    const values = submitted(view, { field: 'sku', expected: 'PRO-SEAT', actual: 'PRO-SEATS', note: '' });
    expect(readDeviation(values)).toEqual({
      ok: true,
      value: { field: 'sku', expected: 'PRO-SEAT', actual: 'PRO-SEATS', note: '' },
    });
    expect(readDeviation({}).ok).toBe(false);
  });

  it('falls back to the commercial fields when a step names none', () => {
    const step: Step = { ...stepOf('verify_quote') };
    const view = deviationModal({ ...base('verify_quote'), step });
    expectValidModal(view);
    const options = (findInput(view, 'field').element as { options: { value: string }[] }).options;
    expect(options).toHaveLength(COMMERCIAL_FIELDS.length);
  });
});

describe('escalate', () => {
  it('offers the step’s categories and reads the choice and note', () => {
    const view = escalateModal(base('billing_readiness'));
    expectValidModal(view);
    expect(view).toMatchObject({ callback_id: CALLBACK.stepEscalate });
    expect(allText(view.blocks)).toContain('Billing owner');
    const read = readEscalation(submitted(view, { category: 'billing_hold', note: 'Hold on account' }));
    expect(read).toEqual({ ok: true, value: { category: 'billing_hold', note: 'Hold on account' } });
    expect(
      readEscalation({ category: { category: { type: 'static_select', selected_option: null } } }),
    ).toEqual({
      ok: false,
      errors: { category: 'The category is required.', note: 'The note is required.' },
    });
    const none = escalateModal(base('create_order'));
    expectValidModal(none);
    expect(none.submit).toBeUndefined();
  });
});

describe('limits', () => {
  it('keeps titles, labels and ids within Block Kit limits for long playbook texts', () => {
    const long = 'x'.repeat(200);
    const step: Step = {
      ...stepOf('provisioning_handoff'),
      title: long,
      evidence: Array.from({ length: 120 }, (_, index) => ({
        id: `field_${index}`,
        label: long,
        required: index % 2 === 0,
        hint: 'h'.repeat(300),
        type: 'choice' as const,
        options: Array.from({ length: 130 }, (_, o) => ({ id: `option_${o}`, label: long })),
      })),
      decisions: {
        complete: {},
        reject: {
          leadsTo: 'rejection',
          categoryRequired: true,
          categories: Array.from({ length: 130 }, (_, o) => ({ id: `c_${o}`, label: long })),
        },
        escalate: { escalateTo: long, categories: [{ id: 'other', label: long }] },
      },
    };
    const common = { target, step, reference: `BK-${long}` };
    for (const view of [
      completeStepModal(common),
      rejectStepModal(common),
      requestChangesModal(common),
      deviationModal(common),
      escalateModal(common),
    ]) {
      expectValidModal(view);
      expect(view.private_metadata).toBe(stepTargetValue(target));
      expect(mrkdwn(view.blocks)).not.toContain('<');
    }
  });
});
