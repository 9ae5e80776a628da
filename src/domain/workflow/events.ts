// What happened, for the application layer to turn into audit rows, thread posts, DMs and SLA clock
// starts and stops. Times are ISO strings so events can go into outbox payloads as they are.

import type { RejectionRoute } from '../playbook/schema.ts';
import type { Deviation } from './state.ts';

interface Happened {
  at: string;
  by: string;
}
interface OnStep extends Happened {
  stepId: string;
}

export type WorkflowEvent =
  /** A step became active. `by` is who caused it (the completer of the step before, the requester…). */
  | (OnStep & { type: 'step_activated'; assigneeId: string | null })
  /** The first action of a step-role holder: the request leaves `submitted` (the response SLA stops). */
  | (OnStep & { type: 'review_started' })
  | (OnStep & { type: 'item_ticked' | 'item_unticked'; itemId: string })
  | (OnStep & { type: 'step_taken'; previousAssigneeId: string | null })
  | (OnStep & { type: 'step_completed'; evidence: Record<string, string> })
  /** Milestones: the step that reached them, with its evidence (CRM order id, billing reference, ticket). */
  | (OnStep & {
      type: 'request_booked' | 'billing_triggered' | 'provisioning_handed_off';
      evidence: Record<string, string>;
    })
  | (Happened & { type: 'request_completed' })
  /** Feeds the approval-accuracy KPI: which step rejected, and in which category. */
  | (OnStep & {
      type: 'step_rejected';
      reason: string;
      category: string | null;
      leadsTo: RejectionRoute;
      goTo: string | null;
    })
  | (OnStep & { type: 'changes_requested'; note: string; deviations: Deviation[] })
  | (OnStep & { type: 'deviation_recorded'; deviation: Deviation })
  | (OnStep & { type: 'escalated'; category: string; note: string; escalateTo: string })
  | (Happened & { type: 'amended'; commercialChange: boolean; note: string | null; resumeAt: string })
  | (Happened & { type: 'withdrawn'; reason: string | null })
  | (OnStep & { type: 'reassigned'; from: string | null; to: string; reason: string })
  | (Happened & { type: 'cancelled'; reason: string; stepId: string | null });

export type WorkflowEventType = WorkflowEvent['type'];
