import { describe, expect, it } from 'vitest';
import type { Step } from '../../../src/domain/playbook/schema.ts';
import type { StepRecord, WorkflowState } from '../../../src/domain/workflow/state.ts';
import { ACTION, stepChecklistBlockId, stepTargetValue } from '../../../src/slack/ids.ts';
import { isChecklistActionId } from '../../../src/slack/views/step-checklist.ts';
import { outcomeNote, stepMessage } from '../../../src/slack/views/step-message.ts';
import {
  apply,
  at,
  completeStep,
  om,
  om2,
  playbook,
  revops,
  started,
  stepOf,
  walked,
} from '../../domain/workflow/support.ts';
import {
  actionElements,
  allText,
  buttons,
  expectValidMessage,
  HOSTILE,
  HOSTILE_ESCAPED,
  mrkdwn,
} from './support.ts';

const REQUEST = 'req_01HZX';
const ROLE = '<!subteam^S0OMEMEA>';

function render(state: WorkflowState, stepId: string, extra: { outcomeNote?: string | null } = {}) {
  const index = playbook.steps.findIndex((step) => step.id === stepId);
  const record = state.steps.find((candidate) => candidate.id === stepId)!;
  const message = stepMessage({
    requestId: REQUEST,
    reference: 'BK-2026-000042',
    step: playbook.steps[index]!,
    record,
    stepNumber: index + 1,
    stepCount: playbook.steps.length,
    roleMention: ROLE,
    userNames: { UOMA0001: 'Olga' },
    ...extra,
  });
  expectValidMessage(message);
  return message;
}

const value = (stepId: string) => stepTargetValue({ requestId: REQUEST, stepId });

describe('an active step', () => {
  it('shows title, owner, nobody holding it, the checklist and the step’s buttons', () => {
    const message = render(started(), 'verify_quote');
    const text = allText(message.blocks);
    expect(text).toContain('Step 1/7 · Verify the quote');
    expect(text).toContain(`Order management · ${ROLE}`);
    expect(text).toContain('Not taken yet');

    const [checklist] = actionElements(message.blocks).filter((element) => element.type === 'checkboxes');
    expect(checklist).toMatchObject({ action_id: ACTION.stepChecklist });
    expect(checklist!.initial_options).toBeUndefined();
    const block = message.blocks.find(
      (candidate) =>
        candidate.block_id === stepChecklistBlockId({ requestId: REQUEST, stepId: 'verify_quote' }),
    );
    expect(block).toBeDefined();
    const options = checklist!.options as { value: string; text: { text: string } }[];
    expect(options.map((option) => option.value)).toEqual(
      stepOf('verify_quote').checklist.map((item) => item.id),
    );
    expect(options[0]!.text.text).toBe('Quote number is valid and linked to the right customer account');
    expect(text).toContain('Tick every item before completing the step.');

    const shown = buttons(message.blocks);
    expect(shown.map((button) => button.action_id)).toEqual([
      ACTION.stepTake,
      ACTION.stepComplete,
      ACTION.stepReject,
      ACTION.stepRequestChanges,
      ACTION.stepEscalate,
    ]);
    expect(shown.every((button) => button.value === value('verify_quote'))).toBe(true);
    expect(shown[0]).toMatchObject({ text: { text: 'Take it' } });
    expect(shown[1]).toMatchObject({ style: 'primary' });
    expect(shown[2]).toMatchObject({ style: 'danger', confirm: { style: 'danger' } });
  });

  it('offers Record deviation only where the step allows it, and marks optional items', () => {
    const terms = render(walked(1), 'confirm_terms');
    expect(buttons(terms.blocks).map((button) => button.action_id)).toEqual([
      ACTION.stepTake,
      ACTION.stepComplete,
      ACTION.stepRequestChanges,
      ACTION.stepDeviation,
    ]);
    const order = render(walked(3), 'create_order');
    expect(buttons(order.blocks).map((button) => button.action_id)).toEqual([
      ACTION.stepTake,
      ACTION.stepComplete,
    ]);
    expect(allText(order.blocks)).toContain('Booking request reference noted on the CRM order (optional)');
    expect(allText(order.blocks)).toContain(
      'Order created in the CRM / order system from the approved quote *',
    );
    expect(allText(order.blocks)).toContain('Items marked * must be ticked');
  });

  it('shows who holds it, who ticked what, and offers to take it over', () => {
    let state = apply(started(), { type: 'take', stepId: 'verify_quote', actor: om, at: at(5) });
    state = apply(state, {
      type: 'tick',
      stepId: 'verify_quote',
      itemId: 'quote_linked',
      actor: om2,
      at: at(6),
    });
    const message = render(state, 'verify_quote');
    expect(mrkdwn(message.blocks)).toContain('*Taken by*\n<@UOMA0001>');
    const checklist = actionElements(message.blocks).find((element) => element.type === 'checkboxes')!;
    expect(checklist.initial_options).toEqual([(checklist.options as unknown[])[0]]);
    expect(mrkdwn(message.blocks)).toMatch(/✓ Quote number is valid.* · <@UOMA0002> · <!date\^/);
    const take = buttons(message.blocks)[0]!;
    expect(take).toMatchObject({
      text: { text: 'Take over' },
      confirm: { text: { text: expect.stringContaining('Olga') } },
    });
  });

  it('lists deviations and escalations with the user text escaped', () => {
    let state = apply(walked(1), {
      type: 'record_deviation',
      stepId: 'confirm_terms',
      field: 'start_date',
      expected: '2026-12-01',
      actual: HOSTILE,
      note: HOSTILE,
      actor: revops,
      at: at(30),
    });
    let message = render(state, 'confirm_terms');
    let text = mrkdwn(message.blocks);
    expect(text).toContain('*Deviations (1)*');
    expect(text).toContain(`*Start date*: expected 2026-12-01 → actual ${HOSTILE_ESCAPED}`);
    expect(text).not.toContain('<!channel>');

    state = apply(started(), {
      type: 'escalate',
      stepId: 'verify_quote',
      category: 'quote_expired',
      note: HOSTILE,
      actor: om,
      at: at(3),
    });
    message = render(state, 'verify_quote');
    text = mrkdwn(message.blocks);
    expect(text).toContain('Escalated to Sales manager and deal desk');
    expect(text).toContain(`*Quote expired*: ${HOSTILE_ESCAPED}`);
    expect(text).not.toContain('<!channel>');
  });
});

