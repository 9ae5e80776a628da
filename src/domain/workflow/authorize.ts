// Who may do what on a request. Steps belong to their role's holders, never to the requester (no one
// checks their own booking); amendments and withdrawal belong to the requester; desk admins steer.

import { ROLE_LABELS, type Role } from '../roles.ts';
import type { Actor, CommandType, StepRoleCommand } from './commands.ts';
import type { AllowedActor, NotAllowedBecause, Refusal } from './refusals.ts';

/** How each command reads in a sentence ("only billing can complete this step"). */
export const COMMAND_VERBS: Record<CommandType, string> = {
  tick: 'tick items on',
  untick: 'untick items on',
  take: 'take',
  complete: 'complete',
  reject: 'reject',
  request_changes: 'request changes on',
  record_deviation: 'record deviations on',
  escalate: 'escalate',
  reassign: 'reassign',
  amend: 'amend',
  withdraw: 'withdraw',
  cancel: 'cancel',
};

/** Who may make each command; `step_role` means holders of the active step's role. */
export const COMMAND_PERMISSIONS = {
  tick: 'step_role',
  untick: 'step_role',
  take: 'step_role',
  complete: 'step_role',
  reject: 'step_role',
  request_changes: 'step_role',
  record_deviation: 'step_role',
  escalate: 'step_role',
  reassign: 'desk_admin',
  amend: 'requester',
  withdraw: 'requester',
  cancel: 'desk_admin',
} as const satisfies Record<CommandType, AllowedActor>;

type StepRoleCommandType = StepRoleCommand['type'];
type RequestCommandType = Exclude<CommandType, StepRoleCommandType>;

/** Null when the actor may make this command on a step owned by `role`, else who may. */
export function authorizeStepCommand(
  type: StepRoleCommandType,
  actor: Actor,
  requesterId: string,
  role: Role,
): Refusal | null {
  const verb = COMMAND_VERBS[type];
  if (actor.userId === requesterId) {
    return notAllowed(
      'step_role',
      role,
      'own_request',
      `You raised this request, so someone else in ${ROLE_LABELS[role]} must ${verb} this step.`,
    );
  }
  if (!actor.roles.includes(role)) {
    return notAllowed('step_role', role, 'missing_role', `Only ${ROLE_LABELS[role]} can ${verb} this step.`);
  }
  return null;
}

/** Null when the actor may make this request-level command, else who may. */
export function authorizeRequestCommand(
  type: RequestCommandType,
  actor: Actor,
  requesterId: string,
): Refusal | null {
  const isRequester = actor.userId === requesterId;
  const verb = COMMAND_VERBS[type];
  if (COMMAND_PERMISSIONS[type] === 'requester') {
    return isRequester
      ? null
      : notAllowed('requester', null, 'not_requester', `Only the requester can ${verb} this request.`);
  }
  if (!actor.isDeskAdmin) {
    return notAllowed('desk_admin', null, 'not_desk_admin', `Only a desk admin can ${verb} this request.`);
  }
  // A desk admin may cancel their own request (they could withdraw it anyway) but not pick who checks it.
  if (type === 'reassign' && isRequester) {
    return notAllowed(
      'desk_admin',
      null,
      'own_request',
      'You raised this request, so another desk admin must reassign its steps.',
    );
  }
  return null;
}

function notAllowed(
  allowed: AllowedActor,
  requiredRole: Role | null,
  because: NotAllowedBecause,
  message: string,
): Refusal {
  return { ok: false, reason: 'not_allowed', allowed, requiredRole, because, message };
}
