// Desk-admin modals: cancel a request, or reassign its current step, each with a reason.

import { CALLBACK, type StepTarget, stepTargetValue } from '../ids.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import { type Block, context, plain } from './elements.ts';

function reasonInput(placeholder: string): Block {
  return {
    type: 'input',
    block_id: 'reason',
    label: plain('Reason'),
    element: {
      type: 'plain_text_input',
      action_id: 'reason',
      multiline: true,
      min_length: 10,
      max_length: 1000,
      placeholder: plain(placeholder, 150),
    },
  };
}

function modal(callbackId: string, target: StepTarget, title: string, submit: string, blocks: Block[]) {
  return {
    type: 'modal' as const,
    callback_id: callbackId,
    private_metadata: stepTargetValue(target),
    title: plain(title, 24),
    submit: plain(submit, 24),
    close: plain('Back', 24),
    blocks,
  };
}

export function cancelModal(target: StepTarget, reference: string) {
  return modal(CALLBACK.adminCancel, target, 'Cancel request', 'Cancel request', [
    context(`*${escapeMrkdwn(reference)}* will be closed for good; the requester is told why.`),
    reasonInput('e.g. The customer signed with another reseller'),
  ]);
}

export function reassignModal(target: StepTarget, reference: string, stepTitle: string) {
  return modal(CALLBACK.adminReassign, target, 'Reassign step', 'Reassign', [
    context(`*${escapeMrkdwn(reference)}* · ${escapeMrkdwn(stepTitle)}`),
    {
      type: 'input',
      block_id: 'to',
      label: plain('Give it to'),
      element: { type: 'users_select', action_id: 'to', placeholder: plain('Someone who holds the role') },
    },
    reasonInput('e.g. Omar is out until Monday'),
  ]);
}
