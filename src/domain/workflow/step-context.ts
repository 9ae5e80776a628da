// What a command on the active step works with, and the small checks every such command shares.

import type { DecisionKind, Playbook, Step } from '../playbook/schema.ts';
import type { Refusal } from './refusals.ts';
import { invalid } from './refusals.ts';
import type { ActiveState, StepRecord } from './state.ts';

export interface StepContext {
  state: ActiveState;
  playbook: Playbook;
  step: Step;
  record: StepRecord;
  /** The actor's user id and the command's time as an ISO string. */
  by: string;
  at: string;
}

export const MAX_NOTE = 2000;

/** Trims a free-text input; a refusal when it is required and blank, or too long. */
export function noteText(
  field: string,
  label: string,
  raw: string | null | undefined,
  required: boolean,
): { ok: true; text: string } | Refusal {
  const text = (raw ?? '').trim();
  if (required && text === '') return invalid(field, `Enter ${label}.`);
  if (text.length > MAX_NOTE) {
    return invalid(field, `Keep ${label} under ${MAX_NOTE} characters (it has ${text.length}).`);
  }
  return { ok: true, text };
}

export function stepNumber(playbook: Playbook, stepId: string): number {
  return playbook.steps.findIndex((step) => step.id === stepId) + 1;
}

export function stepName(playbook: Playbook, stepId: string): string {
  const step = playbook.steps.find((candidate) => candidate.id === stepId);
  return step ? `Step ${stepNumber(playbook, stepId)} (${step.title})` : `Step "${stepId}"`;
}

const NOT_OFFERED: Record<Exclude<DecisionKind, 'complete'>, (title: string) => string> = {
  reject: (title) => `"${title}" cannot be rejected.`,
  request_changes: (title) => `"${title}" cannot send the request back for changes.`,
  escalate: (title) => `"${title}" cannot be escalated.`,
  record_deviation: (title) => `Deviations cannot be recorded on "${title}".`,
};

/** The step does not declare this decision in the playbook. */
export function notOffered(ctx: StepContext, decision: Exclude<DecisionKind, 'complete'>): Refusal {
  return {
    ok: false,
    reason: 'not_offered',
    stepId: ctx.step.id,
    decision,
    message: NOT_OFFERED[decision](ctx.step.title),
  };
}
