// DMs the requester their reference and a link to the request's thread.

import { loadBooking } from '../../db/bookings.ts';
import { requesterConfirmation } from '../../slack/views/requester-confirmation.ts';
import { asBlocks } from '../../slack/web-api-types.ts';
import { type Delivery, findAlreadyPosted, outboxMetadata, requestIdOf } from './delivery.ts';

export const deliverRequesterConfirmation: Delivery = async (row, ctx) => {
  const booking = await loadBooking(ctx.db, requestIdOf(row));
  if (!booking) return { skipped: 'request no longer exists' };
  const dm = await ctx.slack.conversations.open({ users: booking.requesterId });
  const channel = String(dm.channel?.id);
  const earlier = await findAlreadyPosted(ctx, row, channel);
  if (earlier) return { channel, ts: earlier, recovered: true };

  const threadUrl = booking.parentTs
    ? String(
        (await ctx.slack.chat.getPermalink({ channel: booking.deskChannel, message_ts: booking.parentTs }))
          .permalink,
      )
    : null;
  const message = requesterConfirmation(booking, threadUrl);
  const posted = await ctx.slack.chat.postMessage({
    channel,
    text: message.text,
    blocks: asBlocks(message.blocks),
    metadata: outboxMetadata(row),
    unfurl_links: false,
  });
  return { channel, ts: String(posted.ts) };
};