describe('a finished step', () => {
  it('shows who completed it and the evidence, with nothing to click', () => {
    const state = completeStep(walked(4), 'trigger_billing').state;
    const message = render(state, 'trigger_billing');
    expect(actionElements(message.blocks)).toEqual([]);
    const text = mrkdwn(message.blocks);
    expect(text).toMatch(/:white_check_mark: \*Completed\* by <@UBIL0001> · <!date\^/);
    expect(text).toContain('*Billing reference number*: `SUB-2026-00123`');
    expect(message.text).toContain('completed');

    const handoff = render(completeStep(walked(5), 'provisioning_handoff').state, 'provisioning_handoff');
    const handoffText = mrkdwn(handoff.blocks);
    expect(handoffText).toContain('*Ticket owner*: <@UCUS0009>');
    expect(handoffText).toContain('*Fulfilment queue*: SaaS activation');
    expect(handoffText).toContain('*Ticket due date*: 2026-12-15');
  });

  it('shows a request for changes with its note and the deviations sent back', () => {
    let state = apply(walked(1), {
      type: 'record_deviation',
      stepId: 'confirm_terms',
      field: 'sku',
      expected: 'PRO-SEAT',
      actual: 'PRO-SEATS',
      actor: revops,
      at: at(20),
    });
    state = apply(state, {
      type: 'request_changes',
      stepId: 'confirm_terms',
      note: HOSTILE,
      actor: revops,
      at: at(21),
    });
    const note = outcomeNote(state.trail, 'confirm_terms');
    expect(note).toBe(HOSTILE);
    const message = render(state, 'confirm_terms', { outcomeNote: note });
    const text = mrkdwn(message.blocks);
    expect(actionElements(message.blocks)).toEqual([]);
    expect(text).toContain(':leftwards_arrow_with_hook: *Changes requested* by <@UREV0001>');
    expect(text).toContain(`>${HOSTILE_ESCAPED}`);
    expect(text).toContain('*SKU*: expected PRO-SEAT → actual PRO-SEATS');
  });

  it('shows a rejection with its reason', () => {
    const state = apply(started(), {
      type: 'reject',
      stepId: 'verify_quote',
      reason: 'Duplicate of BK-2026-000007 <@U123>',
      category: 'duplicate_request',
      actor: om,
      at: at(9),
    });
    const message = render(state, 'verify_quote', { outcomeNote: outcomeNote(state.trail, 'verify_quote') });
    const text = mrkdwn(message.blocks);
    expect(text).toContain(':no_entry: *Rejected* by <@UOMA0001>');
    expect(text).toContain('Duplicate request: Duplicate of BK-2026-000007 &lt;@U123&gt;');
    expect(actionElements(message.blocks)).toEqual([]);
  });

  it('shows a step that is not active yet without controls', () => {
    const message = render(started(), 'create_order');
    expect(allText(message.blocks)).toContain('Not active');
    expect(actionElements(message.blocks)).toEqual([]);
  });
});

