// What people ask the workflow to do. Every command says who asks and when; step commands also name the
// step they were shown, so a click on a stale button can be answered with what happened instead.

import type { Role } from '../roles.ts';

/** The person acting, with the roles they hold in THIS request's region (resolved by the caller). */
export interface Actor {
  userId: string;
  roles: readonly Role[];
  isDeskAdmin: boolean;
}

interface CommandBase {
  actor: Actor;
  at: Date;
  /** The state version the actor saw; when given, a different current version refuses the command. */
  expectedVersion?: number;
}

interface StepCommandBase extends CommandBase {
  stepId: string;
}

export type TickCommand = StepCommandBase & {
  type: 'tick' | 'untick';
  itemId: string;
  /**
   * Slack's `action_ts` of the checkbox selection this comes from. With it the command sets the item
   * as selected then (no "already ticked" refusal) and remembers the selection's time.
   */
  selectedAt?: string;
};
export type TakeCommand = StepCommandBase & { type: 'take' };
export type CompleteCommand = StepCommandBase & {
  type: 'complete';
  evidence: Readonly<Record<string, string | null | undefined>>;
};
export type RejectCommand = StepCommandBase & { type: 'reject'; reason: string; category?: string | null };
export type RequestChangesCommand = StepCommandBase & { type: 'request_changes'; note: string };
export type RecordDeviationCommand = StepCommandBase & {
  type: 'record_deviation';
  field: string;
  expected: string;
  actual: string;
  note?: string;
};
export type EscalateCommand = StepCommandBase & { type: 'escalate'; category: string; note: string };
export type ReassignCommand = StepCommandBase & { type: 'reassign'; to: string; reason: string };

/** The requester changed the request; `commercialChange` says whether prices, terms or lines changed. */
export type AmendCommand = CommandBase & { type: 'amend'; commercialChange: boolean; note?: string };
export type WithdrawCommand = CommandBase & { type: 'withdraw'; reason?: string };
export type CancelCommand = CommandBase & { type: 'cancel'; reason: string };

/** Commands a holder of the step's role makes on the active step (never the requester). */
export type StepRoleCommand =
  | TickCommand
  | TakeCommand
  | CompleteCommand
  | RejectCommand
  | RequestChangesCommand
  | RecordDeviationCommand
  | EscalateCommand;

export type WorkflowCommand =
  | StepRoleCommand
  | ReassignCommand
  | AmendCommand
  | WithdrawCommand
  | CancelCommand;
export type CommandType = WorkflowCommand['type'];

export const STEP_ROLE_COMMANDS = [
  'tick',
  'untick',
  'take',
  'complete',
  'reject',
  'request_changes',
  'record_deviation',
  'escalate',
] as const satisfies readonly StepRoleCommand['type'][];

export const COMMAND_TYPES = [
  ...STEP_ROLE_COMMANDS,
  'reassign',
  'amend',
  'withdraw',
  'cancel',
] as const satisfies readonly CommandType[];

export function isStepRoleCommand(command: WorkflowCommand): command is StepRoleCommand {
  return (STEP_ROLE_COMMANDS as readonly string[]).includes(command.type);
}
