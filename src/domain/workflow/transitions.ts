// The status moves of a request, each typed from the statuses it may leave to the one it enters, so
// "withdraw a booked request" or "complete a request waiting on its requester" does not compile.
// Step records are updated by the caller; these functions only move the request.

import type { WorkflowEvent } from './events.ts';
import type {
  ActiveState,
  BookedState,
  CancelledState,
  ChangesRequest,
  ChangesRequestedState,
  Closure,
  CompletedState,
  InReviewState,
  OpenState,
  RejectedState,
  StepRecord,
  SubmittedState,
  TrailEntry,
  WithdrawnState,
  WorkflowState,
} from './state.ts';

/** A state change before its version is bumped (decide bumps it once per accepted command). */
export interface Change {
  ok: true;
  state: WorkflowState;
  events: WorkflowEvent[];
}

type Base = Pick<WorkflowState, 'playbook' | 'requesterId' | 'version' | 'startedAt' | 'steps' | 'trail'>;

function baseOf(state: WorkflowState, steps: StepRecord[]): Base {
  const { playbook, requesterId, version, startedAt, trail } = state;
  return { playbook, requesterId, version, startedAt, steps, trail };
}

/** The first action by a step-role holder: the request is now being reviewed. */
export function toInReview(state: SubmittedState): InReviewState {
  return {
    ...baseOf(state, state.steps),
    status: 'in_review',
    activeStepId: state.activeStepId,
    bookedAt: null,
  };
}

/**
 * A step becomes active. The status follows from where the request stands: booked once the booking step
 * is done, submitted while nobody has reviewed it yet, in review otherwise.
 */
export function toActiveStep(
  state: ActiveState | ChangesRequestedState,
  activeStepId: string,
  steps: StepRecord[],
  bookedAt: string | null,
): ActiveState {
  const base = baseOf(state, steps);
  if (bookedAt !== null) return { ...base, status: 'booked', activeStepId, bookedAt } satisfies BookedState;
  if (state.status === 'submitted') return { ...base, status: 'submitted', activeStepId, bookedAt: null };
  return { ...base, status: 'in_review', activeStepId, bookedAt: null };
}

export function toChangesRequested(
  state: ActiveState,
  steps: StepRecord[],
  changes: ChangesRequest,
): ChangesRequestedState {
  return { ...baseOf(state, steps), status: 'changes_requested', changes, bookedAt: state.bookedAt };
}

export function toCompleted(
  state: ActiveState,
  steps: StepRecord[],
  closure: Closure,
  bookedAt: string | null,
): CompletedState {
  return { ...baseOf(state, steps), status: 'completed', closure, bookedAt };
}

export function toRejected(state: ActiveState, steps: StepRecord[], closure: Closure): RejectedState {
  return { ...baseOf(state, steps), status: 'rejected', closure, bookedAt: state.bookedAt };
}

/** Only before booking: afterwards the CRM order exists and only a desk admin may cancel. */
export function toWithdrawn(
  state: SubmittedState | InReviewState | ChangesRequestedState,
  steps: StepRecord[],
  closure: Closure,
): WithdrawnState {
  return { ...baseOf(state, steps), status: 'withdrawn', closure, bookedAt: state.bookedAt };
}

export function toCancelled(state: OpenState, steps: StepRecord[], closure: Closure): CancelledState {
  return { ...baseOf(state, steps), status: 'cancelled', closure, bookedAt: state.bookedAt };
}

export function withTrail<S extends WorkflowState>(state: S, entry: TrailEntry): S {
  return { ...state, trail: [...state.trail, entry] };
}

export function replaceStep(
  steps: readonly StepRecord[],
  stepId: string,
  update: (record: StepRecord) => StepRecord,
): StepRecord[] {
  return steps.map((record) => (record.id === stepId ? update(record) : record));
}

/** A new run of a step: nothing ticked, nothing recorded; the assignee stays (they own it still). */
export function activated(record: StepRecord): StepRecord {
  return {
    ...record,
    status: 'active',
    checks: {},
    deviations: [],
    escalations: [],
    evidence: null,
    outcome: null,
  };
}

/**
 * Sends the request back to `targetId`: that step and every later one are pending again (their last
 * outcome is kept so stale buttons can still be answered), then the target is activated.
 */
export function sentBackTo(steps: readonly StepRecord[], targetId: string): StepRecord[] {
  const from = steps.findIndex((record) => record.id === targetId);
  return steps.map((record, index) => {
    if (index < from) return record;
    if (index === from) return activated(record);
    return { ...record, status: 'pending', checks: {}, deviations: [], escalations: [], evidence: null };
  });
}

export function stepActivated(
  stepId: string,
  steps: readonly StepRecord[],
  by: string,
  at: string,
): WorkflowEvent {
  const assigneeId = steps.find((record) => record.id === stepId)?.assignee?.userId ?? null;
  return { type: 'step_activated', stepId, assigneeId, by, at };
}
