// One request's walk through its playbook, as stored in a Json column: plain data, times as ISO strings.
// Each request status has its own type, so a transition that makes no sense does not compile.

import { z } from 'zod';
import { PlaybookRefSchema } from '../playbook/schema.ts';

const Iso = z.iso.datetime();
const UserId = z.string().min(1);
const Text = z.string().max(2000);

/** Who did something and when: the answer to "already done by @x at 10:42". */
export const StampSchema = z.object({ by: UserId, at: Iso });
export type Stamp = z.infer<typeof StampSchema>;

export const CheckSchema = z.object({ ticked: z.boolean(), by: UserId, at: Iso });
export type Check = z.infer<typeof CheckSchema>;

export const DeviationSchema = z.object({
  field: z.string(),
  expected: Text,
  actual: Text,
  note: Text,
  by: UserId,
  at: Iso,
});
export type Deviation = z.infer<typeof DeviationSchema>;

export const EscalationSchema = z.object({ category: z.string(), note: Text, by: UserId, at: Iso });
export type Escalation = z.infer<typeof EscalationSchema>;

export const STEP_OUTCOMES = [
  'completed',
  'rejected',
  'changes_requested',
  'withdrawn',
  'cancelled',
] as const;
export type StepOutcome = (typeof STEP_OUTCOMES)[number];

/**
 * One step of the playbook for this request. `pending` steps have not been reached (or were sent back
 * to); `stopped` means the step's run ended without completion (rejected, changes requested, closed).
 * `outcome` is the last thing that ended a run of the step; it survives a send-back so a stale button
 * can still say what happened to it.
 */
export const StepRecordSchema = z.object({
  id: z.string(),
  status: z.enum(['pending', 'active', 'completed', 'stopped']),
  assignee: z.object({ userId: UserId, by: UserId, at: Iso }).nullable(),
  checks: z.record(z.string(), CheckSchema),
  deviations: z.array(DeviationSchema),
  escalations: z.array(EscalationSchema),
  evidence: z.record(z.string(), z.string()).nullable(),
  outcome: z.object({ kind: z.enum(STEP_OUTCOMES), by: UserId, at: Iso }).nullable(),
  /**
   * Per checklist item, Slack's `action_ts` of the newest checkbox selection applied to it: clicks
   * handled out of order (two instances, a slow request) never let an older selection win.
   */
  selections: z.record(z.string(), z.string()).optional(),
});
export type StepRecord = z.infer<typeof StepRecordSchema>;

export const TRAIL_ACTIONS = [
  'started',
  'taken',
  'completed',
  'rejected',
  'changes_requested',
  'deviation_recorded',
  'escalated',
  'amended',
  'withdrawn',
  'reassigned',
  'cancelled',
] as const;
export type TrailAction = (typeof TRAIL_ACTIONS)[number];

/** A compact who-did-what-when line; ticks are not listed (each check records its own who and when). */
export const TrailEntrySchema = z.object({
  action: z.enum(TRAIL_ACTIONS),
  by: UserId,
  at: Iso,
  stepId: z.string().nullable(),
  /** The other person involved, if any (whom a step was reassigned to). */
  subjectId: z.string().nullable(),
  detail: z.string().nullable(),
});
export type TrailEntry = z.infer<typeof TrailEntrySchema>;

export const ChangesRequestSchema = z.object({
  /** The step that asked; a non-commercial amendment resumes there by default. */
  stepId: z.string(),
  note: Text,
  category: z.string().nullable(),
  deviations: z.array(DeviationSchema),
  by: UserId,
  at: Iso,
});
export type ChangesRequest = z.infer<typeof ChangesRequestSchema>;

export const ClosureSchema = z.object({
  by: UserId,
  at: Iso,
  reason: Text.nullable(),
  stepId: z.string().nullable(),
});
export type Closure = z.infer<typeof ClosureSchema>;

const base = {
  playbook: PlaybookRefSchema,
  requesterId: UserId,
  /** Bumped by every accepted command; the caller stores with compare-and-set on (id, version). */
  version: z.number().int().positive(),
  startedAt: Iso,
  steps: z.array(StepRecordSchema).min(1),
  trail: z.array(TrailEntrySchema),
};

/** Step 1 is waiting and nobody holding its role has touched it yet (the response SLA runs). */
export const SubmittedStateSchema = z.object({
  ...base,
  status: z.literal('submitted'),
  activeStepId: z.string(),
  bookedAt: z.null(),
});
/** A step-role holder has acted; not booked yet. */
export const InReviewStateSchema = z.object({
  ...base,
  status: z.literal('in_review'),
  activeStepId: z.string(),
  bookedAt: z.null(),
});
/** The booking step is done; the remaining steps run. Once booked, always booked (the CRM order exists). */
export const BookedStateSchema = z.object({
  ...base,
  status: z.literal('booked'),
  activeStepId: z.string(),
  bookedAt: Iso,
});
/** Waiting on the requester: no step is active. May happen after booking (billing rejects). */
export const ChangesRequestedStateSchema = z.object({
  ...base,
  status: z.literal('changes_requested'),
  changes: ChangesRequestSchema,
  bookedAt: Iso.nullable(),
});
const closed = <S extends 'completed' | 'rejected' | 'withdrawn' | 'cancelled'>(status: S) =>
  z.object({ ...base, status: z.literal(status), closure: ClosureSchema, bookedAt: Iso.nullable() });
export const CompletedStateSchema = closed('completed');
export const RejectedStateSchema = closed('rejected');
export const WithdrawnStateSchema = closed('withdrawn');
export const CancelledStateSchema = closed('cancelled');

export const WorkflowStateSchema = z.discriminatedUnion('status', [
  SubmittedStateSchema,
  InReviewStateSchema,
  BookedStateSchema,
  ChangesRequestedStateSchema,
  CompletedStateSchema,
  RejectedStateSchema,
  WithdrawnStateSchema,
  CancelledStateSchema,
]);

export type SubmittedState = z.infer<typeof SubmittedStateSchema>;
export type InReviewState = z.infer<typeof InReviewStateSchema>;
export type BookedState = z.infer<typeof BookedStateSchema>;
export type ChangesRequestedState = z.infer<typeof ChangesRequestedStateSchema>;
export type CompletedState = z.infer<typeof CompletedStateSchema>;
export type RejectedState = z.infer<typeof RejectedStateSchema>;
export type WithdrawnState = z.infer<typeof WithdrawnStateSchema>;
export type CancelledState = z.infer<typeof CancelledStateSchema>;
export type WorkflowState = z.infer<typeof WorkflowStateSchema>;

/** A step is active: someone holding its role can work on it. */
export type ActiveState = SubmittedState | InReviewState | BookedState;
/** Not closed: commands still apply. */
export type OpenState = ActiveState | ChangesRequestedState;
export type ClosedState = CompletedState | RejectedState | WithdrawnState | CancelledState;
export type WorkflowStatus = WorkflowState['status'];

export function isActive(state: WorkflowState): state is ActiveState {
  return state.status === 'submitted' || state.status === 'in_review' || state.status === 'booked';
}

export function isClosed(state: WorkflowState): state is ClosedState {
  return (
    state.status === 'completed' ||
    state.status === 'rejected' ||
    state.status === 'withdrawn' ||
    state.status === 'cancelled'
  );
}
