// Submitting a booking: one transaction writes the request, its terms and lines, the audit event and
// the outbox rows that post the status card and confirm to the requester.

import { randomUUID } from 'node:crypto';
import { recordAudit } from '../db/audit-log.ts';
import {
  findByIntakeView,
  findQuoteHolder,
  insertBooking,
  lockQuoteNumber,
  nextReference,
  type QuoteHolder,
} from '../db/bookings.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { enqueueOutbox } from '../db/outbox.ts';
import type { BookingDraft } from '../domain/booking/intake.ts';
import { planClockChanges } from '../domain/sla/plan.ts';
import { startWorkflow } from '../domain/workflow/start.ts';
import type { ServiceContext } from './context.ts';
import { refreshHomes } from './home-refresh.ts';
import { OUTBOX_KIND } from './outbox-kinds.ts';
import { applyClockChanges } from './sla-effects.ts';
import { workflowEffects } from './workflow-effects.ts';

export interface SubmitBookingCommand {
  requesterId: string;
  deskChannel: string;
  /** The modal's view id: a replayed submission of the same view returns the first result. */
  intakeViewId: string | null;
  draft: BookingDraft;
}

export type SubmitBookingResult =
  | { ok: true; requestId: string; reference: string; replayed: boolean }
  | { ok: false; reason: 'duplicate_quote'; holder: QuoteHolder };

export async function submitBooking(
  ctx: ServiceContext,
  command: SubmitBookingCommand,
): Promise<SubmitBookingResult> {
  const now = ctx.clock.now();
  const requestId = randomUUID();
  let result: SubmitBookingResult;
  try {
    result = await record(ctx, command, requestId, now);
  } catch (error) {
    // The same modal submitted again (a retry or a double delivery): answer with the first booking.
    const earlier =
      command.intakeViewId && isUniqueViolation(error)
        ? await findByIntakeView(ctx.db, command.intakeViewId)
        : null;
    if (!earlier) throw error;
    return { ok: true, requestId: earlier.id, reference: earlier.reference, replayed: true };
  }
  if (result.ok && !result.replayed) ctx.outboxWritten();
  return result;
}

function record(
  ctx: ServiceContext,
  command: SubmitBookingCommand,
  requestId: string,
  now: Date,
): Promise<SubmitBookingResult> {
  return ctx.db.$transaction(async (tx): Promise<SubmitBookingResult> => {
    await lockQuoteNumber(tx, command.draft.quoteNumber);
    const holder = await findQuoteHolder(tx, command.draft.quoteNumber);
    if (holder && command.intakeViewId && holder.intakeViewId === command.intakeViewId) {
      return { ok: true, requestId: holder.id, reference: holder.reference, replayed: true };
    }
    if (holder) return { ok: false, reason: 'duplicate_quote', holder };

    const reference = await nextReference(tx, now.getUTCFullYear());
    const started = startWorkflow(ctx.playbook, { requesterId: command.requesterId, at: now });
    await insertBooking(tx, {
      workflow: started.state,
      id: requestId,
      reference,
      requesterId: command.requesterId,
      deskChannel: command.deskChannel,
      intakeViewId: command.intakeViewId,
      submittedAt: now,
      draft: command.draft,
    });
    await applyClockChanges(
      tx,
      ctx,
      { requestId, region: command.draft.region },
      planClockChanges({
        before: null,
        after: started.state,
        events: started.events,
        playbook: ctx.playbook,
      }),
    );
    const firstRole = ctx.playbook.steps[0]?.role;
    await refreshHomes(
      tx,
      {
        users: [command.requesterId],
        roles: firstRole ? [{ role: firstRole, region: command.draft.region }] : [],
        deskAdmins: true,
      },
      now,
    );
    await recordAudit(tx, {
      requestId,
      actorId: command.requesterId,
      action: 'request.submitted',
      at: now,
      after: { reference, status: started.state.status, commercialVersion: 1, ...command.draft },
    });
    const orderingKey = `request:${requestId}`;
    await enqueueOutbox(tx, [
      {
        requestId,
        kind: OUTBOX_KIND.statusCardPost,
        method: 'chat.postMessage',
        args: { requestId },
        idempotencyKey: `${requestId}:status_card.post`,
        orderingKey,
        at: now,
      },
      ...workflowEffects(started.events, {
        requestId,
        requesterId: command.requesterId,
        version: started.state.version,
        at: now,
      }),
      {
        requestId,
        kind: OUTBOX_KIND.requesterConfirmation,
        method: 'chat.postMessage',
        args: { requestId },
        idempotencyKey: `${requestId}:requester.confirmation`,
        orderingKey,
        at: now,
      },
    ]);
    return { ok: true, requestId, reference, replayed: false };
  });
}
