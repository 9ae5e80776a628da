// A request starts its walk at the first step of the playbook version it was submitted under.

import type { Playbook } from '../playbook/schema.ts';
import type { WorkflowEvent } from './events.ts';
import type { StepRecord, SubmittedState } from './state.ts';

export interface WorkflowStart {
  state: SubmittedState;
  events: WorkflowEvent[];
}

export function startWorkflow(playbook: Playbook, start: { requesterId: string; at: Date }): WorkflowStart {
  const at = start.at.toISOString();
  const by = start.requesterId;
  const steps = playbook.steps.map(
    (step, index): StepRecord => ({
      id: step.id,
      status: index === 0 ? 'active' : 'pending',
      assignee: null,
      checks: {},
      deviations: [],
      escalations: [],
      evidence: null,
      outcome: null,
    }),
  );
  const first = playbook.steps[0]!.id;
  return {
    state: {
      playbook: { id: playbook.id, version: playbook.version },
      requesterId: start.requesterId,
      version: 1,
      startedAt: at,
      steps,
      trail: [{ action: 'started', by, at, stepId: first, subjectId: null, detail: null }],
      status: 'submitted',
      activeStepId: first,
      bookedAt: null,
    },
    events: [{ type: 'step_activated', stepId: first, assigneeId: null, by, at }],
  };
}
