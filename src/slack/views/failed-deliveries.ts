// The desk admins' part of the Home: Slack messages the outbox gave up on, each with a Retry button,
// so a message lost to a removed channel or a long outage is seen and sent again by a person.

import { retryDeliveryActionId } from '../ids.ts';
import { escapeMrkdwn, truncate } from '../mrkdwn.ts';
import { type Block, context, divider, header, mrkdwn, plain } from './elements.ts';
import { slackDate } from './formatting.ts';

export interface FailedDelivery {
  /** The outbox row id, as a decimal string. */
  id: string;
  kind: string;
  reference: string | null;
  lastError: string | null;
  failedAt: Date | null;
}

export interface FailedDeliveries {
  /** The most recent ones, newest first. */
  shown: readonly FailedDelivery[];
  /** How many there are in all, shown or not. */
  total: number;
}

/** Slack renders at most 100 blocks on a Home; these rows leave ample room for the rest of it. */
export const MAX_FAILED_DELIVERIES_SHOWN = 20;

export const FAILED_DELIVERIES_TITLE = 'Slack messages that could not be delivered';

export function failedDeliveriesBlocks(failed: FailedDeliveries): Block[] {
  const shown = failed.shown.slice(0, MAX_FAILED_DELIVERIES_SHOWN);
  const blocks: Block[] = [divider(), header(FAILED_DELIVERIES_TITLE)];
  if (shown.length === 0) {
    blocks.push(context('None: every message the desk wrote has reached Slack or is still being tried.'));
    return blocks;
  }
  blocks.push(
    context('Only desk admins see this. *Retry* sends a message again once its cause is fixed.'),
    ...shown.map(failedDeliveryBlock),
  );
  const rest = failed.total - shown.length;
  if (rest > 0) blocks.push(context(`…and ${rest} older one${rest === 1 ? '' : 's'} not shown.`));
  return blocks;
}

function failedDeliveryBlock(failed: FailedDelivery): Block {
  const kind = `\`${failed.kind.replaceAll('`', "'")}\``;
  const what = failed.reference ? `*${escapeMrkdwn(failed.reference)}* · ${kind}` : kind;
  const error = failed.lastError
    ? `\`${escapeMrkdwn(truncate(failed.lastError, 300)).replaceAll('`', "'")}\``
    : '_no error recorded_';
  const when = failed.failedAt ? ` · gave up ${slackDate(failed.failedAt)}` : '';
  return {
    type: 'section',
    block_id: `failed_delivery|${failed.id}`,
    text: mrkdwn(`${what}\n${error}${when}`),
    accessory: {
      type: 'button',
      action_id: retryDeliveryActionId(failed.id),
      text: plain('Retry', 75),
      value: failed.id,
    },
  };
}

export const RETRY_REFUSAL_TEXT =
  'Only desk admins can send a failed Slack message again. Ask one of them if a message is missing.';

/**
 * Tells someone who is not a desk admin that their Retry did nothing. A modal, because the click
 * came from a Home tab, where there is no channel for an ephemeral message.
 */
export function retryRefusalModal() {
  return {
    type: 'modal' as const,
    title: plain('Booking Desk', 24),
    close: plain('OK', 24),
    blocks: [{ type: 'section', text: mrkdwn(RETRY_REFUSAL_TEXT) }] as Block[],
  };
}
