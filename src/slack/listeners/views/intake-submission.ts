// The intake modal's submission: validated before the ack, recorded in one transaction before the
// ack (milliseconds), so every problem — bad field, duplicate quote, database down — comes back
// inline in the modal and the rep keeps what they typed.

import type { App } from '@slack/bolt';
import { DateTime } from 'luxon';
import { submitBooking } from '../../../app/submit-booking.ts';
import { type BookingDraft, type IntakeField, validateIntake } from '../../../domain/booking/intake.ts';
import { STATUS_LABELS } from '../../../domain/status.ts';
import type { SlackDeps } from '../../deps.ts';
import { CALLBACK } from '../../ids.ts';
import {
  type IntakeMetadata,
  readIntakeForm,
  readIntakeMetadata,
  ViewStateValuesSchema,
} from '../../intake-state.ts';
import { bindRequestRef } from '../../request-context.ts';
import { answerWithinBudget } from './ack-budget.ts';

export type FieldErrors = Partial<Record<IntakeField, string>>;

export function registerIntakeSubmission(app: App, deps: SlackDeps): void {
  app.view(CALLBACK.intake, async ({ ack, body, view }) => {
    const answer = await handleIntakeSubmission(deps, {
      userId: body.user.id,
      viewId: view.id,
      values: view.state.values,
      privateMetadata: view.private_metadata,
    });
    if (answer) await ack({ response_action: 'errors', errors: answer });
    else await ack();
  });
}

export interface IntakeSubmission {
  userId: string;
  viewId: string;
  values: unknown;
  privateMetadata: string | undefined;
}

/** Reads and validates the intake form (new or amended), judging dates by the rep's calendar. */
export function readSubmittedForm(
  deps: SlackDeps,
  values: unknown,
  privateMetadata: string | undefined,
): { ok: true; draft: BookingDraft; metadata: IntakeMetadata } | { ok: false; errors: FieldErrors } {
  const parsed = ViewStateValuesSchema.safeParse(values);
  if (!parsed.success) {
    return { ok: false, errors: { quoteNumber: 'The form could not be read. Close it and try again.' } };
  }
  const metadata = readIntakeMetadata(privateMetadata);
  const zoned = DateTime.fromJSDate(deps.services.clock.now()).setZone(metadata.tz);
  const today = (
    zoned.isValid ? zoned : DateTime.fromJSDate(deps.services.clock.now(), { zone: 'utc' })
  ).toISODate();
  const validated = validateIntake(readIntakeForm(parsed.data), { ...deps.config.intake, today: today! });
  return validated.ok
    ? { ok: true, draft: validated.draft, metadata }
    : { ok: false, errors: validated.errors };
}

/** The intake view id makes a second Submit of the same form safe: it is never booked twice. */
export const SLOW_DATABASE_INTAKE =
  'The desk is slow to answer, so this booking may not be recorded yet. Press Submit again in a moment: it will never be booked twice.';

/** Returns the inline errors to show, or null when the request was recorded. */
export async function handleIntakeSubmission(
  deps: SlackDeps,
  submission: IntakeSubmission,
): Promise<FieldErrors | null> {
  const validated = readSubmittedForm(deps, submission.values, submission.privateMetadata);
  if (!validated.ok) return validated.errors;
  const recording = recordBooking(deps, submission, validated.draft);
  return answerWithinBudget(deps.logger.child({ user: submission.userId }), 'booking', recording, {
    late: { quoteNumber: SLOW_DATABASE_INTAKE },
    failed: {
      quoteNumber:
        'The desk could not record this booking just now and nothing was saved. Press Submit again in a moment.',
    },
  });
}

async function recordBooking(
  deps: SlackDeps,
  submission: IntakeSubmission,
  draft: BookingDraft,
): Promise<FieldErrors | null> {
  const result = await submitBooking(deps.services, {
    requesterId: submission.userId,
    deskChannel: deps.config.deskChannel,
    intakeViewId: submission.viewId,
    draft,
  });
  if (result.ok) {
    bindRequestRef(result.reference);
    return null;
  }
  const { holder } = result;
  const url = await deps.workspace.permalink(holder.deskChannel, holder.parentTs);
  return {
    quoteNumber:
      `${draft.quoteNumber} already has a request: ${holder.reference} (${STATUS_LABELS[holder.status]}).` +
      ` Amend that one instead${url ? `: ${url}` : ' — see its thread in the desk channel.'}`,
  };
}
