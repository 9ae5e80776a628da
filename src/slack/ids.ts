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
} as const;

/** Each Retry button on one Home needs its own action_id (Slack wants them unique per surface). */
export function retryDeliveryActionId(outboxId: string): string {
  return `${ACTION.retryDelivery}|${outboxId}`;
}

/** Matches every retryDeliveryActionId; the button's value carries the outbox row id. */
export const RETRY_DELIVERY_ACTION_PATTERN = new RegExp(`^${ACTION.retryDelivery}\\|\\d+$`);

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
    const uuid = /^[0-9a-f-]{36}$/;
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
