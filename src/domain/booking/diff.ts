// What an amendment changed, in the words the desk reads in the thread ("quantity of PRO 10 → 12"),
// and whether it touched the commercial terms (which sends the request back to the first step).

import { formatMoney } from '../money.ts';
import type { BookingDraft } from './intake.ts';
import { formatPercent, type ProductLine } from './lines.ts';
import { BILLING_FREQUENCIES, PAYMENT_TERMS, RENEWAL_TYPES, termLabel } from './terms.ts';

export interface Change {
  label: string;
  before: string;
  after: string;
  commercial: boolean;
}

type Field = {
  label: string;
  commercial: boolean;
  show: (draft: BookingDraft) => string;
};

const FIELDS: Field[] = [
  { label: 'quote number', commercial: true, show: (d) => d.quoteNumber },
  { label: 'currency', commercial: true, show: (d) => d.currency },
  { label: 'start date', commercial: true, show: (d) => d.subscriptionStart },
  { label: 'term', commercial: true, show: (d) => termLabel(d.termMonths) },
  { label: 'billing frequency', commercial: true, show: (d) => BILLING_FREQUENCIES[d.billingFrequency] },
  { label: 'renewal', commercial: true, show: (d) => RENEWAL_TYPES[d.renewalType] },
  { label: 'renewal notice', commercial: true, show: (d) => `${d.renewalNoticeDays} days` },
  { label: 'payment terms', commercial: true, show: (d) => PAYMENT_TERMS[d.paymentTerms] },
  { label: 'discounts', commercial: true, show: (d) => d.discountNotes || '—' },
  { label: 'credits', commercial: true, show: (d) => formatMoney(d.creditsMinor, d.currency) },
  {
    label: 'one-time charges',
    commercial: true,
    show: (d) => formatMoney(d.oneTimeChargesMinor, d.currency),
  },
  { label: 'customer account', commercial: true, show: (d) => d.customerAccountName },
  { label: 'CRM account ID', commercial: true, show: (d) => d.customerCrmId },
  { label: 'region', commercial: false, show: (d) => d.region },
  { label: 'urgency', commercial: false, show: (d) => (d.urgent ? 'urgent' : 'normal') },
  { label: 'contact', commercial: false, show: (d) => `${d.contactName} <${d.contactEmail}>` },
  {
    label: 'invoice recipient',
    commercial: false,
    show: (d) => `${d.invoiceRecipientName} <${d.invoiceRecipientEmail}>`,
  },
  { label: 'notes for downstream teams', commercial: false, show: (d) => d.downstreamNotes || '—' },
];

export function commercialDiff(before: BookingDraft, after: BookingDraft): Change[] {
  const changes: Change[] = [];
  for (const field of FIELDS) {
    const [was, now] = [field.show(before), field.show(after)];
    if (was !== now)
      changes.push({ label: field.label, before: was, after: now, commercial: field.commercial });
  }
  return [...changes, ...lineChanges(before, after)];
}

export function isCommercialChange(changes: readonly Change[]): boolean {
  return changes.some((change) => change.commercial);
}

function lineChanges(before: BookingDraft, after: BookingDraft): Change[] {
  const changes: Change[] = [];
  const bySku = (lines: readonly ProductLine[]) => new Map(lines.map((line) => [line.sku, line]));
  const [was, now] = [bySku(before.lines), bySku(after.lines)];
  const describe = (line: ProductLine, currency: BookingDraft['currency']) =>
    `${line.quantity} × ${formatMoney(line.unitPriceMinor, currency)}/mo${line.discountBasisPoints ? ` −${formatPercent(line.discountBasisPoints)} %` : ''}`;
  for (const [sku, line] of now) {
    const old = was.get(sku);
    if (!old) {
      changes.push({
        label: `line ${sku}`,
        before: 'not on the order',
        after: describe(line, after.currency),
        commercial: true,
      });
      continue;
    }
    const pairs: [string, string, string][] = [
      ['quantity', String(old.quantity), String(line.quantity)],
      [
        'unit price',
        formatMoney(old.unitPriceMinor, before.currency),
        formatMoney(line.unitPriceMinor, after.currency),
      ],
      [
        'discount',
        `${formatPercent(old.discountBasisPoints)} %`,
        `${formatPercent(line.discountBasisPoints)} %`,
      ],
      ['description', old.description, line.description],
    ];
    for (const [what, a, b] of pairs) {
      if (a !== b)
        changes.push({ label: `${what} of ${sku}`, before: a, after: b, commercial: what !== 'description' });
    }
  }
  for (const [sku, line] of was) {
    if (!now.has(sku)) {
      changes.push({
        label: `line ${sku}`,
        before: describe(line, before.currency),
        after: 'removed',
        commercial: true,
      });
    }
  }
  return changes;
}
