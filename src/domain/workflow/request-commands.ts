// Commands on the request as a whole: the requester amends or withdraws it, a desk admin cancels it.

import type { Playbook } from '../playbook/schema.ts';
import type { AmendCommand, CancelCommand, WithdrawCommand } from './commands.ts';
import type { WorkflowEvent } from './events.ts';
import type { Refusal } from './refusals.ts';
import type { ChangesRequestedState, InReviewState, OpenState, StepRecord, SubmittedState } from './state.ts';
import { noteText } from './step-context.ts';
import {
  type Change,
  replaceStep,
  sentBackTo,
  stepActivated,
  toActiveStep,
  toCancelled,
  toWithdrawn,
  withTrail,
} from './transitions.ts';

export interface RequestContext {
  state: OpenState;
  playbook: Playbook;
  by: string;
  at: string;
}

type BeforeBooking = SubmittedState | InReviewState | ChangesRequestedState;

/**
 * Amending is possible while changes are requested, or at any time before booking. It resumes where the
 * playbook says (commercial changes restart the checks); it never skips a step ahead.
 */
export function amend(ctx: RequestContext, command: AmendCommand): Change | Refusal {
  const { state, playbook, by, at } = ctx;
  if (state.status === 'booked') {
    return wrongStatus(
      state,
      'The order is already booked; it can be amended only when changes are requested.',
    );
  }
  const note = noteText('note', 'the note', command.note, false);
  if (!note.ok) return note;
  const requestingStepId = state.status === 'changes_requested' ? state.changes.stepId : state.activeStepId;
  const point = command.commercialChange
    ? playbook.amendments.commercialChange
    : playbook.amendments.otherChange;
  const wanted = point.resumeAt === 'step' ? point.stepId : requestingStepId;
  const position = (stepId: string) => playbook.steps.findIndex((step) => step.id === stepId);
  const resumeAt = position(wanted) <= position(requestingStepId) ? wanted : requestingStepId;

  const trailed = withTrail(state, {
    action: 'amended',
    by,
    at,
    stepId: resumeAt,
    subjectId: null,
    detail: `${command.commercialChange ? 'Commercial change' : 'Non-commercial change'}${note.text ? `: ${note.text}` : ''}`,
  });
  const events: WorkflowEvent[] = [
    {
      type: 'amended',
      commercialChange: command.commercialChange,
      note: note.text || null,
      resumeAt,
      by,
      at,
    },
  ];
  // A non-commercial edit while the step is being worked leaves that work as it is.
  if (
    trailed.status !== 'changes_requested' &&
    resumeAt === trailed.activeStepId &&
    !command.commercialChange
  ) {
    return { ok: true, state: trailed, events };
  }
  const steps = sentBackTo(trailed.steps, resumeAt);
  events.push(stepActivated(resumeAt, steps, by, at));
  return { ok: true, state: toActiveStep(trailed, resumeAt, steps, trailed.bookedAt), events };
}

/** Until booking; afterwards the CRM order exists and a desk admin cancels instead. */
export function withdraw(ctx: RequestContext, command: WithdrawCommand): Change | Refusal {
  const { state, by, at } = ctx;
  if (!isBeforeBooking(state)) {
    return wrongStatus(
      state,
      'The order is already booked, so it can no longer be withdrawn; ask a desk admin to cancel it.',
    );
  }
  const reason = noteText('reason', 'the reason', command.reason, false);
  if (!reason.ok) return reason;
  const stepId = activeStepOf(state);
  const closure = { by, at, reason: reason.text || null, stepId };
  const steps = stopActiveStep(state.steps, stepId, 'withdrawn', by, at);
  const trailed = withTrail(state, {
    action: 'withdrawn',
    by,
    at,
    stepId,
    subjectId: null,
    detail: closure.reason,
  });
  return {
    ok: true,
    state: toWithdrawn(trailed, steps, closure),
    events: [{ type: 'withdrawn', reason: closure.reason, by, at }],
  };
}

export function cancel(ctx: RequestContext, command: CancelCommand): Change | Refusal {
  const { state, by, at } = ctx;
  const reason = noteText('reason', 'the reason for cancelling', command.reason, true);
  if (!reason.ok) return reason;
  const stepId = activeStepOf(state);
  const steps = stopActiveStep(state.steps, stepId, 'cancelled', by, at);
  const trailed = withTrail(state, {
    action: 'cancelled',
    by,
    at,
    stepId,
    subjectId: null,
    detail: reason.text,
  });
  return {
    ok: true,
    state: toCancelled(trailed, steps, { by, at, reason: reason.text, stepId }),
    events: [{ type: 'cancelled', reason: reason.text, stepId, by, at }],
  };
}

function isBeforeBooking(state: OpenState): state is BeforeBooking {
  return state.status !== 'booked' && state.bookedAt === null;
}

function activeStepOf(state: OpenState): string | null {
  return state.status === 'changes_requested' ? null : state.activeStepId;
}

function stopActiveStep(
  steps: readonly StepRecord[],
  stepId: string | null,
  kind: 'withdrawn' | 'cancelled',
  by: string,
  at: string,
): StepRecord[] {
  if (stepId === null) return [...steps];
  return replaceStep(steps, stepId, (record) => ({
    ...record,
    status: 'stopped',
    outcome: { kind, by, at },
  }));
}

function wrongStatus(state: OpenState, message: string): Refusal {
  return { ok: false, reason: 'wrong_status', status: state.status, message };
}
