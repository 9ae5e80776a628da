// Everything a step click needs: the request, its playbook and step, the clicker as the workflow
// sees them in the request's region, and how to word a refusal for them.

import type { ActRequest } from '../app/act-on-request.ts';
import type { Playbook, Step } from '../domain/playbook/schema.ts';
import type { Region } from '../domain/regions.ts';
import type { Actor, CommandType } from '../domain/workflow/commands.ts';
import type { Refusal } from '../domain/workflow/refusals.ts';
import { type WorkflowState, WorkflowStateSchema } from '../domain/workflow/state.ts';
import type { SlackDeps } from './deps.ts';
import type { StepTarget } from './ids.ts';
import { bindRequestRef } from './request-context.ts';
import { roleMention } from './role-directory.ts';
import { refusalText } from './views/request-refusal.ts';

export interface StepContext {
  requestId: string;
  reference: string;
  requesterId: string;
  region: Region;
  deskChannel: string;
  parentTs: string | null;
  state: WorkflowState;
  playbook: Playbook;
  step: Step;
  actor: Actor;
}

export async function loadStepContext(
  deps: SlackDeps,
  target: StepTarget,
  userId: string,
): Promise<StepContext | null> {
  const row = await deps.services.db.bookingRequest.findUnique({
    where: { id: target.requestId },
    select: {
      id: true,
      reference: true,
      requesterId: true,
      region: true,
      deskChannel: true,
      parentTs: true,
      workflow: true,
    },
  });
  if (!row) return null;
  bindRequestRef(row.reference);
  const state = WorkflowStateSchema.parse(row.workflow);
  const playbook = deps.services.playbooks.get(state.playbook);
  const step = playbook?.steps.find((candidate) => candidate.id === target.stepId);
  if (!playbook || !step) return null;
  const region = row.region as Region;
  return {
    requestId: row.id,
    reference: row.reference,
    requesterId: row.requesterId,
    region,
    deskChannel: row.deskChannel,
    parentTs: row.parentTs,
    state,
    playbook,
    step,
    actor: await deps.roles.actorFor(userId, region),
  };
}

/** Refusals go to the clicker as an ephemeral message in the request's thread. */
export function refusalTo(
  deps: SlackDeps,
  context: StepContext,
  command: CommandType,
  inline: (refusal: Refusal) => boolean = () => false,
): NonNullable<ActRequest['refusalTo']> {
  return {
    channel: context.deskChannel,
    threadTs: context.parentTs,
    text: (refusal) =>
      inline(refusal)
        ? null
        : refusalText(refusal, {
            roleMention: roleMention(deps.config, context.step.role, context.region),
            command,
            playbook: context.playbook,
            step: context.step,
            requesterId: context.requesterId,
          }),
  };
}
