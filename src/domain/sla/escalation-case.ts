// The requester's own escalation (the handbook's escalation path): a reason category and a written
// reason ping Sales Support and open a case with the response SLA. When it may not be opened.

import type { PeriodEndStatus } from '../calendar/index.ts';
import { isActive, type WorkflowState } from '../workflow/state.ts';

export const ESCALATION_CATEGORIES = [
  { id: 'customer_deadline', label: 'Customer deadline' },
  { id: 'deal_at_risk', label: 'Deal at risk' },
  { id: 'executive_request', label: 'Executive request' },
  { id: 'other', label: 'Other' },
] as const;
export type EscalationCategory = (typeof ESCALATION_CATEGORIES)[number]['id'];

export const MIN_ESCALATION_REASON_LENGTH = 20;
export const MAX_ESCALATION_REASON_LENGTH = 1000;

export function isEscalationCategory(value: string): value is EscalationCategory {
  return ESCALATION_CATEGORIES.some((category) => category.id === value);
}

export function escalationCategoryLabel(id: string): string {
  return ESCALATION_CATEGORIES.find((category) => category.id === id)?.label ?? id;
}

export interface OpenCase {
  openedBy: string;
  openedAt: Date;
}

export type EscalationRefusal =
  | { code: 'not_requester' }
  | { code: 'not_in_approval'; status: WorkflowState['status'] }
  | { code: 'period_end'; until: Date; periods: string[] }
  | { code: 'already_open'; openedBy: string; openedAt: Date };

export interface EscalationCheck {
  state: WorkflowState;
  actorId: string;
  openCase: OpenCase | null;
  periodEnd: PeriodEndStatus;
}

/** Null when the requester may escalate now; otherwise why not (checked in this order). */
export function escalationRefusal({
  state,
  actorId,
  openCase,
  periodEnd,
}: EscalationCheck): EscalationRefusal | null {
  if (actorId !== state.requesterId) return { code: 'not_requester' };
  if (!isActive(state)) return { code: 'not_in_approval', status: state.status };
  if (openCase) return { code: 'already_open', openedBy: openCase.openedBy, openedAt: openCase.openedAt };
  if (periodEnd.inWindow && periodEnd.until) {
    return { code: 'period_end', until: periodEnd.until, periods: periodEnd.windows.map((w) => w.period) };
  }
  return null;
}

export type EscalationInputProblem = { field: 'category' | 'reason'; message: string };

/** Checks the modal's fields; every problem is returned so the modal can show them inline. */
export function escalationInputProblems(
  category: string | null,
  reason: string | null,
): EscalationInputProblem[] {
  const problems: EscalationInputProblem[] = [];
  if (!category || !isEscalationCategory(category)) {
    problems.push({ field: 'category', message: 'Pick why this request needs escalating.' });
  }
  const text = (reason ?? '').trim();
  if (text.length < MIN_ESCALATION_REASON_LENGTH) {
    problems.push({
      field: 'reason',
      message: `Tell Sales Support what is at stake in at least ${MIN_ESCALATION_REASON_LENGTH} characters (${text.length} so far).`,
    });
  } else if (text.length > MAX_ESCALATION_REASON_LENGTH) {
    problems.push({ field: 'reason', message: `Keep it under ${MAX_ESCALATION_REASON_LENGTH} characters.` });
  }
  return problems;
}
