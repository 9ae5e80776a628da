/** The kinds of outbox message the app writes; the dispatcher has one delivery per kind. */
export const OUTBOX_KIND = {
  statusCardPost: 'status_card.post',
  statusCardUpdate: 'status_card.update',
  requesterConfirmation: 'requester.confirmation',
  stepMessagePost: 'step_message.post',
  stepMessageUpdate: 'step_message.update',
  requesterUpdate: 'requester.update',
  threadNote: 'thread.note',
  slaAlert: 'sla.alert',
  ephemeral: 'ephemeral',
  /** App Homes to publish again (debounced: one waiting row per audience). */
  homeRefresh: 'home.refresh',
  /** The quarterly satisfaction survey's DM (Rate the desk) and its one reminder. */
  surveyInvitation: 'survey.invitation',
  surveyReminder: 'survey.reminder',
} as const;
export type OutboxKind = (typeof OUTBOX_KIND)[keyof typeof OUTBOX_KIND];
