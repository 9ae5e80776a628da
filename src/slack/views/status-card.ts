// The parent message of a request's thread in the desk channel: always rendered from the database.

import { totalContractValue } from '../../domain/booking/lines.ts';
import type { BookingSnapshot } from '../../domain/booking/snapshot.ts';
import { BILLING_FREQUENCIES, PAYMENT_TERMS, RENEWAL_TYPES, termLabel } from '../../domain/booking/terms.ts';
import { formatMoney } from '../../domain/money.ts';
import { STATUS_LABELS } from '../../domain/status.ts';
import { escapeMrkdwn, mentionUser } from '../mrkdwn.ts';
import { type Block, context, divider, fields, header, section } from './elements.ts';
import { describeLines, slackDate } from './formatting.ts';

export function contractValue(booking: BookingSnapshot): string {
  const { draft } = booking;
  return formatMoney(
    totalContractValue(draft.lines, draft.termMonths, draft.oneTimeChargesMinor, draft.creditsMinor),
    draft.currency,
  );
}

export function statusCard(booking: BookingSnapshot): { text: string; blocks: Block[] } {
  const { draft } = booking;
  const urgency = booking.urgent ? ':rotating_light: *Urgent*' : 'Normal';
  const blocks: Block[] = [
    header(`${booking.reference} · ${draft.customerAccountName}`),
    fields(
      `*Status*\n${STATUS_LABELS[booking.status]}`,
      `*Total contract value*\n${contractValue(booking)}`,
      `*Customer*\n${escapeMrkdwn(draft.customerAccountName)} (\`${escapeMrkdwn(draft.customerCrmId)}\`)`,
      `*Quote*\n${escapeMrkdwn(draft.quoteNumber)} · version ${booking.commercialVersion}`,
      `*Requester*\n${mentionUser(booking.requesterId)}`,
      `*Region*\n${booking.region}`,
      `*Term*\n${termLabel(draft.termMonths)} from ${draft.subscriptionStart}`,
      `*Billing*\n${BILLING_FREQUENCIES[draft.billingFrequency]} · ${PAYMENT_TERMS[draft.paymentTerms]}`,
      `*Renewal*\n${RENEWAL_TYPES[draft.renewalType]}${draft.renewalType === 'auto_renew' ? ` · ${draft.renewalNoticeDays} days' notice` : ''}`,
      `*Urgency*\n${urgency}`,
    ),
    section(`*Products*\n${describeLines(draft.lines, draft.currency, draft.termMonths)}`),
    divider(),
    context(
      `Submitted ${slackDate(booking.submittedAt)} by ${mentionUser(booking.requesterId)} · ${booking.reference}`,
    ),
  ];
  const text = `${booking.reference} · ${escapeMrkdwn(draft.customerAccountName)} · ${contractValue(booking)} · ${STATUS_LABELS[booking.status]}`;
  return { text, blocks };
}
