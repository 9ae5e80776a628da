// Posts a note in a request's thread: what an amendment changed, by whom.

import { loadBooking } from '../../db/bookings.ts';
import { type AmendmentNote, amendmentNote } from '../../slack/views/amendment-note.ts';
import { type Delivery, findAlreadyPosted, outboxMetadata, requestIdOf } from './delivery.ts';

export const deliverThreadNote: Delivery = async (row, ctx) => {
  const text = amendmentNote((row.args as unknown as { note: AmendmentNote }).note);
  const booking = await loadBooking(ctx.db, requestIdOf(row));
  if (!booking?.parentTs) return { skipped: 'no thread' };
  const earlier = await findAlreadyPosted(ctx, row, booking.deskChannel, booking.parentTs);
  if (earlier) return { ts: earlier, recovered: true };
  const posted = await ctx.slack.chat.postMessage({
    channel: booking.deskChannel,
    thread_ts: booking.parentTs,
    text,
    metadata: outboxMetadata(row),
  });
  return { channel: booking.deskChannel, ts: String(posted.ts) };
};
