// The choices a rep picks from on the intake form, with the labels people read.

export const TERM_MONTHS = [1, 3, 6, 12, 24, 36, 48, 60] as const;

export const BILLING_FREQUENCIES = {
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  annually: 'Annually',
  upfront: 'Upfront (whole term)',
} as const;
export type BillingFrequency = keyof typeof BILLING_FREQUENCIES;

export const RENEWAL_TYPES = {
  auto_renew: 'Auto-renews',
  renew_on_request: 'Renews on request',
  no_renewal: 'Does not renew',
} as const;
export type RenewalType = keyof typeof RENEWAL_TYPES;

export const PAYMENT_TERMS = {
  due_on_receipt: 'Due on receipt',
  net_15: 'Net 15',
  net_30: 'Net 30',
  net_45: 'Net 45',
  net_60: 'Net 60',
  net_90: 'Net 90',
} as const;
export type PaymentTerms = keyof typeof PAYMENT_TERMS;

export function termLabel(months: number): string {
  if (months % 12 === 0)
    return months === 12 ? '12 months (1 year)' : `${months} months (${months / 12} years)`;
  return months === 1 ? '1 month' : `${months} months`;
}
