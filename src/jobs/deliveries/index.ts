import { OUTBOX_KIND, type OutboxKind } from '../../app/outbox-kinds.ts';
import type { Delivery } from './delivery.ts';
import { deliverRequesterConfirmation } from './requester-confirmation.ts';
import { deliverStatusCardPost } from './status-card-post.ts';

export const DELIVERIES: Record<OutboxKind, Delivery> = {
  [OUTBOX_KIND.statusCardPost]: deliverStatusCardPost,
  [OUTBOX_KIND.requesterConfirmation]: deliverRequesterConfirmation,
};
