// The requester's escalation: the form (reason category and written reason), reading it back, and
// the explanation when an escalation is refused.

import {
  ESCALATION_CATEGORIES,
  type EscalationRefusal,
  escalationInputProblems,
  MAX_ESCALATION_REASON_LENGTH,
  MIN_ESCALATION_REASON_LENGTH,
} from '../../domain/sla/escalation-case.ts';
import { STATUS_LABELS } from '../../domain/status.ts';
import { isActive, type WorkflowState } from '../../domain/workflow/state.ts';
import { ACTION, CALLBACK } from '../ids.ts';
import { escapeMrkdwn, mentionUser } from '../mrkdwn.ts';
import { type Block, context, plain } from './elements.ts';
import { zonedTime } from './sla-format.ts';
import { button } from './step-buttons.ts';
import { selectInput, textInput } from './step-inputs.ts';
import { type ModalRead, readInputs } from './step-modal-readers.ts';

export function escalationModal(input: { requestId: string; reference: string; responseHours: number }) {
  const blocks: Block[] = [
    context(
      `${escapeMrkdwn(input.reference)} · Sales Support is pinged in the request's thread and the desk ` +
        `answers within ${input.responseHours} business hours.`,
    ),
    selectInput({ id: 'category', label: 'Why does it need escalating?', options: ESCALATION_CATEGORIES }),
    textInput({
      id: 'reason',
      label: 'What is at stake',
      multiline: true,
      minLength: MIN_ESCALATION_REASON_LENGTH,
      maxLength: MAX_ESCALATION_REASON_LENGTH,
      hint: `At least ${MIN_ESCALATION_REASON_LENGTH} characters: the deadline, the deal, who is asking.`,
    }),
  ];
  return {
    type: 'modal' as const,
    callback_id: CALLBACK.requestEscalate,
    private_metadata: input.requestId,
    title: plain('Escalate request', 24),
    submit: plain('Escalate', 24),
    close: plain('Cancel', 24),
    blocks,
  };
}

/** The card's Escalate button, for the requester while the desk works the request. */
export function requesterCardActions(booking: { id: string; workflow: WorkflowState }): Block[] {
  if (!isActive(booking.workflow)) return [];
  return [{ type: 'actions', block_id: 'card_actions', elements: [escalateButton(booking.id)] }];
}

export function escalateButton(requestId: string): Block {
  return button({ actionId: ACTION.requestEscalate, text: 'Escalate', value: requestId });
}

export function readEscalationRequest(stateValues: unknown): ModalRead<{ category: string; reason: string }> {
  const read = readInputs(stateValues, {
    category: { required: true, label: 'A reason category' },
    reason: { required: true, label: 'A written reason' },
  });
  if (!read.ok) return read;
  const category = read.value.category ?? null;
  const reason = read.value.reason ?? null;
  const problems = escalationInputProblems(category, reason);
  if (problems.length > 0) {
    return {
      ok: false,
      errors: Object.fromEntries(problems.map((problem) => [problem.field, problem.message])),
    };
  }
  return { ok: true, value: { category: category ?? '', reason: (reason ?? '').trim() } };
}

const PERIOD_NAMES: Record<string, string> = { month: 'month-end', quarter: 'quarter-end', year: 'year-end' };

export function escalationRefusalText(
  refusal: EscalationRefusal,
  request: { reference: string; requesterId: string; timeZone: string },
): string {
  const ref = request.reference;
  switch (refusal.code) {
    case 'not_requester':
      return `Only the requester, ${mentionUser(request.requesterId)}, can escalate ${ref}. To raise something about it, reply in its thread.`;
    case 'not_in_approval':
      return refusal.status === 'changes_requested'
        ? `${ref} is waiting on you: amend it (the *Amend* button in your DM) and it goes straight back to the desk. There is nothing to escalate while it is with you.`
        : `${ref} is ${STATUS_LABELS[refusal.status].toLowerCase()}: there is nothing left to escalate.`;
    case 'already_open':
      return `${ref} already has an open escalation, raised by ${mentionUser(refusal.openedBy)} ${zonedTime(refusal.openedAt, request.timeZone)}. Sales Support is on it; it closes when the desk answers in the thread.`;
    case 'period_end': {
      const windows = refusal.periods.map((period) => PERIOD_NAMES[period] ?? period).join(' and ');
      return `It is the ${windows} window: all requests submitted now are being worked, so escalations are paused until ${zonedTime(refusal.until, request.timeZone)}.`;
    }
  }
}
