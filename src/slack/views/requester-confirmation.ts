// The DM that tells a rep their request reached the desk, with the way to its thread.

import type { BookingSnapshot } from '../../domain/booking/snapshot.ts';
import { escapeMrkdwn, link } from '../mrkdwn.ts';
import { type Block, context, section } from './elements.ts';
import { contractValue } from './status-card.ts';

export function requesterConfirmation(
  booking: BookingSnapshot,
  threadUrl: string | null,
): { text: string; blocks: Block[] } {
  const customer = escapeMrkdwn(booking.draft.customerAccountName);
  const where = threadUrl
    ? `Follow it in ${link(threadUrl, `its thread in the desk channel`)}.`
    : `Its thread in <#${booking.deskChannel}> is on its way.`;
  const text = `Your booking request ${booking.reference} for ${customer} (${contractValue(booking)}) is with the desk.`;
  return {
    text,
    blocks: [
      section(
        `:white_check_mark: Your booking request *${booking.reference}* for *${customer}* (${contractValue(booking)}) is with the ${booking.region} desk.\n${where}`,
      ),
      context(
        `Quote ${escapeMrkdwn(booking.draft.quoteNumber)} · keep this reference for questions: ${booking.reference}`,
      ),
    ],
  };
}
