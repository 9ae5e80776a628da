import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.ts';
import { registerHomePages } from './actions/home-pages.ts';
import { registerNewBookingButton } from './actions/new-booking.ts';
import { registerRequestEscalate } from './actions/request-escalate.ts';
import { registerRequesterActions } from './actions/requester-actions.ts';
import { registerRetryDelivery } from './actions/retry-delivery.ts';
import { registerStepActions } from './actions/step-actions.ts';
import { registerSurveyRate } from './actions/survey-rate.ts';
import { registerBookCommand } from './commands/book.ts';
import { registerAppHomeOpened } from './events/app-home-opened.ts';
import { registerThreadReply } from './events/thread-reply.ts';
import { registerFailureReplies } from './failure-replies.ts';
import { registerInboundGuards } from './inbound-guards.ts';
import { registerAdminDecisions } from './views/admin-decisions.ts';
import { registerAmendSubmission } from './views/amend-submission.ts';
import { registerEscalationSubmission } from './views/escalation-submission.ts';
import { registerIntakeSubmission } from './views/intake-submission.ts';
import { registerStepDecisions } from './views/step-decisions.ts';
import { registerSurveySubmission } from './views/survey-submission.ts';

/** Every listener of the app, one per file, grouped by kind. */
export function registerListeners(app: App, deps: SlackDeps): void {
  registerInboundGuards(app);
  registerFailureReplies(app, deps);
  registerBookCommand(app, deps);
  registerIntakeSubmission(app, deps);
  registerNewBookingButton(app, deps);
  registerAppHomeOpened(app, deps);
  registerStepActions(app, deps);
  registerStepDecisions(app, deps);
  registerRequesterActions(app, deps);
  registerAmendSubmission(app, deps);
  registerAdminDecisions(app, deps);
  registerRequestEscalate(app, deps);
  registerEscalationSubmission(app, deps);
  registerThreadReply(app, deps);
  registerHomePages(app, deps);
  registerRetryDelivery(app, deps);
  registerSurveyRate(app, deps);
  registerSurveySubmission(app, deps);
}
