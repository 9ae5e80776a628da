// A person from the desk replying in a request's thread answers its open escalation: the response
// SLA stops. Replies by the requester, bots and edits do not count.

import type { App } from '@slack/bolt';
import { respondToEscalation } from '../../../app/escalate-request.ts';
import { parseRegion } from '../../../domain/regions.ts';
import type { SlackDeps } from '../../deps.ts';

interface ThreadMessage {
  channel?: string;
  user?: string;
  thread_ts?: string;
  ts?: string;
  subtype?: string;
  bot_id?: string;
}

export function registerThreadReply(app: App, deps: SlackDeps): void {
  app.event('message', async ({ event }) => {
    const message = event as ThreadMessage;
    if (message.subtype || message.bot_id || !message.user || !message.thread_ts || !message.channel) return;
    if (message.thread_ts === message.ts) return;
    const request = await deps.services.db.bookingRequest.findFirst({
      where: { deskChannel: message.channel, parentTs: message.thread_ts },
      select: { id: true, region: true, requesterId: true },
    });
    if (!request || request.requesterId === message.user) return;
    const region = parseRegion(request.region);
    const actor = await deps.roles.actorFor(message.user, region);
    const fromDesk =
      actor.roles.length > 0 || actor.isDeskAdmin || (await deps.roles.isSalesSupport(message.user));
    if (!fromDesk) return;
    try {
      await respondToEscalation(deps.services, {
        requestId: request.id,
        region,
        responderId: message.user,
        at: deps.services.clock.now(),
      });
    } catch (error) {
      deps.logger.error('could not record the reply to an escalation', { error, requestId: request.id });
    }
  });
}
