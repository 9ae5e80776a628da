// The requester's buttons in their DM: Amend (opens the form with the current version) and Withdraw.

import type { App, BlockButtonAction } from '@slack/bolt';
import { type ActRequest, actOnRequest, probeCommand } from '../../../app/act-on-request.ts';
import { loadBooking } from '../../../db/bookings.ts';
import type { BookingSnapshot } from '../../../domain/booking/snapshot.ts';
import type { SlackDeps } from '../../deps.ts';
import { ACTION, CALLBACK } from '../../ids.ts';
import { formFromDraft } from '../../intake-prefill.ts';
import type { IntakeMetadata } from '../../intake-state.ts';
import { intakeModal } from '../../views/intake-modal.ts';
import { refusalText } from '../../views/request-refusal.ts';
import { asView } from '../../web-api-types.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function registerRequesterActions(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTION.requestAmend, async ({ ack, body, action, client }) => {
    await ack();
    const booking = UUID.test(action.value ?? '') ? await loadBooking(deps.services.db, action.value!) : null;
    if (!booking) return;
    // The form shows the request's details: whoever may not amend it (anyone but its requester, or
    // once it is booked or closed) is told why, and the attempt audited, before anything opens.
    const actor = await deps.roles.actorFor(body.user.id, booking.region);
    const check = await probeCommand(deps.services, {
      requestId: booking.id,
      command: { type: 'amend', actor, at: deps.services.clock.now(), commercialChange: true },
      ...refusalIn(body, booking, 'amend'),
      fixable: () => false,
    });
    if (!check.ok) return;
    const tz = (await deps.users.timeZoneOf(body.user.id)) ?? 'UTC';
    const metadata: IntakeMetadata = { tz, requestId: booking.id };
    const view = intakeModal({
      prefill: formFromDraft(booking.draft),
      privateMetadata: JSON.stringify(metadata),
      title: `Amend ${booking.reference}`,
      submitLabel: 'Submit changes',
      callbackId: CALLBACK.amend,
    });
    try {
      await client.views.open({ trigger_id: body.trigger_id, view: asView(view) });
    } catch (error) {
      deps.logger.warn('could not open the amendment form', { error, request: booking.reference });
    }
  });

  app.action<BlockButtonAction>(ACTION.requestWithdraw, async ({ ack, body, action }) => {
    await ack();
    const booking = UUID.test(action.value ?? '') ? await loadBooking(deps.services.db, action.value!) : null;
    if (!booking) return;
    const actor = await deps.roles.actorFor(body.user.id, booking.region);
    await actOnRequest(deps.services, {
      requestId: booking.id,
      command: { type: 'withdraw', actor, at: deps.services.clock.now() },
      ...refusalIn(body, booking, 'withdraw'),
    });
  });
}

/** A refusal is explained to the clicker, only to them, where they clicked. */
function refusalIn(
  body: BlockButtonAction,
  booking: BookingSnapshot,
  command: 'amend' | 'withdraw',
): Pick<ActRequest, 'refusalTo'> {
  const channel = body.channel?.id ?? body.container?.channel_id;
  if (typeof channel !== 'string') return {};
  return {
    refusalTo: {
      channel,
      text: (refusal) => refusalText(refusal, { command, requesterId: booking.requesterId }),
    },
  };
}
