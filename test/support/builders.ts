// Builders for test fixtures: a valid intake form, changed only where a test cares.

import type { IntakeForm } from '../../src/domain/booking/intake.ts';

export function anIntakeForm(overrides: Partial<IntakeForm> = {}): IntakeForm {
  return {
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
    discountNotes: '',
    credits: '',
    oneTimeCharges: '',
    invoiceRecipientName: 'Acme Accounts Payable',
    invoiceRecipientEmail: 'ap@acme.example',
    downstreamNotes: '',
    ...overrides,
  };
}
