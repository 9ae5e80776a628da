// Expected refusals are values, never throws. Each carries a message people can read and the data the
// caller needs to say it better (who may act, who already did it and when).

import type { Role } from '../roles.ts';
import type { WorkflowStatus } from './state.ts';

export type AllowedActor = 'step_role' | 'requester' | 'desk_admin';
export type NotAllowedBecause = 'missing_role' | 'own_request' | 'not_requester' | 'not_desk_admin';

export type Refusal = { ok: false; message: string } & (
  | {
      reason: 'not_allowed';
      /** Who may do it instead; with `requiredRole` when it is the holders of a role. */
      allowed: AllowedActor;
      requiredRole: Role | null;
      because: NotAllowedBecause;
    }
  /** The command was already carried out (or overtaken): say "already <outcome> by @by at <at>". */
  | { reason: 'already_done'; by: string; at: string; outcome: AlreadyDoneOutcome; stepId: string | null }
  | { reason: 'stale_version'; expectedVersion: number; currentVersion: number }
  | { reason: 'step_not_active'; stepId: string; activeStepId: string | null }
  | { reason: 'not_offered'; stepId: string; decision: string }
  | { reason: 'wrong_status'; status: WorkflowStatus }
  | {
      reason: 'incomplete';
      /** Human-readable, in checklist order: unticked items, evidence problems, open deviations. */
      missing: string[];
      uncheckedItems: string[];
      evidenceErrors: Record<string, string>;
      openDeviations: string[];
    }
  | { reason: 'invalid'; field: string; problem: string }
);

export type RefusalReason = Refusal['reason'];

export type AlreadyDoneOutcome =
  | 'completed'
  | 'rejected'
  | 'changes_requested'
  | 'withdrawn'
  | 'cancelled'
  | 'ticked'
  | 'unticked'
  | 'taken'
  | 'assigned'
  | 'deviation_recorded';

/** A command input that makes no sense: a blank reason, an unknown item or category. */
export function invalid(field: string, problem: string): Refusal {
  return { ok: false, reason: 'invalid', field, problem, message: problem };
}

export function alreadyDone(
  outcome: AlreadyDoneOutcome,
  stamp: { by: string; at: string },
  stepId: string | null,
  what: string,
): Refusal {
  return {
    ok: false,
    reason: 'already_done',
    outcome,
    by: stamp.by,
    at: stamp.at,
    stepId,
    message: `${what} was already ${OUTCOME_WORDS[outcome]} by ${stamp.by} at ${stamp.at}.`,
  };
}

/** How each outcome reads in "already … by". */
export const OUTCOME_WORDS: Record<AlreadyDoneOutcome, string> = {
  completed: 'completed',
  rejected: 'rejected',
  changes_requested: 'sent back for changes',
  withdrawn: 'withdrawn',
  cancelled: 'cancelled',
  ticked: 'ticked',
  unticked: 'unticked',
  taken: 'taken',
  assigned: 'assigned to that person',
  deviation_recorded: 'recorded',
};
