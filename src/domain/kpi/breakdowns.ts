// Counts by reason: rejections by step and category, deviations by field, escalations by category
// (the requester's cases, and step escalations with their playbook categories). Labels come from the
// request's playbook; most frequent first.

import type { Playbook, Step } from '../playbook/schema.ts';
import type { Role } from '../roles.ts';
import { escalationCategoryLabel } from '../sla/escalation-case.ts';
import type { KpiRequest } from './records.ts';

export interface StepReasonCount {
  stepId: string;
  stepTitle: string;
  role: Role | null;
  /** Null: rejected without a category. */
  category: string | null;
  label: string;
  count: number;
}

export interface ReasonCount {
  id: string;
  label: string;
  count: number;
}

export const NO_CATEGORY_LABEL = 'No category';

function stepOf(playbook: Playbook, stepId: string): Step | undefined {
  return playbook.steps.find((step) => step.id === stepId);
}

class Tally<T extends { count: number }> {
  private readonly entries = new Map<string, T>();

  add(key: string, create: () => Omit<T, 'count'>): void {
    const known = this.entries.get(key);
    if (known) known.count++;
    else this.entries.set(key, { ...create(), count: 1 } as T);
  }

  /** Most frequent first; ties in the order first seen. */
  sorted(): T[] {
    return [...this.entries.values()].sort((a, b) => b.count - a.count);
  }
}

/** Whether a step of the request's playbook passes the role filter. */
export function stepMatches(playbook: Playbook, stepId: string, role: Role | null): boolean {
  return role === null || stepOf(playbook, stepId)?.role === role;
}

export function rejectionReasons(requests: readonly KpiRequest[], role: Role | null): StepReasonCount[] {
  const tally = new Tally<StepReasonCount>();
  for (const request of requests) {
    for (const event of request.events) {
      if (event.type !== 'step_rejected' || !stepMatches(request.playbook, event.stepId, role)) continue;
      const step = stepOf(request.playbook, event.stepId);
      const label =
        event.category === null
          ? NO_CATEGORY_LABEL
          : (step?.decisions.reject?.categories.find((c) => c.id === event.category)?.label ??
            event.category);
      tally.add(`${event.stepId}\u0000${event.category ?? ''}`, () => ({
        stepId: event.stepId,
        stepTitle: step?.title ?? event.stepId,
        role: step?.role ?? null,
        category: event.category,
        label,
      }));
    }
  }
  return tally.sorted();
}

export function deviationsByField(requests: readonly KpiRequest[], role: Role | null): ReasonCount[] {
  const tally = new Tally<ReasonCount>();
  for (const request of requests) {
    for (const event of request.events) {
      if (event.type !== 'deviation_recorded' || !stepMatches(request.playbook, event.stepId, role)) continue;
      const fields = stepOf(request.playbook, event.stepId)?.decisions.record_deviation?.fields ?? [];
      tally.add(event.field, () => ({
        id: event.field,
        label: fields.find((field) => field.id === event.field)?.label ?? event.field,
      }));
    }
  }
  return tally.sorted();
}

export function stepEscalations(requests: readonly KpiRequest[], role: Role | null): StepReasonCount[] {
  const tally = new Tally<StepReasonCount>();
  for (const request of requests) {
    for (const event of request.events) {
      if (event.type !== 'escalated' || !stepMatches(request.playbook, event.stepId, role)) continue;
      const step = stepOf(request.playbook, event.stepId);
      tally.add(`${event.stepId}\u0000${event.category}`, () => ({
        stepId: event.stepId,
        stepTitle: step?.title ?? event.stepId,
        role: step?.role ?? null,
        category: event.category,
        label:
          step?.decisions.escalate?.categories.find((c) => c.id === event.category)?.label ?? event.category,
      }));
    }
  }
  return tally.sorted();
}

export function requesterEscalations(requests: readonly KpiRequest[]): ReasonCount[] {
  const tally = new Tally<ReasonCount>();
  for (const request of requests) {
    for (const escalation of request.escalationCases) {
      tally.add(escalation.category, () => ({
        id: escalation.category,
        label: escalationCategoryLabel(escalation.category),
      }));
    }
  }
  return tally.sorted();
}
