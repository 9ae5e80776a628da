// DMs the requester their reference and a link to the request's thread.

import { deskCalendars } from '../../config/desk-config.ts';
import { loadBooking } from '../../db/bookings.ts';
import type { BookingSnapshot } from '../../domain/booking/snapshot.ts';
import { APPROVAL_KEY } from '../../domain/sla/plan.ts';
import { type ApprovalDue, requesterConfirmation } from '../../slack/views/requester-confirmation.ts';
import { asBlocks } from '../../slack/web-api-types.ts';
import {
  type Delivery,
  type DeliveryContext,
  findAlreadyPosted,
  outboxMetadata,
  requestIdOf,
} from './delivery.ts';

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
  const message = requesterConfirmation(booking, threadUrl, await approvalDue(ctx, booking));
  const posted = await ctx.slack.chat.postMessage({
    channel,
    text: message.text,
    blocks: asBlocks(message.blocks),
    metadata: outboxMetadata(row),
    unfurl_links: false,
  });
  return { channel, ts: String(posted.ts) };
};

/** The approval clock's due time in the requester's own zone (Slack's users.info), if it runs. */
async function approvalDue(ctx: DeliveryContext, booking: BookingSnapshot): Promise<ApprovalDue | null> {
  const clock = await ctx.db.slaClock.findUnique({
    where: { requestId_key: { requestId: booking.id, key: APPROVAL_KEY } },
    select: { dueAt: true, targetMinutes: true, status: true },
  });
  if (!clock?.dueAt || clock.status !== 'running') return null;
  const info = await ctx.slack.users.info({ user: booking.requesterId });
  const timeZone = info.user?.tz ?? deskCalendars(ctx.config)[booking.region].config.timeZone;
  return { dueAt: clock.dueAt, timeZone, targetMinutes: clock.targetMinutes };
}
