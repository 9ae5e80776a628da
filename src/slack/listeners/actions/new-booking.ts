import type { App, BlockButtonAction } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { ACTION } from '../../ids.ts';
import { openIntake } from '../../open-intake.ts';

export function registerNewBookingButton(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTION.newBooking, async ({ ack, body, client }) => {
    await ack();
    try {
      await openIntake(deps, client, { triggerId: body.trigger_id, userId: body.user.id });
    } catch (error) {
      deps.logger.warn('could not open the booking form', { error, user: body.user.id });
    }
  });
}
