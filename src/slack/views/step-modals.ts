// The modals opened from a step's buttons. Each carries its step target in private_metadata; the
// `read…` functions (step-modal-readers.ts) turn a submission's state values back into a command's input.

import type { EvidenceInput, Option } from '../../domain/playbook/evidence.ts';
import type { Step } from '../../domain/playbook/schema.ts';
import type { StepRecord } from '../../domain/workflow/state.ts';
import { CALLBACK, type StepTarget, stepTargetValue } from '../ids.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import { type Block, context, plain, section } from './elements.ts';
import { evidenceInput, selectInput, textInput } from './step-inputs.ts';
import { MIN_REASON } from './step-modal-readers.ts';
import { boundedLines, deviationLine } from './step-text.ts';

export {
  type ChangeRequestInput,
  type DeviationInput,
  type EscalationInput,
  type ModalRead,
  type RejectionInput,
  readChangeRequest,
  readDeviation,
  readEscalation,
  readEvidence,
  readRejection,
} from './step-modal-readers.ts';

/** Domain limit of every free text of a step command (MAX_NOTE in step-context.ts). */
const MAX_NOTE = 2000;
/** Block Kit's limit of blocks in a modal, less room for the context and fixed blocks. */
const MAX_EVIDENCE_INPUTS = 95;

/**
 * What a revenue operations analyst compares; used when a step allows deviations without naming its
 * fields. A step's own `record_deviation.fields` win, because the domain refuses any other field.
 */
export const COMMERCIAL_FIELDS: readonly Option[] = [
  { id: 'start_date', label: 'Start date' },
  { id: 'term_length', label: 'Term length' },
  { id: 'sku', label: 'SKU' },
  { id: 'quantity', label: 'Quantity' },
  { id: 'unit_price', label: 'Unit price' },
  { id: 'billing_frequency', label: 'Billing frequency' },
  { id: 'renewal_terms', label: 'Renewal terms' },
  { id: 'discounts', label: 'Discounts' },
  { id: 'credits', label: 'Credits' },
  { id: 'one_time_charges', label: 'One-time charges' },
  { id: 'payment_terms', label: 'Payment terms' },
  { id: 'currency', label: 'Currency' },
  { id: 'other', label: 'Other' },
];

interface ModalBase {
  target: StepTarget;
  step: Step;
  /** The request's reference (BK-…), shown at the top of the modal. */
  reference: string;
}

function modal(
  callbackId: string,
  target: StepTarget,
  title: string,
  submit: string | null,
  blocks: Block[],
) {
  return {
    type: 'modal' as const,
    callback_id: callbackId,
    private_metadata: stepTargetValue(target),
    title: plain(title, 24),
    ...(submit ? { submit: plain(submit, 24) } : {}),
    close: plain('Cancel', 24),
    blocks,
  };
}

function about({ reference, step }: ModalBase, extra = ''): Block {
  return context(`${escapeMrkdwn(reference)} · *${escapeMrkdwn(step.title)}*${extra}`);
}

export function completeStepModal(input: ModalBase & { prefill?: EvidenceInput }) {
  const { step, prefill } = input;
  const inputs = step.evidence
    .slice(0, MAX_EVIDENCE_INPUTS)
    .map((field) => evidenceInput(field, prefill?.[field.id]));
  const blocks: Block[] = [about(input)];
  if (inputs.length === 0) blocks.push(section('Confirm that every item of the checklist is done.'));
  else blocks.push(...inputs);
  return modal(CALLBACK.stepComplete, input.target, 'Complete step', 'Complete', blocks);
}

export function rejectStepModal(input: ModalBase) {
  const decision = input.step.decisions.reject;
  if (!decision)
    return unavailable(CALLBACK.stepReject, input, 'Reject step', 'This step cannot be rejected.');
  const where = {
    rejection: 'Rejecting ends the request.',
    requester: 'Rejecting sends the request back to the requester.',
    earlier_step: 'Rejecting sends the request back to an earlier step.',
  }[decision.leadsTo];
  const blocks: Block[] = [about(input, ` · ${where}`)];
  if (decision.categories.length > 0) {
    blocks.push(
      selectInput({
        id: 'category',
        label: 'Reason category',
        options: decision.categories,
        optional: !decision.categoryRequired,
      }),
    );
  }
  blocks.push(
    textInput({
      id: 'reason',
      label: 'Reason',
      multiline: true,
      minLength: MIN_REASON,
      maxLength: MAX_NOTE,
      hint: `At least ${MIN_REASON} characters: what is wrong, and what would fix it. The requester reads this.`,
    }),
  );
  return modal(CALLBACK.stepReject, input.target, 'Reject step', 'Reject', blocks);
}

/** `record` lists the deviations recorded on the step: they travel to the requester with the note. */
export function requestChangesModal(input: ModalBase & { record?: StepRecord }) {
  const blocks: Block[] = [about(input, ' · The request waits on the requester until they amend it.')];
  const deviations = input.record?.deviations ?? [];
  if (deviations.length > 0) {
    const lines = deviations.map((deviation) => deviationLine(input.step, deviation, false));
    blocks.push(section(`*Deviations sent with your note*\n${boundedLines(lines, 2700)}`));
  }
  blocks.push(
    textInput({
      id: 'note',
      label: 'Note to the requester',
      multiline: true,
      maxLength: MAX_NOTE,
      hint: 'Say what to change; the requester gets it in a direct message with an Amend button.',
    }),
  );
  return modal(CALLBACK.stepRequestChanges, input.target, 'Request changes', 'Send to requester', blocks);
}

export function deviationFieldOptions(step: Step): readonly Option[] {
  return step.decisions.record_deviation?.fields ?? COMMERCIAL_FIELDS;
}

export function deviationModal(input: ModalBase) {
  const blocks: Block[] = [
    about(input, ' · Record each field that differs, then request changes.'),
    selectInput({ id: 'field', label: 'Field', options: deviationFieldOptions(input.step) }),
    textInput({ id: 'expected', label: 'Expected (quote / contract)', maxLength: MAX_NOTE }),
    textInput({ id: 'actual', label: 'Actual (in the request)', maxLength: MAX_NOTE }),
    textInput({ id: 'note', label: 'Note', optional: true, multiline: true, maxLength: MAX_NOTE }),
  ];
  return modal(CALLBACK.stepDeviation, input.target, 'Record a deviation', 'Record', blocks);
}

export function escalateModal(input: ModalBase) {
  const decision = input.step.decisions.escalate;
  if (!decision || decision.categories.length === 0) {
    return unavailable(CALLBACK.stepEscalate, input, 'Escalate step', 'This step cannot be escalated.');
  }
  const blocks: Block[] = [
    about(input, ` · Goes to ${escapeMrkdwn(decision.escalateTo)}; the step stays active.`),
    selectInput({ id: 'category', label: 'Why', options: decision.categories }),
    textInput({
      id: 'note',
      label: 'Note',
      multiline: true,
      maxLength: MAX_NOTE,
      hint: 'What you found and what you need from them.',
    }),
  ];
  return modal(CALLBACK.stepEscalate, input.target, 'Escalate step', 'Escalate', blocks);
}

/** A step that does not offer the decision: say so, with nothing to submit. */
function unavailable(callbackId: string, input: ModalBase, title: string, message: string) {
  return modal(callbackId, input.target, title, null, [about(input), section(message)]);
}
