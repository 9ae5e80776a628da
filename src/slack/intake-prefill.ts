// The intake form filled from a request's current version, so an amendment starts from what was booked.

import type { BookingDraft, IntakeForm } from '../domain/booking/intake.ts';
import { formatProductLines } from '../domain/booking/lines.ts';
import { CURRENCIES } from '../domain/money.ts';

function plainAmount(minor: bigint, exponent: number): string {
  if (minor === 0n) return '';
  if (exponent === 0) return minor.toString();
  const digits = minor.toString().padStart(exponent + 1, '0');
  return `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

export function formFromDraft(draft: BookingDraft): IntakeForm {
  const exponent = CURRENCIES[draft.currency];
  return {
    quoteNumber: draft.quoteNumber,
    region: draft.region,
    urgent: draft.urgent,
    customerAccountName: draft.customerAccountName,
    customerCrmId: draft.customerCrmId,
    contactName: draft.contactName,
    contactEmail: draft.contactEmail,
    currency: draft.currency,
    lines: formatProductLines(draft.lines, draft.currency),
    subscriptionStart: draft.subscriptionStart,
    termMonths: String(draft.termMonths),
    billingFrequency: draft.billingFrequency,
    renewalType: draft.renewalType,
    renewalNoticeDays: String(draft.renewalNoticeDays),
    paymentTerms: draft.paymentTerms,
    discountNotes: draft.discountNotes,
    credits: plainAmount(draft.creditsMinor, exponent),
    oneTimeCharges: plainAmount(draft.oneTimeChargesMinor, exponent),
    invoiceRecipientName: draft.invoiceRecipientName,
    invoiceRecipientEmail: draft.invoiceRecipientEmail,
    downstreamNotes: draft.downstreamNotes,
  };
}
