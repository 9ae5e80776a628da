// Posts a request's status card as the parent of its thread in the desk channel.

import { loadBooking, setParentTs } from '../../db/bookings.ts';
import { statusCard } from '../../slack/views/status-card.ts';
import { asBlocks } from '../../slack/web-api-types.ts';
import { type Delivery, findAlreadyPosted, outboxMetadata, requestIdOf } from './delivery.ts';

export const deliverStatusCardPost: Delivery = async (row, ctx) => {
  const booking = await loadBooking(ctx.db, requestIdOf(row));
  if (!booking) return { skipped: 'request no longer exists' };
  if (booking.parentTs)
    return { channel: booking.deskChannel, ts: booking.parentTs, skipped: 'already posted' };

  const earlier = await findAlreadyPosted(ctx, row, booking.deskChannel);
  const card = statusCard(booking);
  const ts =
    earlier ??
    String(
      (
        await ctx.slack.chat.postMessage({
          channel: booking.deskChannel,
          text: card.text,
          blocks: asBlocks(card.blocks),
          metadata: outboxMetadata(row),
          unfurl_links: false,
        })
      ).ts,
    );
  await setParentTs(ctx.db, booking.id, ts);
  return { channel: booking.deskChannel, ts, recovered: earlier !== null };
};
