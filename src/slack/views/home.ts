// The App Home tab: what Booking Desk is and a button to start a booking; for desk admins, also the
// Slack messages the outbox could not deliver.

import { ACTION, COMMAND } from '../ids.ts';
import { type Block, context, header, section } from './elements.ts';
import { type FailedDeliveries, failedDeliveriesBlocks } from './failed-deliveries.ts';

export interface HomeViewInput {
  /** Given only for desk admins: nobody else sees the section. */
  failedDeliveries?: FailedDeliveries | null;
}

export function homeView(input: HomeViewInput = {}) {
  const blocks: Block[] = [
    header('Booking Desk'),
    section(
      'Book subscription orders with the sales-ops desk. Each request gets its own thread in the desk channel, where order management, revenue operations, billing and customer operations work through it.',
    ),
    {
      type: 'actions',
      block_id: 'home_actions',
      elements: [
        {
          type: 'button',
          action_id: ACTION.newBooking,
          style: 'primary',
          text: { type: 'plain_text', text: 'New booking', emoji: true },
        },
      ],
    },
    context(`Or type \`${COMMAND}\` in any channel · \`${COMMAND} help\` for more.`),
    ...(input.failedDeliveries ? failedDeliveriesBlocks(input.failedDeliveries) : []),
  ];
  return { type: 'home' as const, blocks };
}
