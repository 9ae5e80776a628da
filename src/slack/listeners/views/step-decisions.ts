// Submissions of the decision modals (complete with evidence, reject, request changes, deviation,
// escalate). Problems the person can fix come back inline; anything else closes the modal and is
// explained in the thread, only to them.

import type { App } from '@slack/bolt';
import { actOnRequest } from '../../../app/act-on-request.ts';
import type { WorkflowCommand } from '../../../domain/workflow/commands.ts';
import type { Refusal } from '../../../domain/workflow/refusals.ts';
import type { SlackDeps } from '../../deps.ts';
import { CALLBACK, parseStepTarget } from '../../ids.ts';
import { loadStepContext, refusalTo, type StepContext } from '../../step-context.ts';
import {
  type ModalRead,
  readChangeRequest,
  readDeviation,
  readEscalation,
  readEvidence,
  readRejection,
} from '../../views/step-modal-readers.ts';
import { answerWithinBudget, FAILED_SUBMISSION, SLOW_SUBMISSION } from './ack-budget.ts';

type Errors = Record<string, string>;
type Build = (context: StepContext, values: unknown, at: Date) => ModalRead<WorkflowCommand>;

function base(context: StepContext, at: Date) {
  return { stepId: context.step.id, actor: context.actor, at };
}

function map<T>(read: ModalRead<T>, to: (value: T) => WorkflowCommand): ModalRead<WorkflowCommand> {
  return read.ok ? { ok: true, value: to(read.value) } : read;
}

const BUILDERS: Record<string, Build> = {
  [CALLBACK.stepComplete]: (c, values, at) =>
    map(readEvidence(values, c.step), (evidence) => ({ ...base(c, at), type: 'complete', evidence })),
  [CALLBACK.stepReject]: (c, values, at) =>
    map(readRejection(values), (r) => ({
      ...base(c, at),
      type: 'reject',
      reason: r.reason,
      category: r.category,
    })),
  [CALLBACK.stepRequestChanges]: (c, values, at) =>
    map(readChangeRequest(values), (r) => ({ ...base(c, at), type: 'request_changes', note: r.note })),
  [CALLBACK.stepDeviation]: (c, values, at) =>
    map(readDeviation(values), (d) => ({ ...base(c, at), type: 'record_deviation', ...d })),
  [CALLBACK.stepEscalate]: (c, values, at) =>
    map(readEscalation(values), (e) => ({
      ...base(c, at),
      type: 'escalate',
      category: e.category,
      note: e.note,
    })),
};

/** Inline errors for a refusal the modal can show next to a field; null when it cannot. */
export function inlineErrors(refusal: Refusal, firstBlockId: string | undefined): Errors | null {
  if (refusal.reason === 'incomplete' && Object.keys(refusal.evidenceErrors).length > 0) {
    return refusal.uncheckedItems.length === 0 ? { ...refusal.evidenceErrors } : null;
  }
  if (refusal.reason === 'invalid') return { [refusal.field ?? firstBlockId ?? 'note']: refusal.message };
  return null;
}

export function registerStepDecisions(app: App, deps: SlackDeps): void {
  for (const [callbackId, build] of Object.entries(BUILDERS)) {
    app.view(callbackId, async ({ ack, body, view }) => {
      const firstBlockId = view.blocks.find((block) => block.type === 'input')?.block_id ?? 'note';
      const submission = { userId: body.user.id, view, firstBlockId };
      const logger = deps.logger.child({ user: body.user.id });
      const errors = await answerWithinBudget(logger, 'decision', decide(deps, build, submission), {
        late: { [firstBlockId]: SLOW_SUBMISSION },
        failed: { [firstBlockId]: FAILED_SUBMISSION },
      });
      if (errors) await ack({ response_action: 'errors', errors });
      else await ack();
    });
  }
}

interface DecisionSubmission {
  userId: string;
  view: { private_metadata: string; state: { values: unknown } };
  firstBlockId: string;
}

/** Inline errors to show, or null when the modal may close (applied, or refused in the thread). */
async function decide(deps: SlackDeps, build: Build, submission: DecisionSubmission): Promise<Errors | null> {
  const { view, firstBlockId } = submission;
  const target = parseStepTarget(view.private_metadata);
  const context = target ? await loadStepContext(deps, target, submission.userId) : null;
  if (!context) return null;
  const read = build(context, view.state.values, deps.services.clock.now());
  if (!read.ok) return read.errors;
  const result = await actOnRequest(deps.services, {
    requestId: context.requestId,
    command: read.value,
    refusalTo: refusalTo(
      deps,
      context,
      read.value.type,
      (refusal) => inlineErrors(refusal, firstBlockId) !== null,
    ),
  });
  return !result.ok && result.reason === 'refused' ? inlineErrors(result.refusal, firstBlockId) : null;
}
