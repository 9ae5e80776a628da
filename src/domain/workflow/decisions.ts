// The decisions that move a request on from its active step: complete it, reject it, or send it back
// to the requester for changes. Where each leads is the playbook's to say.

import type { Playbook, Step } from '../playbook/schema.ts';
import type { CompleteCommand, RejectCommand, RequestChangesCommand } from './commands.ts';
import { completionGaps, describeGaps, hasGaps } from './completion.ts';
import type { WorkflowEvent } from './events.ts';
import { invalid, type Refusal } from './refusals.ts';
import type { StepOutcome, StepRecord } from './state.ts';
import { noteText, notOffered, type StepContext } from './step-context.ts';
import {
  activated,
  type Change,
  replaceStep,
  sentBackTo,
  stepActivated,
  toActiveStep,
  toChangesRequested,
  toCompleted,
  toRejected,
  withTrail,
} from './transitions.ts';

const MILESTONE_EVENTS = {
  booked: 'request_booked',
  billing_triggered: 'billing_triggered',
  provisioning_handed_off: 'provisioning_handed_off',
} as const;

export function complete(ctx: StepContext, command: CompleteCommand): Change | Refusal {
  const { step, by, at } = ctx;
  const gaps = completionGaps(step, ctx.record, command.evidence);
  if (hasGaps(gaps) || !gaps.evidence) {
    const missing = describeGaps(step, gaps);
    return {
      ok: false,
      reason: 'incomplete',
      missing,
      uncheckedItems: gaps.uncheckedItems,
      evidenceErrors: gaps.evidenceErrors,
      openDeviations: gaps.openDeviations,
      message: `"${step.title}" cannot be completed yet. ${missing.join(' ')}`,
    };
  }
  const evidence = gaps.evidence;
  let steps = replaceStep(ctx.state.steps, step.id, (record) => ({
    ...ended(record, 'completed', by, at),
    status: 'completed',
    evidence,
    assignee: record.assignee ?? { userId: by, by, at },
  }));
  const events: WorkflowEvent[] = [{ type: 'step_completed', stepId: step.id, evidence, by, at }];
  if (step.milestone)
    events.push({ type: MILESTONE_EVENTS[step.milestone], stepId: step.id, evidence, by, at });
  const bookedAt = ctx.state.bookedAt ?? (step.milestone === 'booked' ? at : null);
  const state = withTrail(ctx.state, {
    action: 'completed',
    by,
    at,
    stepId: step.id,
    subjectId: null,
    detail: null,
  });

  const nextId = nextStepId(ctx.playbook, step);
  if (nextId === null) {
    events.push({ type: 'request_completed', by, at });
    const closure = { by, at, reason: null, stepId: step.id };
    return { ok: true, state: toCompleted(state, steps, closure, bookedAt), events };
  }
  steps = replaceStep(steps, nextId, activated);
  events.push(stepActivated(nextId, steps, by, at));
  return { ok: true, state: toActiveStep(state, nextId, steps, bookedAt), events };
}

export function reject(ctx: StepContext, command: RejectCommand): Change | Refusal {
  const { step, by, at } = ctx;
  const decision = step.decisions.reject;
  if (!decision) return notOffered(ctx, 'reject');
  const reason = noteText('reason', 'the reason for the rejection', command.reason, true);
  if (!reason.ok) return reason;
  const categoryId = (command.category ?? '').trim();
  const category = decision.categories.find((candidate) => candidate.id === categoryId);
  const choices = decision.categories.map((candidate) => candidate.label).join(', ');
  if (categoryId !== '' && !category) {
    return invalid(
      'category',
      choices ? `Choose a reason category: ${choices}.` : `"${step.title}" has no rejection categories.`,
    );
  }
  if (!category && decision.categoryRequired)
    return invalid('category', `Choose a reason category: ${choices}.`);

  let steps = replaceStep(ctx.state.steps, step.id, (record) => ended(record, 'rejected', by, at));
  const goTo = decision.leadsTo === 'earlier_step' ? (decision.goTo ?? null) : null;
  const events: WorkflowEvent[] = [
    {
      type: 'step_rejected',
      stepId: step.id,
      reason: reason.text,
      category: category?.id ?? null,
      leadsTo: decision.leadsTo,
      goTo,
      by,
      at,
    },
  ];
  const state = withTrail(ctx.state, {
    action: 'rejected',
    by,
    at,
    stepId: step.id,
    subjectId: null,
    detail: category ? `${category.label}: ${reason.text}` : reason.text,
  });
  if (decision.leadsTo === 'rejection') {
    const closure = { by, at, reason: reason.text, stepId: step.id };
    return { ok: true, state: toRejected(state, steps, closure), events };
  }
  if (decision.leadsTo === 'requester') {
    const changes = {
      stepId: step.id,
      note: reason.text,
      category: category?.id ?? null,
      deviations: [],
      by,
      at,
    };
    events.push({ type: 'changes_requested', stepId: step.id, note: reason.text, deviations: [], by, at });
    return { ok: true, state: toChangesRequested(state, steps, changes), events };
  }
  const target = goTo ?? step.id;
  steps = sentBackTo(steps, target);
  events.push(stepActivated(target, steps, by, at));
  return { ok: true, state: toActiveStep(state, target, steps, state.bookedAt), events };
}

/** Recorded deviations travel with the request for changes, so the requester sees what to correct. */
export function requestChanges(ctx: StepContext, command: RequestChangesCommand): Change | Refusal {
  const { step, by, at } = ctx;
  if (!step.decisions.request_changes) return notOffered(ctx, 'request_changes');
  const note = noteText('note', 'a note telling the requester what to change', command.note, true);
  if (!note.ok) return note;
  const deviations = ctx.record.deviations;
  const steps = replaceStep(ctx.state.steps, step.id, (record) => ended(record, 'changes_requested', by, at));
  const changes = { stepId: step.id, note: note.text, category: null, deviations, by, at };
  const state = withTrail(ctx.state, {
    action: 'changes_requested',
    by,
    at,
    stepId: step.id,
    subjectId: null,
    detail: note.text,
  });
  return {
    ok: true,
    state: toChangesRequested(state, steps, changes),
    events: [{ type: 'changes_requested', stepId: step.id, note: note.text, deviations, by, at }],
  };
}

function ended(record: StepRecord, kind: StepOutcome, by: string, at: string): StepRecord {
  return { ...record, status: 'stopped', outcome: { kind, by, at } };
}

/** `complete.goTo` when the playbook says so, else the next step in order; null after the last one. */
function nextStepId(playbook: Playbook, step: Step): string | null {
  if (step.decisions.complete.goTo) return step.decisions.complete.goTo;
  const index = playbook.steps.findIndex((candidate) => candidate.id === step.id);
  return playbook.steps[index + 1]?.id ?? null;
}
