// Which SLA clocks a workflow change starts, pauses, resumes and stops. Pure: the application applies
// the plan to the stored clocks in the same transaction as the change itself.

import type { Playbook } from '../playbook/schema.ts';
import type { WorkflowEvent, WorkflowEventType } from '../workflow/events.ts';
import { isClosed, type WorkflowState } from '../workflow/state.ts';
import type { SlaKind } from './clock.ts';

export type ClockTarget = { key: string } | { kind: SlaKind };

export type ClockChange =
  | {
      type: 'start';
      key: string;
      kind: SlaKind;
      stepId: string | null;
      targetMinutes: number;
      applyCutoff: boolean;
      at: Date;
    }
  | { type: 'pause' | 'resume' | 'stop'; target: ClockTarget; at: Date }
  /** The request closed: every clock stops. */
  | { type: 'stop_all'; at: Date };

export const APPROVAL_KEY = 'approval';
export const stepClockKey = (stepId: string): string => `step:${stepId}`;
export const responseClockKey = (caseId: string): string => `response:${caseId}`;

/** What a step-role holder does on a step: the "first action" that may stop a clock. */
const FIRST_ACTION_EVENTS = new Set<WorkflowEventType>([
  'review_started',
  'item_ticked',
  'item_unticked',
  'step_taken',
  'step_completed',
  'step_rejected',
  'changes_requested',
  'deviation_recorded',
  'escalated',
]);

/** The desk answering in the thread through the workflow: this stops an open escalation's clock. */
const DESK_RESPONSE_EVENTS = new Set<WorkflowEventType>([
  'step_taken',
  'step_completed',
  'step_rejected',
  'changes_requested',
]);

/** Step runs end on these (the step clock of that activation stops). */
const STEP_RUN_ENDS = new Set<WorkflowEventType>(['step_completed', 'step_rejected', 'changes_requested']);

export interface PlanInput {
  /** Null for a new submission. */
  before: WorkflowState | null;
  after: WorkflowState;
  events: readonly WorkflowEvent[];
  playbook: Playbook;
}

export function planClockChanges({ before, after, events, playbook }: PlanInput): ClockChange[] {
  const changes: ClockChange[] = [];
  const approval = playbook.slas.approval;
  if (before === null) {
    changes.push({
      type: 'start',
      key: APPROVAL_KEY,
      kind: 'approval',
      stepId: null,
      targetMinutes: Math.round(approval.businessHours * 60),
      applyCutoff: true,
      at: new Date(after.startedAt),
    });
  }
  let deskResponded = false;
  for (const event of events) {
    const at = new Date(event.at);
    const stepId = 'stepId' in event ? event.stepId : null;
    if (stepId === null) continue;
    if (event.type === 'step_activated') {
      const hours = playbook.steps.find((step) => step.id === stepId)?.slaBusinessHours;
      if (hours !== undefined) {
        changes.push({
          type: 'start',
          key: stepClockKey(stepId),
          kind: 'step',
          stepId,
          targetMinutes: Math.round(hours * 60),
          applyCutoff: false,
          at,
        });
      }
    }
    if (STEP_RUN_ENDS.has(event.type))
      changes.push({ type: 'stop', target: { key: stepClockKey(stepId) }, at });
    const stopsApproval =
      approval.stoppedBy.stepId === stepId &&
      (approval.stoppedBy.on === 'completed'
        ? event.type === 'step_completed'
        : FIRST_ACTION_EVENTS.has(event.type));
    if (stopsApproval) changes.push({ type: 'stop', target: { key: APPROVAL_KEY }, at });
    if (!deskResponded && DESK_RESPONSE_EVENTS.has(event.type)) {
      deskResponded = true;
      changes.push({ type: 'stop', target: { kind: 'response' }, at });
    }
  }
  const at = new Date(lastEventAt(events) ?? after.startedAt);
  if (isClosed(after)) return [...changes, { type: 'stop_all', at }];
  const waitingBefore = before?.status === 'changes_requested';
  const waitingAfter = after.status === 'changes_requested';
  // The requester holds the request: the approval clock waits with it (and resumes on amendment).
  if (!waitingBefore && waitingAfter) changes.push({ type: 'pause', target: { key: APPROVAL_KEY }, at });
  if (waitingBefore && !waitingAfter) {
    // Resume before the activation's own changes so the clock counts from the amendment.
    changes.unshift({
      type: 'resume',
      target: { key: APPROVAL_KEY },
      at: new Date(firstEventAt(events) ?? at),
    });
  }
  return changes;
}

function lastEventAt(events: readonly WorkflowEvent[]): string | undefined {
  return events[events.length - 1]?.at;
}

function firstEventAt(events: readonly WorkflowEvent[]): string | undefined {
  return events[0]?.at;
}
