// What the rep types into the /book form for the demo, by the form's action_ids. Optional fields a
// person would leave empty stay out.

import type { IntakeForm } from '../domain/booking/intake.ts';
import type { InputValue } from '../emulator/index.ts';
import { URGENT_OPTION } from '../slack/views/intake-modal.ts';

export const SAMPLE_BOOKING: IntakeForm = {
  quoteNumber: 'Q-1234',
  region: 'EMEA',
  urgent: false,
  customerAccountName: 'Acme Widgets Ltd',
  customerCrmId: '0015g00000AcMe1',
  contactName: 'Ada Buyer',
  contactEmail: 'ada@acme.example',
  currency: 'GBP',
  lines: 'PRO-SEAT | Pro seat licence | 25 | 40.00 | 10\nSUPPORT | Premium support | 1 | 500.00',
  subscriptionStart: '2026-12-01',
  termMonths: '12',
  billingFrequency: 'annually',
  renewalType: 'auto_renew',
  renewalNoticeDays: '30',
  paymentTerms: 'net_30',
  discountNotes: '10 % multi-year discount approved by the VP Sales',
  credits: '',
  oneTimeCharges: '',
  invoiceRecipientName: 'Acme Accounts Payable',
  invoiceRecipientEmail: 'ap@acme.example',
  downstreamNotes: '',
};

/** The form as values for the emulator's submitView. */
export function sampleBookingValues(form: IntakeForm = SAMPLE_BOOKING): Record<string, InputValue> {
  const { urgent, ...fields } = form;
  const filled = Object.entries(fields).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '',
  );
  return { ...Object.fromEntries(filled), ...(urgent ? { urgent: [URGENT_OPTION] } : {}) };
}
