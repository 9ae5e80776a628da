// What an SLA clock is about, for its pings: the step whose role must act (the clock's own step, or
// the request's active step for the approval and response clocks), who holds it, and its name.

import type { Playbook } from '../domain/playbook/schema.ts';
import type { Role } from '../domain/roles.ts';
import type { SlaClock } from '../domain/sla/clock.ts';
import { isActive, type WorkflowState } from '../domain/workflow/state.ts';

export interface ClockScopeOfStep {
  role: Role | null;
  ownerId: string | null;
  /** "approval SLA", "response SLA", "SLA of step 7 · …" */
  clockName: string;
}

export function roleOfClock(
  clock: SlaClock,
  state: WorkflowState,
  playbook: Playbook | null,
): ClockScopeOfStep {
  const stepId = clock.stepId ?? (isActive(state) ? state.activeStepId : null);
  const index = playbook?.steps.findIndex((step) => step.id === stepId) ?? -1;
  const step = index >= 0 ? playbook?.steps[index] : undefined;
  const record = state.steps.find((candidate) => candidate.id === stepId);
  const clockName =
    clock.kind === 'approval'
      ? 'approval SLA'
      : clock.kind === 'response'
        ? 'escalation response SLA'
        : `SLA of step ${index + 1} · ${step?.title ?? stepId ?? 'step'}`;
  return { role: step?.role ?? null, ownerId: record?.assignee?.userId ?? null, clockName };
}
