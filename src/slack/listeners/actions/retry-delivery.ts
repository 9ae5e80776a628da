// Retry on a desk admin's Home: puts a Slack message the outbox gave up on back in the queue, then
// shows the clicker their Home again (without that message, or with what failed since).

import type { App, BlockButtonAction } from '@slack/bolt';
import { retryFailedDelivery } from '../../../app/retry-failed-delivery.ts';
import type { SlackDeps } from '../../deps.ts';
import { RETRY_DELIVERY_ACTION_PATTERN } from '../../ids.ts';
import { retryRefusalModal } from '../../views/failed-deliveries.ts';
import { asView } from '../../web-api-types.ts';
import { isDeskAdmin } from '../events/app-home-opened.ts';

const OUTBOX_ID = /^\d{1,19}$/;

export function registerRetryDelivery(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(RETRY_DELIVERY_ACTION_PATTERN, async ({ ack, body, action, client }) => {
    await ack();
    const value = action.value ?? '';
    if (!OUTBOX_ID.test(value)) return;
    const userId = body.user.id;
    const actor = { userId, isDeskAdmin: await isDeskAdmin(deps, userId) };
    // The trigger dies in three seconds, so the refusal is shown before anything is written.
    if (!actor.isDeskAdmin)
      await tell(deps, () =>
        client.views.open({ trigger_id: body.trigger_id, view: asView(retryRefusalModal()) }),
      );
    await retryFailedDelivery(deps.services, { outboxId: BigInt(value), actor });
    await tell(deps, () => deps.home.publish(client, userId));
  });
}

async function tell(deps: SlackDeps, call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (error) {
    deps.logger.warn('could not answer a Retry on the Home tab', { error });
  }
}
