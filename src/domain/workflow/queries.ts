// Small read-only views of a request's walk for the status card, the Home tab and modals.

import type { EvidenceInput } from '../playbook/evidence.ts';
import type { Playbook, Step } from '../playbook/schema.ts';
import type { RequestStatus } from '../status.ts';
import { completionGaps, describeGaps } from './completion.ts';
import { isActive, type StepRecord, type TrailEntry, type WorkflowState } from './state.ts';

export interface Progress {
  completed: number;
  total: number;
  /** 1-based number of the step being worked (or the one that asked for changes); null when closed. */
  current: number | null;
}

/** "3/7": steps completed out of all steps. */
export function progress(state: WorkflowState): Progress {
  const completed = state.steps.filter((record) => record.status === 'completed').length;
  const currentId = currentStepId(state);
  const index = currentId === null ? -1 : state.steps.findIndex((record) => record.id === currentId);
  return { completed, total: state.steps.length, current: index < 0 ? null : index + 1 };
}

export interface CurrentStep {
  step: Step;
  record: StepRecord;
  number: number;
  /** Who the request waits on: the step's role holders, or the requester (changes requested). */
  waitingOn: 'step_role' | 'requester';
}

/** The step being worked, or the step that asked for changes; null once the request is closed. */
export function currentStep(state: WorkflowState, playbook: Playbook): CurrentStep | null {
  const id = currentStepId(state);
  const index = playbook.steps.findIndex((step) => step.id === id);
  const record = state.steps.find((candidate) => candidate.id === id);
  if (index < 0 || !record) return null;
  return {
    step: playbook.steps[index]!,
    record,
    number: index + 1,
    waitingOn: state.status === 'changes_requested' ? 'requester' : 'step_role',
  };
}

/**
 * What still blocks completing the active step, one readable line each (empty when nothing does).
 * Without `evidence`, every required evidence field is listed as missing.
 */
export function missingForCompletion(
  state: WorkflowState,
  playbook: Playbook,
  evidence?: EvidenceInput,
): string[] {
  if (!isActive(state)) return ['No step is waiting to be completed.'];
  const current = currentStep(state, playbook);
  if (!current) return ['No step is waiting to be completed.'];
  return describeGaps(current.step, completionGaps(current.step, current.record, evidence));
}

/**
 * Who did what when, oldest first. The full record is the audit log built from events; this compact
 * trail lives in the state so the status card can show it without reading the log. Ticks are not
 * listed here: each checklist item carries its own who and when.
 */
export function history(state: WorkflowState): readonly TrailEntry[] {
  return state.trail;
}

/** The workflow's statuses are the request statuses (this compiles only while that stays true). */
export function requestStatusOf(state: WorkflowState): RequestStatus {
  return state.status;
}

function currentStepId(state: WorkflowState): string | null {
  if (isActive(state)) return state.activeStepId;
  if (state.status === 'changes_requested') return state.changes.stepId;
  return null;
}
