// Shared fixtures: a booking as the views see it, and a workspace's names.

import { parseProductLines } from '../../src/domain/booking/lines.ts';
import type { BookingSnapshot } from '../../src/domain/booking/snapshot.ts';
import { DEFAULT_PLAYBOOK } from '../../src/domain/playbook/default-playbook.ts';
import { startWorkflow } from '../../src/domain/workflow/start.ts';
import type { RenderContext } from '../../src/transcript/index.ts';

const LINES = 'PRO-SEAT | Pro seat licence | 25 | 40.00 | 10\nSUPPORT | Premium support | 1 | 500.00';

export function aBooking(overrides: Partial<BookingSnapshot> = {}): BookingSnapshot {
  const parsed = parseProductLines(LINES, 'GBP');
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return {
    id: 'booking-1',
    reference: 'BK-2026-000001',
    requesterId: 'U_REP',
    region: 'EMEA',
    status: 'submitted',
    version: 1,
    commercialVersion: 1,
    urgent: false,
    deskChannel: 'C_DESK',
    parentTs: null,
    submittedAt: new Date('2026-11-14T09:30:00Z'),
    workflow: startWorkflow(DEFAULT_PLAYBOOK, { requesterId: 'U_REP', at: new Date('2026-11-14T09:30:00Z') })
      .state,
    draft: {
      quoteNumber: 'Q-1234',
      region: 'EMEA',
      urgent: false,
      customerAccountName: 'Acme Widgets Ltd',
      customerCrmId: '0015g00000AcMe1',
      contactName: 'Ada Buyer',
      contactEmail: 'ada@acme.example',
      currency: 'GBP',
      lines: parsed.lines,
      subscriptionStart: '2026-12-01',
      termMonths: 12,
      billingFrequency: 'annually',
      renewalType: 'auto_renew',
      renewalNoticeDays: 30,
      paymentTerms: 'net_30',
      discountNotes: '',
      creditsMinor: 0n,
      oneTimeChargesMinor: 0n,
      invoiceRecipientName: 'Acme Accounts Payable',
      invoiceRecipientEmail: 'ap@acme.example',
      downstreamNotes: '',
    },
    ...overrides,
  };
}

const USERS: Record<string, string> = { U_REP: 'rita', U_OPS: 'omar', U_BOT: 'Booking Desk' };
const CHANNELS: Record<string, string> = { C_DESK: 'booking-desk' };
const GROUPS: Record<string, string> = { S_BILL: 'billing-emea' };

export const workspace: RenderContext = {
  userName: (id) => USERS[id],
  channelName: (id) => CHANNELS[id],
  usergroupHandle: (id) => GROUPS[id],
};

/** Every line of `text` fits `width` columns unless it is one unbreakable word. */
export function overlongLines(text: string, width: number): string[] {
  return text.split('\n').filter((line) => [...line].length > width && line.trim().includes(' '));
}
