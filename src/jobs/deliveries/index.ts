import { OUTBOX_KIND, type OutboxKind } from '../../app/outbox-kinds.ts';
import type { Delivery } from './delivery.ts';
import { type HomeRefresher, homeRefreshDelivery } from './home-refresh.ts';
import { deliverRequesterConfirmation } from './requester-confirmation.ts';
import { deliverStatusCardPost } from './status-card-post.ts';
import { deliverSurveyInvitation, deliverSurveyReminder } from './survey-dm.ts';
import { deliverThreadNote, deliverThreadText } from './thread-note.ts';
import {
  deliverEphemeral,
  deliverRequesterUpdate,
  deliverStatusCardUpdate,
  deliverStepMessagePost,
  deliverStepMessageUpdate,
} from './workflow-deliveries.ts';

/** One delivery per outbox kind; Home refreshes publish through the app's Home publisher. */
export function createDeliveries(home: () => HomeRefresher): Record<OutboxKind, Delivery> {
  return {
    [OUTBOX_KIND.statusCardPost]: deliverStatusCardPost,
    [OUTBOX_KIND.statusCardUpdate]: deliverStatusCardUpdate,
    [OUTBOX_KIND.requesterConfirmation]: deliverRequesterConfirmation,
    [OUTBOX_KIND.stepMessagePost]: deliverStepMessagePost,
    [OUTBOX_KIND.stepMessageUpdate]: deliverStepMessageUpdate,
    [OUTBOX_KIND.requesterUpdate]: deliverRequesterUpdate,
    [OUTBOX_KIND.threadNote]: deliverThreadNote,
    [OUTBOX_KIND.slaAlert]: deliverThreadText,
    [OUTBOX_KIND.ephemeral]: deliverEphemeral,
    [OUTBOX_KIND.homeRefresh]: homeRefreshDelivery(home),
    [OUTBOX_KIND.surveyInvitation]: deliverSurveyInvitation,
    [OUTBOX_KIND.surveyReminder]: deliverSurveyReminder,
  };
}
