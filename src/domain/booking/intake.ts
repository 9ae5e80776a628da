// Validation of the intake form: raw field values in, a booking draft or one message per field out.

import { z } from 'zod';
import { type Currency, isCurrency, parseAmount } from '../money.ts';
import { isRegion, type Region } from '../regions.ts';
import { type ProductLine, parseProductLines } from './lines.ts';
import {
  BILLING_FREQUENCIES,
  type BillingFrequency,
  PAYMENT_TERMS,
  type PaymentTerms,
  RENEWAL_TYPES,
  type RenewalType,
  TERM_MONTHS,
} from './terms.ts';

/** The form as the rep left it: every value is text (or null when a select was left empty). */
export const IntakeFormSchema = z.object({
  quoteNumber: z.string(),
  region: z.string().nullable(),
  urgent: z.boolean(),
  customerAccountName: z.string(),
  customerCrmId: z.string(),
  contactName: z.string(),
  contactEmail: z.string(),
  currency: z.string().nullable(),
  lines: z.string(),
  subscriptionStart: z.string().nullable(),
  termMonths: z.string().nullable(),
  billingFrequency: z.string().nullable(),
  renewalType: z.string().nullable(),
  renewalNoticeDays: z.string(),
  paymentTerms: z.string().nullable(),
  discountNotes: z.string(),
  credits: z.string(),
  oneTimeCharges: z.string(),
  invoiceRecipientName: z.string(),
  invoiceRecipientEmail: z.string(),
  downstreamNotes: z.string(),
});
export type IntakeForm = z.infer<typeof IntakeFormSchema>;
export type IntakeField = keyof IntakeForm;

export interface BookingDraft {
  quoteNumber: string;
  region: Region;
  urgent: boolean;
  customerAccountName: string;
  customerCrmId: string;
  contactName: string;
  contactEmail: string;
  currency: Currency;
  lines: ProductLine[];
  /** Calendar date, YYYY-MM-DD. */
  subscriptionStart: string;
  termMonths: number;
  billingFrequency: BillingFrequency;
  renewalType: RenewalType;
  renewalNoticeDays: number;
  paymentTerms: PaymentTerms;
  discountNotes: string;
  creditsMinor: bigint;
  oneTimeChargesMinor: bigint;
  invoiceRecipientName: string;
  invoiceRecipientEmail: string;
  downstreamNotes: string;
}

export interface IntakeRules {
  /** Today's date in the rep's time zone, YYYY-MM-DD. */
  today: string;
  /** How far back a subscription may start (back-dated bookings happen; months-old ones are mistakes). */
  maxBackdateDays: number;
  /** How far ahead a subscription may start. */
  maxForwardDays: number;
}

export const DEFAULT_INTAKE_RULES = { maxBackdateDays: 30, maxForwardDays: 365 } as const;

export type IntakeResult =
  | { ok: true; draft: BookingDraft }
  | { ok: false; errors: Partial<Record<IntakeField, string>> };

