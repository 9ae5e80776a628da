// Values a rep types into the intake modal, by action_id, for the emulator's submitView.

import type { InputValue } from '../../src/emulator/index.ts';

export function intakeValues(overrides: Record<string, InputValue> = {}): Record<string, InputValue> {
  return {
    quoteNumber: 'Q-1234',
    region: 'EMEA',
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
    invoiceRecipientName: 'Acme Accounts Payable',
    invoiceRecipientEmail: 'ap@acme.example',
    ...overrides,
  };
}
