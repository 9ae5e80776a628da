// Where a booking request stands. Closed requests free their quote number for a new request.

export const REQUEST_STATUSES = [
  'submitted',
  'in_review',
  'changes_requested',
  'booked',
  'completed',
  'rejected',
  'withdrawn',
  'cancelled',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Statuses after which nothing more happens to a request. */
export const CLOSED_STATUSES: readonly RequestStatus[] = ['completed', 'rejected', 'withdrawn', 'cancelled'];

/** Statuses that hold a quote number: a second request for the same quote is refused. */
export const QUOTE_HOLDING_STATUSES: readonly RequestStatus[] = [
  'submitted',
  'in_review',
  'changes_requested',
  'booked',
  'completed',
];

export const STATUS_LABELS: Record<RequestStatus, string> = {
  submitted: 'Submitted',
  in_review: 'In review',
  changes_requested: 'Changes requested',
  booked: 'Booked',
  completed: 'Completed',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  cancelled: 'Cancelled',
};
