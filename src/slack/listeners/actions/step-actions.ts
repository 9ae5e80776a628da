// Clicks on a step's message in the thread: take it, tick the checklist, or open a decision modal.
// Every click is acknowledged first; the change is one compare-and-set transaction in the service.

import type { App, BlockAction, BlockButtonAction, CheckboxesAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { actInBatch, actOnRequest, probeCommand } from '../../../app/act-on-request.ts';
import { parseActionTs, selectionCommands } from '../../../domain/workflow/checklist-selection.ts';
import type { WorkflowCommand } from '../../../domain/workflow/commands.ts';
import type { Refusal } from '../../../domain/workflow/refusals.ts';
import type { SlackDeps } from '../../deps.ts';
import { ACTION, parseStepTarget, STEP_TAKE_ACTION_PATTERN, type StepTarget } from '../../ids.ts';
import { loadStepContext, refusalTo, type StepContext } from '../../step-context.ts';
import { CHECKBOX_LIMIT, isChecklistActionId } from '../../views/step-checklist.ts';
import {
  completeStepModal,
  deviationModal,
  escalateModal,
  rejectStepModal,
  requestChangesModal,
} from '../../views/step-modals.ts';
import { asView } from '../../web-api-types.ts';

type ModalCommand = 'complete' | 'reject' | 'request_changes' | 'record_deviation' | 'escalate';

const MODAL_BUTTONS: Record<string, ModalCommand> = {
  [ACTION.stepComplete]: 'complete',
  [ACTION.stepReject]: 'reject',
  [ACTION.stepRequestChanges]: 'request_changes',
  [ACTION.stepDeviation]: 'record_deviation',
  [ACTION.stepEscalate]: 'escalate',
};

export function registerStepActions(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(
    { type: 'block_actions', action_id: STEP_TAKE_ACTION_PATTERN },
    async ({ ack, body, action }) => {
      await ack();
      const context = await contextFor(deps, parseStepTarget(action.value), body.user.id);
      if (!context) return;
      await actOnRequest(deps.services, {
        requestId: context.requestId,
        command: {
          type: 'take',
          stepId: context.step.id,
          actor: context.actor,
          at: deps.services.clock.now(),
        },
        refusalTo: refusalTo(deps, context, 'take'),
      });
    },
  );

  app.action<BlockAction<CheckboxesAction>>(
    { type: 'block_actions', action_id: /^step_checklist(\|\d+)?$/ },
    async ({ ack, body, action }) => {
      await ack();
      if (!isChecklistActionId(action.action_id)) return;
      const [, requestId, stepId, group] = (action.block_id ?? '').split('|');
      const context = await contextFor(
        deps,
        parseStepTarget(JSON.stringify({ r: requestId, s: stepId })),
        body.user.id,
      );
      if (!context) return;
      await applySelection(deps, context, Number(group ?? 1) - 1, {
        selected: new Set((action.selected_options ?? []).flatMap((o) => (o?.value ? [o.value] : []))),
        selectedAt: parseActionTs(action.action_ts),
      });
    },
  );

  for (const [actionId, command] of Object.entries(MODAL_BUTTONS)) {
    app.action<BlockButtonAction>(actionId, async ({ ack, body, action, client }) => {
      await ack();
      const context = await contextFor(deps, parseStepTarget(action.value), body.user.id);
      if (!context) return;
      await openDecisionModal(deps, client, context, command, body.trigger_id);
    });
  }
}

async function contextFor(
  deps: SlackDeps,
  target: StepTarget | null,
  userId: string,
): Promise<StepContext | null> {
  if (!target) return null;
  return loadStepContext(deps, target, userId);
}

/**
 * The checkboxes say what is ticked now: applied as one batch on the current state, the newest
 * selection of each item winning (Slack's `action_ts`), so quick clicks never end in an older state.
 */
async function applySelection(
  deps: SlackDeps,
  context: StepContext,
  group: number,
  selection: { selected: Set<string>; selectedAt: string | null },
) {
  const itemIds = context.step.checklist
    .slice(group * CHECKBOX_LIMIT, (group + 1) * CHECKBOX_LIMIT)
    .map((item) => item.id);
  await actInBatch(deps.services, {
    requestId: context.requestId,
    commands: (state) =>
      selectionCommands(state, {
        stepId: context.step.id,
        itemIds,
        ...selection,
        actor: context.actor,
        at: deps.services.clock.now(),
      }),
    refusalTo: refusalTo(deps, context, selection.selected.size > 0 ? 'tick' : 'untick'),
  });
}

/** What a filled-in modal could still fix: missing evidence and missing reasons, not who you are. */
function fixableByModal(refusal: Refusal): boolean {
  if (refusal.reason === 'invalid') return true;
  if (refusal.reason !== 'incomplete') return false;
  return refusal.uncheckedItems.length === 0 && refusal.openDeviations.length === 0;
}

function probe(command: ModalCommand, context: StepContext, at: Date): WorkflowCommand {
  const base = { stepId: context.step.id, actor: context.actor, at };
  switch (command) {
    case 'complete':
      return { ...base, type: 'complete', evidence: {} };
    case 'reject':
      return { ...base, type: 'reject', reason: '' };
    case 'request_changes':
      return { ...base, type: 'request_changes', note: '' };
    case 'record_deviation':
      return { ...base, type: 'record_deviation', field: '', expected: '', actual: '' };
    case 'escalate':
      return { ...base, type: 'escalate', category: '', note: '' };
  }
}

async function openDecisionModal(
  deps: SlackDeps,
  client: WebClient,
  context: StepContext,
  command: ModalCommand,
  triggerId: string,
): Promise<void> {
  const allowed = await probeCommand(deps.services, {
    requestId: context.requestId,
    command: probe(command, context, deps.services.clock.now()),
    refusalTo: refusalTo(deps, context, command),
    fixable: fixableByModal,
  });
  if (!allowed.ok) return;
  const input = {
    target: { requestId: context.requestId, stepId: context.step.id },
    step: context.step,
    reference: context.reference,
  };
  const record = context.state.steps.find((step) => step.id === context.step.id);
  const view = {
    complete: () => completeStepModal(input),
    reject: () => rejectStepModal(input),
    request_changes: () => requestChangesModal({ ...input, ...(record ? { record } : {}) }),
    record_deviation: () => deviationModal(input),
    escalate: () => escalateModal(input),
  }[command]();
  try {
    await client.views.open({ trigger_id: triggerId, view: asView(view) });
  } catch (error) {
    deps.logger.warn('could not open a step modal', { error, command, request: context.reference });
  }
}
