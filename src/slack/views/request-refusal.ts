// The ephemeral answer to a refused click, from the domain's Refusal: who may do it instead, who already
// did it and when, or what is still missing. Domain messages may quote what people typed, so they are
// escaped like any user text.

import type { Playbook, Step } from '../../domain/playbook/schema.ts';
import { ROLE_LABELS } from '../../domain/roles.ts';
import { COMMAND_VERBS } from '../../domain/workflow/authorize.ts';
import type { CommandType } from '../../domain/workflow/commands.ts';
import type { Refusal } from '../../domain/workflow/refusals.ts';
import { OUTCOME_WORDS } from '../../domain/workflow/refusals.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import { stepLabel } from './request-history.ts';
import { slackTime, userText, who } from './step-text.ts';

export interface RefusalNames {
  /** The role group's mention or handle in the request's region ("<!subteam^S…>", "@billing-emea"). */
  roleMention?: string;
  /** What the person tried, so the answer can say "can complete this step". */
  command?: CommandType;
  /** The playbook the request walks, to name steps. */
  playbook?: Playbook;
  /** The step that was clicked, to name its checklist items. */
  step?: Step;
  /** The request's requester, for "only the requester (@x) can …". */
  requesterId?: string;
}

export function refusalText(refusal: Refusal, names: RefusalNames = {}): string {
  switch (refusal.reason) {
    case 'not_allowed':
      return notAllowed(refusal, names);
    case 'already_done': {
      const step = refusal.stepId && names.playbook ? ` (${stepLabel(names.playbook, refusal.stepId)})` : '';
      return `Already ${OUTCOME_WORDS[refusal.outcome]} by ${who(refusal.by)} at ${slackTime(refusal.at)}${step}.`;
    }
    case 'incomplete':
      return incomplete(refusal, names);
    case 'step_not_active':
      if (names.playbook) {
        const where = refusal.activeStepId
          ? `the request is at ${stepLabel(names.playbook, refusal.activeStepId)}`
          : 'the request waits on the requester';
        return `${stepLabel(names.playbook, refusal.stepId)} is not active any more: ${where}.`;
      }
      return userText(refusal.message, 2000);
    case 'invalid':
      return userText(refusal.problem, 2000);
    default:
      return userText(refusal.message, 2000);
  }
}

function notAllowed(refusal: Extract<Refusal, { reason: 'not_allowed' }>, names: RefusalNames): string {
  const verb = names.command ? COMMAND_VERBS[names.command] : 'act on';
  const role =
    names.roleMention ?? (refusal.requiredRole ? escapeMrkdwn(ROLE_LABELS[refusal.requiredRole]) : null);
  switch (refusal.because) {
    case 'own_request':
      return refusal.allowed === 'step_role'
        ? `You requested this booking, so someone else${role ? ` in ${role}` : ''} must verify it.`
        : userText(refusal.message, 2000);
    case 'missing_role':
      return role ? `Only ${role} can ${verb} this step.` : userText(refusal.message, 2000);
    case 'not_requester':
      return `Only the requester${names.requesterId ? ` (${who(names.requesterId)})` : ''} can ${verb} this request.`;
    case 'not_desk_admin':
      return `Only a desk admin can ${verb} this request.`;
  }
}

function incomplete(refusal: Extract<Refusal, { reason: 'incomplete' }>, names: RefusalNames): string {
  const steps = names.step ? [names.step] : (names.playbook?.steps ?? []);
  const parts: string[] = [];
  if (refusal.uncheckedItems.length > 0) {
    const labels = refusal.uncheckedItems.map(
      (id) => steps.flatMap((step) => step.checklist).find((item) => item.id === id)?.label ?? id,
    );
    parts.push(`Tick these first:\n${labels.map((label) => `• ${userText(label, 200)}`).join('\n')}`);
  }
  const evidence = Object.values(refusal.evidenceErrors);
  if (evidence.length > 0) {
    parts.push(`Fix the evidence:\n${evidence.map((problem) => `• ${userText(problem, 300)}`).join('\n')}`);
  }
  if (refusal.openDeviations.length > 0) {
    const fields = refusal.openDeviations.map((field) => userText(field, 100)).join(', ');
    parts.push(`Deviations on ${fields} must go back to the requester first (Request changes).`);
  }
  return parts.length > 0 ? parts.join('\n') : userText(refusal.message, 2000);
}
