// The amendment form's submission: the same validation as a new request, then a new commercial
// version through the workflow. Every problem comes back inline; the rep keeps what they typed.

import type { App } from '@slack/bolt';
import { amendBooking } from '../../../app/amend-booking.ts';
import type { SlackDeps } from '../../deps.ts';
import { CALLBACK } from '../../ids.ts';
import { refusalText } from '../../views/request-refusal.ts';
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
  const actor = await deps.roles.actorFor(userId, form.draft.region);
  try {
    const result = await amendBooking(deps.services, { requestId, actor, draft: form.draft });
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
  } catch (error) {
    deps.logger.error('amendment could not be recorded', { error, user: userId });
    return {
      quoteNumber:
        'The desk could not record this amendment just now and nothing was saved. Press Submit again.',
    };
  }
}
