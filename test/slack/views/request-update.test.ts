import { describe, expect, it } from 'vitest';
import type { WorkflowEvent } from '../../../src/domain/workflow/events.ts';
import type { WorkflowState } from '../../../src/domain/workflow/state.ts';
import { ACTION } from '../../../src/slack/ids.ts';
import { requesterUpdate } from '../../../src/slack/views/request-summary.ts';
import {
  accept,
  admin,
  apply,
  at,
  billing,
  completeStep,
  om,
  playbook,
  requester,
  revops,
  started,
  tickAll,
  walked,
} from '../../domain/workflow/support.ts';
import { buttons, expectValidMessage, HOSTILE, HOSTILE_ESCAPED, mrkdwn } from './support.ts';

function dm(
  state: WorkflowState,
  event: WorkflowEvent,
  permalink: string | null = 'https://slack.example/archives/C1/p1',
) {
  const message = requesterUpdate({
    requestId: 'req_01HZX',
    reference: 'BK-2026-000042',
    event,
    state,
    playbook,
    permalink,
    customerName: 'Acme <Widgets> & Co',
  });
  if (message) expectValidMessage(message);
  return message;
}

function only<T extends WorkflowEvent['type']>(events: WorkflowEvent[], type: T) {
  const event = events.find((candidate) => candidate.type === type);
  if (!event) throw new Error(`no ${type} in ${events.map((e) => e.type).join(', ')}`);
  return event as Extract<WorkflowEvent, { type: T }>;
}

