/** The kinds of outbox message the app writes; the dispatcher has one delivery per kind. */
export const OUTBOX_KIND = {
  statusCardPost: 'status_card.post',
  requesterConfirmation: 'requester.confirmation',
} as const;
export type OutboxKind = (typeof OUTBOX_KIND)[keyof typeof OUTBOX_KIND];
