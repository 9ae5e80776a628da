// Posts a request's status card as the parent of its thread in the desk channel.

import { loadSlaSnapshot } from '../../app/sla-snapshot.ts';
import { loadBooking, setParentTs } from '../../db/bookings.ts';
import { asBlocks } from '../../slack/web-api-types.ts';
import { type Delivery, findAlreadyPosted, outboxMetadata, requestIdOf } from './delivery.ts';
import { renderCard } from './render.ts';

export const deliverStatusCardPost: Delivery = async (row, ctx) => {
  const booking = await loadBooking(ctx.db, requestIdOf(row));
  if (!booking) return { skipped: 'request no longer exists' };
  if (booking.parentTs)
    return { channel: booking.deskChannel, ts: booking.parentTs, skipped: 'already posted' };

  const earlier = await findAlreadyPosted(ctx, row, booking.deskChannel);
  const playbook = ctx.playbooks.get(booking.workflow.playbook);
  if (!playbook) throw new Error(`playbook of ${booking.reference} is not deployed`);
  const sla = await loadSlaSnapshot(ctx.db, ctx.config, booking, playbook, ctx.clock.now());
  const card = renderCard(booking, playbook, ctx.config, sla);
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
