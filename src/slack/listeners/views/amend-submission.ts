// The amendment form's submission: the same validation as a new request, then a new commercial
// version through the workflow. Every problem comes back inline; the rep keeps what they typed.

import type { App } from '@slack/bolt';
import { amendBooking } from '../../../app/amend-booking.ts';
import type { BookingDraft } from '../../../domain/booking/intake.ts';
import type { SlackDeps } from '../../deps.ts';
import { CALLBACK } from '../../ids.ts';
import { refusalText } from '../../views/request-refusal.ts';
import { answerWithinBudget, FAILED_SUBMISSION, SLOW_SUBMISSION } from './ack-budget.ts';
import { type FieldErrors, readSubmittedForm } from './intake-submission.ts';

export function registerAmendSubmission(app: App, deps: SlackDeps): void {
  app.view(CALLBACK.amend, async ({ ack, body, view }) => {
    const errors = await handleAmendment(deps, body.user.id, view.state.values, view.private_metadata);
    if (errors) await ack({ response_action: 'errors', errors });
    else await ack();
  });
}

async function handleAmendment(
  deps: SlackDeps,
  userId: string,
  values: unknown,
  privateMetadata: string | undefined,
): Promise<FieldErrors | null> {
  const form = readSubmittedForm(deps, values, privateMetadata);
  if (!form.ok) return form.errors;
  const requestId = form.metadata.requestId;
  if (!requestId)
    return { quoteNumber: 'This form lost track of its request. Close it and press Amend again.' };
  const amending = amend(deps, userId, requestId, form.draft);
  return answerWithinBudget(deps.logger.child({ user: userId }), 'amendment', amending, {
    late: { quoteNumber: SLOW_SUBMISSION },
    failed: { quoteNumber: FAILED_SUBMISSION },
  });
}

async function amend(
  deps: SlackDeps,
  userId: string,
  requestId: string,
  draft: BookingDraft,
): Promise<FieldErrors | null> {
  const actor = await deps.roles.actorFor(userId, draft.region);
  const result = await amendBooking(deps.services, { requestId, actor, draft });
  if (result.ok) return null;
  switch (result.reason) {
    case 'no_changes':
      return { quoteNumber: 'Nothing changed. Edit what the desk asked for, or close the form.' };
    case 'region_changed':
      return { region: 'A request cannot move to another region. Withdraw it and book a new one there.' };
    case 'not_found':
      return { quoteNumber: 'This request no longer exists.' };
    case 'refused':
      return { quoteNumber: refusalText(result.refusal, { command: 'amend' }) };
  }
}
