// The requester's Escalate button (status card and DMs): refused at the click with an explanation
// when it cannot go ahead, otherwise it opens the escalation form.

import type { App, BlockButtonAction } from '@slack/bolt';
import { checkEscalation } from '../../../app/escalate-request.ts';
import type { SlackDeps } from '../../deps.ts';
import { ACTION } from '../../ids.ts';
import { escalationModal, escalationRefusalText } from '../../views/request-escalation.ts';
import { asView } from '../../web-api-types.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function registerRequestEscalate(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTION.requestEscalate, async ({ ack, body, action, client }) => {
    await ack();
    const requestId = action.value ?? '';
    if (!UUID.test(requestId)) return;
    const channel = body.channel?.id ?? body.container?.channel_id;
    const check = await checkEscalation(deps.services, requestId, body.user.id, (refused) =>
      typeof channel === 'string'
        ? {
            channel,
            text: escalationRefusalText(refused.refusal, {
              ...refused,
              timeZone: deps.services.calendars[refused.region].config.timeZone,
            }),
          }
        : null,
    );
    if (!check.ok) return;
    const playbook = deps.services.playbook;
    try {
      await client.views.open({
        trigger_id: body.trigger_id,
        view: asView(
          escalationModal({
            requestId,
            reference: check.reference,
            responseHours: playbook.slas.response.businessHours,
          }),
        ),
      });
    } catch (error) {
      deps.logger.warn('could not open the escalation form', { error, requestId });
    }
  });
}