describe('limits', () => {
  const long = (n: number, seed: string) => `${seed} `.repeat(Math.ceil(n / (seed.length + 1))).slice(0, n);

  const bigStep: Step = {
    id: 'big_step',
    role: 'revenue_operations',
    title: long(200, 'Title'),
    instructions: long(2000, 'Instructions <b>'),
    checklist: Array.from({ length: 34 }, (_, index) => ({
      id: `item_${index}`,
      label: long(200, `Item ${index} label & more`),
      mandatory: index % 3 !== 0,
    })),
    evidence: [],
    decisions: {
      complete: {},
      request_changes: {},
      record_deviation: { fields: [{ id: 'sku', label: 'SKU' }] },
      escalate: { escalateTo: long(200, 'Owner'), categories: [{ id: 'other', label: 'Other' }] },
      reject: { leadsTo: 'requester', categories: [], categoryRequired: false },
    },
  };
  const stamp = { by: 'UREV0001', at: at(1).toISOString() };
  const record: StepRecord = {
    id: 'big_step',
    status: 'active',
    assignee: { userId: 'UREV0001', ...stamp },
    checks: Object.fromEntries(bigStep.checklist.map((item) => [item.id, { ticked: true, ...stamp }])),
    deviations: Array.from({ length: 40 }, () => ({
      field: 'sku',
      expected: long(2000, 'expected <x>'),
      actual: long(2000, 'actual &'),
      note: long(2000, 'note'),
      ...stamp,
    })),
    escalations: Array.from({ length: 40 }, () => ({
      category: 'other',
      note: long(2000, 'esc <!here>'),
      ...stamp,
    })),
    evidence: null,
    outcome: null,
  };

  it('splits a long checklist into groups of ten with distinct ids, and keeps every text in bounds', () => {
    const target = { requestId: REQUEST, stepId: 'big_step' };
    const message = stepMessage({
      requestId: REQUEST,
      reference: 'BK-2026-000042',
      step: bigStep,
      record,
      stepNumber: 2,
      stepCount: 7,
      roleMention: 'Revenue operations',
    });
    expectValidMessage(message);
    const groups = actionElements(message.blocks).filter((element) => element.type === 'checkboxes');
    expect(groups.map((group) => (group.options as unknown[]).length)).toEqual([10, 10, 10, 4]);
    expect(groups.every((group) => isChecklistActionId(String(group.action_id)))).toBe(true);
    const blockIds = message.blocks.map((block) => block.block_id).filter(Boolean);
    expect(blockIds).toContain(stepChecklistBlockId(target));
    expect(blockIds).toContain(`${stepChecklistBlockId(target)}|4`);
    expect(mrkdwn(message.blocks)).toContain('_…and ');
    expect(mrkdwn(message.blocks)).not.toContain('<!here>');
    expect(allText(message.blocks)).not.toContain('Revenue operations · Revenue operations');
  });

  it('stays valid once finished with everything recorded', () => {
    const done: StepRecord = {
      ...record,
      status: 'completed',
      evidence: Object.fromEntries(
        Array.from({ length: 30 }, (_, i) => [`field_${i}`, long(2000, 'value <x>')]),
      ),
      outcome: { kind: 'completed', ...stamp },
    };
    const message = stepMessage({
      requestId: REQUEST,
      reference: 'BK-2026-000042',
      step: bigStep,
      record: done,
      stepNumber: 2,
      stepCount: 7,
      roleMention: ROLE,
    });
    expectValidMessage(message);
    expect(actionElements(message.blocks)).toEqual([]);
  });
});