const QUOTE_NUMBER = /^[A-Za-z0-9][A-Za-z0-9-_/.]{1,39}$/;
const CRM_ID = /^[A-Za-z0-9][A-Za-z0-9-_]{2,39}$/;
// Deliberately simple: one @, a dot in the domain, no spaces. Slack's email input checks the rest.
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function validateIntake(form: IntakeForm, rules: IntakeRules): IntakeResult {
  const errors: Partial<Record<IntakeField, string>> = {};
  const fail = (field: IntakeField, message: string) => {
    errors[field] ??= message;
  };
  const text = (field: IntakeField, label: string, max: number): string => {
    const value = String(form[field] ?? '').trim();
    if (value.length === 0) fail(field, `Enter the ${label}.`);
    else if (value.length > max) fail(field, `Keep the ${label} under ${max} characters.`);
    return value;
  };
  const optionalText = (field: IntakeField, label: string, max: number): string => {
    const value = String(form[field] ?? '').trim();
    if (value.length > max) fail(field, `Keep the ${label} under ${max} characters.`);
    return value;
  };

  const quoteNumber = text('quoteNumber', 'quote number', 40).toUpperCase();
  if (quoteNumber && !QUOTE_NUMBER.test(quoteNumber)) {
    fail(
      'quoteNumber',
      'Use the quote number from the CRM, e.g. Q-1234 (letters, digits, "-", "_", "/", ".").',
    );
  }
  const region = form.region && isRegion(form.region) ? form.region : null;
  if (!region) fail('region', 'Choose the region that books this order.');

  const customerAccountName = text('customerAccountName', 'customer account name', 120);
  const customerCrmId = text('customerCrmId', 'CRM account ID', 40);
  if (customerCrmId && !CRM_ID.test(customerCrmId)) {
    fail('customerCrmId', 'The CRM account ID is 3–40 letters, digits, "-" or "_", e.g. 0015g00000AbCdE.');
  }
  const contactName = text('contactName', 'contact name', 120);
  const contactEmail = email(form.contactEmail, 'contactEmail', 'contact', fail);

  const currency = form.currency && isCurrency(form.currency) ? form.currency : null;
  if (!currency) fail('currency', 'Choose the currency of the quote.');
  let lines: ProductLine[] = [];
  if (currency) {
    const parsed = parseProductLines(form.lines, currency);
    if (parsed.ok) lines = parsed.lines;
    else fail('lines', parsed.errors.slice(0, 3).join(' · '));
  }

  const subscriptionStart = startDate(form.subscriptionStart, rules, fail);
  const termMonths = Number(form.termMonths);
  if (!(TERM_MONTHS as readonly number[]).includes(termMonths)) fail('termMonths', 'Choose the term length.');
  const billingFrequency = pick(form.billingFrequency, BILLING_FREQUENCIES);
  if (!billingFrequency) fail('billingFrequency', 'Choose how often the customer is billed.');
  const renewalType = pick(form.renewalType, RENEWAL_TYPES);
  if (!renewalType) fail('renewalType', 'Choose the renewal terms.');
  const renewalNoticeDays = noticeDays(form.renewalNoticeDays, renewalType, fail);
  const paymentTerms = pick(form.paymentTerms, PAYMENT_TERMS);
  if (!paymentTerms) fail('paymentTerms', 'Choose the payment terms.');

  const creditsMinor = optionalAmount(form.credits, currency, 'credits', fail);
  const oneTimeChargesMinor = optionalAmount(form.oneTimeCharges, currency, 'oneTimeCharges', fail);
  const discountNotes = optionalText('discountNotes', 'discount notes', 1000);
  const invoiceRecipientName = text('invoiceRecipientName', 'invoice recipient', 120);
  const invoiceRecipientEmail = email(form.invoiceRecipientEmail, 'invoiceRecipientEmail', 'invoice', fail);
  const downstreamNotes = optionalText('downstreamNotes', 'notes', 2000);

  if (Object.keys(errors).length > 0 || !region || !currency || !billingFrequency || !renewalType) {
    return { ok: false, errors };
  }
  if (!paymentTerms || subscriptionStart === null) return { ok: false, errors };
  return {
    ok: true,
    draft: {
      quoteNumber,
      region,
      urgent: form.urgent,
      customerAccountName,
      customerCrmId,
      contactName,
      contactEmail,
      currency,
      lines,
      subscriptionStart,
      termMonths,
      billingFrequency,
      renewalType,
      renewalNoticeDays,
      paymentTerms,
      discountNotes,
      creditsMinor,
      oneTimeChargesMinor,
      invoiceRecipientName,
      invoiceRecipientEmail,
      downstreamNotes,
    },
  };
}

type Fail = (field: IntakeField, message: string) => void;

function email(raw: string, field: IntakeField, whose: string, fail: Fail): string {
  const value = raw.trim();
  if (value.length === 0) fail(field, `Enter the ${whose} e-mail address.`);
  else if (value.length > 254 || !EMAIL.test(value)) {
    fail(field, `"${value.slice(0, 60)}" is not an e-mail address; write it like name@company.com.`);
  }
  return value.toLowerCase();
}

function startDate(raw: string | null, rules: IntakeRules, fail: Fail): string | null {
  if (!raw || !DATE.test(raw) || Number.isNaN(Date.parse(`${raw}T00:00:00Z`))) {
    fail('subscriptionStart', 'Pick the subscription start date.');
    return null;
  }
  const days = daysBetween(rules.today, raw);
  if (days < -rules.maxBackdateDays) {
    fail(
      'subscriptionStart',
      `The start date is ${-days} days ago; a booking can start at most ${rules.maxBackdateDays} days in the past. Check the quote.`,
    );
    return null;
  }
  if (days > rules.maxForwardDays) {
    fail(
      'subscriptionStart',
      `The start date is more than ${rules.maxForwardDays} days ahead. Check the quote.`,
    );
    return null;
  }
  return raw;
}

function noticeDays(raw: string, renewal: RenewalType | null, fail: Fail): number {
  const value = raw.trim();
  if (value === '') {
    if (renewal === 'auto_renew')
      fail('renewalNoticeDays', 'Enter the notice period for an auto-renewing term.');
    return 0;
  }
  if (!/^\d{1,3}$/.test(value) || Number(value) > 365) {
    fail('renewalNoticeDays', 'Enter the notice period as whole days from 0 to 365.');
    return 0;
  }
  return Number(value);
}

function optionalAmount(raw: string, currency: Currency | null, field: IntakeField, fail: Fail): bigint {
  const value = raw.trim();
  if (value === '' || !currency) return 0n;
  const parsed = parseAmount(value, currency);
  if (parsed.ok) return parsed.minor;
  fail(field, `The amount ${parsed.reason}.`);
  return 0n;
}

function pick<T extends Record<string, string>>(value: string | null, options: T): (keyof T & string) | null {
  return value && Object.hasOwn(options, value) ? value : null;
}

/** Whole days from one YYYY-MM-DD date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
