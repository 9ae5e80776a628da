// Applies one command to one request: the next state (version + 1) and what happened, or a refusal that
// says why and who may act. The caller stores the state with compare-and-set on (id, version).

import type { Playbook, Step } from '../playbook/schema.ts';
import { authorizeRequestCommand, authorizeStepCommand } from './authorize.ts';
import type { ReassignCommand, StepRoleCommand, WorkflowCommand } from './commands.ts';
import { complete, reject, requestChanges } from './decisions.ts';
import type { WorkflowEvent } from './events.ts';
import { alreadyDone, invalid, type Refusal } from './refusals.ts';
import { amend, cancel, withdraw } from './request-commands.ts';
import { type ActiveState, isActive, isClosed, type StepRecord, type WorkflowState } from './state.ts';
import { escalate, reassign, recordDeviation, take, tick } from './step-commands.ts';
import { type StepContext, stepName } from './step-context.ts';
import { type Change, toInReview } from './transitions.ts';

export type DecideResult = { ok: true; state: WorkflowState; events: WorkflowEvent[] } | Refusal;

/**
 * `playbook` must be the exact version the request started with (look it up by `state.playbook`);
 * anything else is a wiring bug and throws.
 */
export function decide(state: WorkflowState, command: WorkflowCommand, playbook: Playbook): DecideResult {
  if (state.playbook.id !== playbook.id || state.playbook.version !== playbook.version) {
    throw new Error(
      `Request walks playbook ${state.playbook.id}@v${state.playbook.version}, not ${playbook.id}@v${playbook.version}.`,
    );
  }
  const result =
    command.type === 'amend' || command.type === 'withdraw' || command.type === 'cancel'
      ? onRequest(state, command, playbook)
      : onStep(state, command, playbook);
  if (!result.ok) return result;
  return { ok: true, state: { ...result.state, version: state.version + 1 }, events: result.events };
}

function onStep(
  state: WorkflowState,
  command: StepRoleCommand | ReassignCommand,
  playbook: Playbook,
): Change | Refusal {
  const step = playbook.steps.find((candidate) => candidate.id === command.stepId);
  if (!step) return invalid('stepId', `This playbook has no step "${command.stepId}".`);
  const record = recordOf(state, step.id);
  if (!isActive(state) || state.activeStepId !== step.id) return notActive(state, record, playbook);
  const stale = staleVersion(state, command);
  if (stale) return stale;
  const by = command.actor.userId;
  const at = command.at.toISOString();
  if (command.type === 'reassign') {
    const refusal = authorizeRequestCommand('reassign', command.actor, state.requesterId);
    return refusal ?? reassign({ state, playbook, step, record, by, at }, command);
  }
  const refusal = authorizeStepCommand(command.type, command.actor, state.requesterId, step.role);
  if (refusal) return refusal;
  const review = beginReview(state, step, by, at);
  const result = onActiveStep({ state: review.state, playbook, step, record, by, at }, command);
  if (!result.ok) return result;
  return { ok: true, state: result.state, events: [...review.events, ...result.events] };
}

function onActiveStep(ctx: StepContext, command: StepRoleCommand): Change | Refusal {
  switch (command.type) {
    case 'tick':
    case 'untick':
      return tick(ctx, command);
    case 'take':
      return take(ctx, command);
    case 'complete':
      return complete(ctx, command);
    case 'reject':
      return reject(ctx, command);
    case 'request_changes':
      return requestChanges(ctx, command);
    case 'record_deviation':
      return recordDeviation(ctx, command);
    case 'escalate':
      return escalate(ctx, command);
  }
}

function onRequest(
  state: WorkflowState,
  command: Extract<WorkflowCommand, { type: 'amend' | 'withdraw' | 'cancel' }>,
  playbook: Playbook,
): Change | Refusal {
  if (isClosed(state)) return alreadyDone(state.status, state.closure, null, 'This request');
  const stale = staleVersion(state, command);
  if (stale) return stale;
  const refusal = authorizeRequestCommand(command.type, command.actor, state.requesterId);
  if (refusal) return refusal;
  const ctx = { state, playbook, by: command.actor.userId, at: command.at.toISOString() };
  switch (command.type) {
    case 'amend':
      return amend(ctx, command);
    case 'withdraw':
      return withdraw(ctx, command);
    case 'cancel':
      return cancel(ctx, command);
  }
}

/** The first thing a step-role holder does takes the request out of `submitted`. */
function beginReview(state: ActiveState, step: Step, by: string, at: string) {
  if (state.status !== 'submitted') return { state, events: [] as WorkflowEvent[] };
  const events: WorkflowEvent[] = [{ type: 'review_started', stepId: step.id, by, at }];
  return { state: toInReview(state), events };
}

/** A stale button: say what happened to the step (or the request) instead of acting again. */
function notActive(state: WorkflowState, record: StepRecord, playbook: Playbook): Refusal {
  const name = stepName(playbook, record.id);
  if (record.outcome) return alreadyDone(record.outcome.kind, record.outcome, record.id, name);
  if (isClosed(state)) return alreadyDone(state.status, state.closure, record.id, 'This request');
  const activeStepId = isActive(state) ? state.activeStepId : null;
  const where = activeStepId
    ? `the request is at ${stepName(playbook, activeStepId)}`
    : 'the request waits on the requester';
  return {
    ok: false,
    reason: 'step_not_active',
    stepId: record.id,
    activeStepId,
    message: `${name} is not active; ${where}.`,
  };
}

function staleVersion(state: WorkflowState, command: WorkflowCommand): Refusal | null {
  if (command.expectedVersion === undefined || command.expectedVersion === state.version) return null;
  return {
    ok: false,
    reason: 'stale_version',
    expectedVersion: command.expectedVersion,
    currentVersion: state.version,
    message: 'The request changed since you opened it; look at it again and retry.',
  };
}

function recordOf(state: WorkflowState, stepId: string): StepRecord {
  const record = state.steps.find((candidate) => candidate.id === stepId);
  if (!record) throw new Error(`The request's state has no record of step "${stepId}".`);
  return record;
}
