// The requester's buttons in their DM: Amend (opens the form with the current version) and Withdraw.

import type { App, BlockButtonAction } from '@slack/bolt';
import { actOnRequest } from '../../../app/act-on-request.ts';
import { loadBooking } from '../../../db/bookings.ts';
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
    const channel = body.channel?.id ?? body.container?.channel_id;
    await actOnRequest(deps.services, {
      requestId: booking.id,
      command: { type: 'withdraw', actor, at: deps.services.clock.now() },
      ...(typeof channel === 'string'
        ? {
            refusalTo: {
              channel,
              text: (refusal) =>
                refusalText(refusal, { command: 'withdraw', requesterId: booking.requesterId }),
            },
          }
        : {}),
    });
  });
}
