// Every callback_id and action_id the app puts into Slack, in one place.

export const CALLBACK = {
  intake: 'booking_intake',
  /** The intake form opened from Amend: submitting it makes a new commercial version. */
  amend: 'booking_amend',
  stepComplete: 'step_complete',
  stepReject: 'step_reject',
  stepRequestChanges: 'step_request_changes',
  stepDeviation: 'step_deviation',
  stepEscalate: 'step_escalate',
  adminCancel: 'admin_cancel',
  adminReassign: 'admin_reassign',
  /** The requester's escalation form (category and reason); private_metadata is the request id. */
  requestEscalate: 'request_escalate',
  /** The quarterly survey's form (score and comment); private_metadata is the invitation id. */
  surveyAnswer: 'survey_answer',
} as const;

export const ACTION = {
  newBooking: 'new_booking',
  /** Checkboxes of a step's checklist; value of each option is the checklist item id. */
  stepChecklist: 'step_checklist',
  stepTake: 'step_take',
  stepComplete: 'step_complete',
  stepReject: 'step_reject',
  stepRequestChanges: 'step_request_changes',
  stepDeviation: 'step_deviation',
  stepEscalate: 'step_escalate',
  requestAmend: 'request_amend',
  requestWithdraw: 'request_withdraw',
  /** The requester's Escalate button, on the status card and in their DMs; value is the request id. */
  requestEscalate: 'request_escalate',
  /** Retry of a Slack message the outbox gave up on (desk admins' Home); see retryDeliveryActionId. */
  retryDelivery: 'retry_delivery',
  /** Rate the desk, in the quarterly survey's DM and its reminder; value is the invitation id. */
  surveyRate: 'survey_rate',
} as const;

/** Each Retry button on one Home needs its own action_id (Slack wants them unique per surface). */
export function retryDeliveryActionId(outboxId: string): string {
  return `${ACTION.retryDelivery}|${outboxId}`;
}

/** Matches every retryDeliveryActionId; the button's value carries the outbox row id. */
export const RETRY_DELIVERY_ACTION_PATTERN = new RegExp(`^${ACTION.retryDelivery}\\|\\d+$`);

/** Take it on the Home queue: one action_id per row (unique on the surface); value as stepTargetValue. */
export function homeTakeActionId(index: number): string {
  return `${ACTION.stepTake}|home|${index}`;
}

/** The step's own Take it button and the Home queue's. */
export const STEP_TAKE_ACTION_PATTERN = new RegExp(`^${ACTION.stepTake}(\\|home\\|\\d+)?$`);

export const HOME_SECTIONS = ['mine', 'queue', 'holding'] as const;
export type HomeSection = (typeof HOME_SECTIONS)[number];

/** Previous/Next on a Home list; the value carries the page to show. */
export function homePageActionId(section: HomeSection, direction: 'previous' | 'next'): string {
  return `home_page|${section}|${direction}`;
}

export const HOME_PAGE_ACTION_PATTERN = /^home_page\|(mine|queue|holding)\|(previous|next)$/;

/** Every step button and the checklist carry which request and step they act on. */
export interface StepTarget {
  requestId: string;
  stepId: string;
}

export function stepTargetValue(target: StepTarget): string {
  return JSON.stringify({ r: target.requestId, s: target.stepId });
}

/** Reads a button value or private_metadata back; null when it is not one of ours (tampered, stale). */
export function parseStepTarget(value: string | undefined): StepTarget | null {
  try {
    const parsed = JSON.parse(value ?? '') as { r?: unknown; s?: unknown };
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    if (typeof parsed.r !== 'string' || !uuid.test(parsed.r) || typeof parsed.s !== 'string') return null;
    if (parsed.s.length === 0 || parsed.s.length > 64) return null;
    return { requestId: parsed.r, stepId: parsed.s };
  } catch {
    return null;
  }
}

/** The checklist's block_id carries the target (checkbox options carry only the item id). */
export function stepChecklistBlockId(target: StepTarget): string {
  return `checklist|${target.requestId}|${target.stepId}`;
}

export const COMMAND = '/book';