describe('requester updates', () => {
  it('tells a step was completed, what comes next, with the thread link and Withdraw', () => {
    const { state, events } = completeStep(started(), 'verify_quote');
    const message = dm(state, only(events, 'step_completed'))!;
    const text = mrkdwn(message.blocks);
    expect(text).toContain(
      ':white_check_mark: Step 1 (Verify the quote) of *BK-2026-000042* (Acme &lt;Widgets&gt; &amp; Co) was completed by <@UOMA0001>',
    );
    expect(text).toContain('Next: Step 2 (Confirm the subscription terms), Revenue operations.');
    expect(text).toContain('<https://slack.example/archives/C1/p1|Open the request thread>');
    const [withdraw] = buttons(message.blocks);
    expect(withdraw).toMatchObject({
      action_id: ACTION.requestWithdraw,
      value: 'req_01HZX',
      style: 'danger',
      confirm: { style: 'danger' },
    });
  });

  it('asks for changes with the note, the deviations and an Amend button', () => {
    let state = apply(walked(1), {
      type: 'record_deviation',
      stepId: 'confirm_terms',
      field: 'discounts',
      expected: '10 %',
      actual: '15 %',
      note: HOSTILE,
      actor: revops,
      at: at(10),
    });
    const result = accept(state, {
      type: 'request_changes',
      stepId: 'confirm_terms',
      note: HOSTILE,
      actor: revops,
      at: at(11),
    });
    state = result.state;
    const message = dm(state, only(result.events, 'changes_requested'), null)!;
    const text = mrkdwn(message.blocks);
    expect(text).toContain('<@UREV0001> asked for changes at Step 2 (Confirm the subscription terms)');
    expect(text).toContain(`>${HOSTILE_ESCAPED}`);
    expect(text).toContain(`*Discounts*: expected 10 % → actual 15 % — ${HOSTILE_ESCAPED}`);
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('Open the request thread');
    expect(buttons(message.blocks).map((button) => button.action_id)).toEqual([
      ACTION.requestAmend,
      ACTION.requestWithdraw,
    ]);
    expect(buttons(message.blocks)[0]).toMatchObject({ value: 'req_01HZX' });
  });

  it('tells about a deviation as it is recorded', () => {
    const result = accept(walked(1), {
      type: 'record_deviation',
      stepId: 'confirm_terms',
      field: 'start_date',
      expected: '2026-12-01',
      actual: '2027-01-01',
      actor: revops,
      at: at(10),
    });
    const text = mrkdwn(dm(result.state, only(result.events, 'deviation_recorded'))!.blocks);
    expect(text).toContain('*Start date*: expected 2026-12-01 → actual 2027-01-01');
  });

  it('names billing’s rejection category when billing sends it back', () => {
    const ready = tickAll(walked(4), 'trigger_billing');
    const result = accept(ready, {
      type: 'reject',
      stepId: 'trigger_billing',
      reason: 'No purchase order on file',
      category: 'missing_purchase_order',
      actor: billing,
      at: at(100),
    });
    expect(dm(result.state, only(result.events, 'step_rejected'))).toBeNull();
    const message = dm(result.state, only(result.events, 'changes_requested'))!;
    expect(mrkdwn(message.blocks)).toContain(
      'rejected it (Purchase order missing) at Step 5 (Trigger billing)',
    );
    // Booked already: Amend, but no Withdraw.
    expect(buttons(message.blocks).map((button) => button.action_id)).toEqual([ACTION.requestAmend]);
  });

  it('tells a final rejection with its reason and nothing to click', () => {
    const result = accept(started(), {
      type: 'reject',
      stepId: 'verify_quote',
      reason: HOSTILE,
      actor: om,
      at: at(3),
    });
    const message = dm(result.state, only(result.events, 'step_rejected'))!;
    expect(mrkdwn(message.blocks)).toContain(`:no_entry: *BK-2026-000042*`);
    expect(mrkdwn(message.blocks)).toContain(`>${HOSTILE_ESCAPED}`);
    expect(buttons(message.blocks)).toEqual([]);
  });

  it('tells the milestones with their evidence, and the end', () => {
    const booked = completeStep(walked(3), 'create_order');
    expect(dm(booked.state, only(booked.events, 'step_completed'))).toBeNull();
    const bookedDm = dm(booked.state, only(booked.events, 'request_booked'))!;
    expect(mrkdwn(bookedDm.blocks)).toContain('*CRM order ID*: `SO-104233`');
    // Booked but not done: the requester may still escalate (billing, provisioning).
    expect(buttons(bookedDm.blocks).map((button) => button.action_id)).toEqual([ACTION.requestEscalate]);

    const billed = completeStep(walked(4), 'trigger_billing');
    expect(mrkdwn(dm(billed.state, only(billed.events, 'billing_triggered'))!.blocks)).toContain(
      '`SUB-2026-00123`',
    );

    const handed = completeStep(walked(5), 'provisioning_handoff');
    const handedText = mrkdwn(dm(handed.state, only(handed.events, 'provisioning_handed_off'))!.blocks);
    expect(handedText).toContain('`PROV-1234`');
    expect(handedText).toContain('*Ticket owner*: <@UCUS0009>');

    const done = completeStep(walked(6), 'verify_acknowledgements');
    expect(dm(done.state, only(done.events, 'step_completed'))).toBeNull();
    expect(mrkdwn(dm(done.state, only(done.events, 'request_completed'))!.blocks)).toContain(':tada:');
  });

  it('tells a cancellation, and says nothing about ticks or takes', () => {
    const cancelled = accept(walked(2), { type: 'cancel', reason: HOSTILE, actor: admin, at: at(50) });
    const text = mrkdwn(dm(cancelled.state, only(cancelled.events, 'cancelled'))!.blocks);
    expect(text).toContain('was cancelled by <@UADM0001>');
    expect(text).toContain(HOSTILE_ESCAPED);
    const taken = accept(started(), { type: 'take', stepId: 'verify_quote', actor: om, at: at(1) });
    expect(dm(taken.state, only(taken.events, 'step_taken'))).toBeNull();
    const withdrawn = accept(started(), { type: 'withdraw', actor: requester, at: at(2) });
    expect(buttons(dm(withdrawn.state, only(withdrawn.events, 'withdrawn'))!.blocks)).toEqual([]);
  });
});
