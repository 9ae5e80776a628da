// The DM that tells a rep their request reached the desk, with the way to its thread.

import type { BookingSnapshot } from '../../domain/booking/snapshot.ts';
import { escapeMrkdwn, link } from '../mrkdwn.ts';
import { type Block, context, section } from './elements.ts';
import { escalateButton } from './request-escalation.ts';
import { businessDuration, zonedTime } from './sla-format.ts';
import { contractValue } from './status-card.ts';

/** The approval SLA as the requester reads it: due in their own time zone. */
export interface ApprovalDue {
  dueAt: Date;
  timeZone: string;
  targetMinutes: number;
}

export function requesterConfirmation(
  booking: BookingSnapshot,
  threadUrl: string | null,
  due: ApprovalDue | null = null,
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
      ...(due
        ? [
            section(
              `:stopwatch: Approval due *${zonedTime(due.dueAt, due.timeZone)}* (your time): ` +
                `${businessDuration(due.targetMinutes)} of the ${booking.region} desk's business hours.`,
            ),
          ]
        : []),
      { type: 'actions', block_id: 'request_actions', elements: [escalateButton(booking.id)] },
      context(
        `Quote ${escapeMrkdwn(booking.draft.quoteNumber)} · keep this reference for questions: ${booking.reference}`,
      ),
    ],
  };
}
