// Posts a note in a request's thread: what an amendment changed, or an SLA nudge or escalation
// (rendered when it was decided, mentions included).

import { loadBooking } from '../../db/bookings.ts';
import type { OutboxMessage } from '../../db/generated/client.ts';
import { type AmendmentNote, amendmentNote } from '../../slack/views/amendment-note.ts';
import {
  type Delivery,
  type DeliveryContext,
  findAlreadyPosted,
  outboxMetadata,
  requestIdOf,
} from './delivery.ts';

async function postInThread(row: OutboxMessage, ctx: DeliveryContext, text: string) {
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
}

export const deliverThreadNote: Delivery = (row, ctx) =>
  postInThread(row, ctx, amendmentNote((row.args as unknown as { note: AmendmentNote }).note));

export const deliverThreadText: Delivery = (row, ctx) =>
  postInThread(row, ctx, String((row.args as unknown as { text: unknown }).text));
