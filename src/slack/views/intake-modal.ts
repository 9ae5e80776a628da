// The /book modal: everything the desk needs, grouped in the order a rep reads the quote.
// block_id and action_id of each input are the intake field's name, so inline errors map 1:1.

import type { IntakeField, IntakeForm } from '../../domain/booking/intake.ts';
import { LINE_EXAMPLE, LINE_FORMAT, MAX_LINES } from '../../domain/booking/lines.ts';
import {
  BILLING_FREQUENCIES,
  PAYMENT_TERMS,
  RENEWAL_TYPES,
  TERM_MONTHS,
  termLabel,
} from '../../domain/booking/terms.ts';
import { CURRENCY_CODES } from '../../domain/money.ts';
import { REGIONS } from '../../domain/regions.ts';
import { CALLBACK } from '../ids.ts';
import { type Block, context, header, option, plain, type SelectOption } from './elements.ts';

export const URGENT_OPTION = 'urgent';

export interface IntakeModalInput {
  /** Values to show: a new request's guesses, or the current version when amending. */
  prefill: Partial<IntakeForm>;
  privateMetadata: string;
  title?: string;
  submitLabel?: string;
  /** CALLBACK.intake for a new request, CALLBACK.amend for a new version of one. */
  callbackId?: string;
}

/** Sensible starting values; the Revenue Operations step checks them against the quote anyway. */
export const INTAKE_DEFAULTS: Partial<IntakeForm> = {
  termMonths: '12',
  renewalType: 'auto_renew',
  renewalNoticeDays: '30',
  paymentTerms: 'net_30',
};

export function intakeModal({ prefill, privateMetadata, title, submitLabel, callbackId }: IntakeModalInput) {
  const values = { ...INTAKE_DEFAULTS, ...prefill };
  const blocks: Block[] = [
    context('Copy the details from the approved quote. Optional fields can stay empty.'),
    header('Deal'),
    textInput(values, 'quoteNumber', 'Quote number', { placeholder: 'Q-1234', maxLength: 40 }),
    selectInput(values, 'region', 'Booking region', toOptions(REGIONS.map((region) => [region, region])), {
      hint: 'The region whose desk books and bills this order.',
    }),
    {
      type: 'input',
      block_id: 'urgent',
      optional: true,
      label: plain('Urgency'),
      element: {
        type: 'checkboxes',
        action_id: 'urgent',
        options: [option(URGENT_OPTION, 'Urgent: the customer has a hard deadline')],
        ...(values.urgent
          ? { initial_options: [option(URGENT_OPTION, 'Urgent: the customer has a hard deadline')] }
          : {}),
      },
    },
    header('Customer'),
    textInput(values, 'customerAccountName', 'Customer account name', { maxLength: 120 }),
    textInput(values, 'customerCrmId', 'CRM account ID', { placeholder: '0015g00000AbCdE', maxLength: 40 }),
    textInput(values, 'contactName', 'Customer contact', { maxLength: 120 }),
    emailInput(values, 'contactEmail', 'Contact e-mail'),
    header('Products'),
    selectInput(values, 'currency', 'Currency', toOptions(CURRENCY_CODES.map((code) => [code, code]))),
    textInput(values, 'lines', 'Product lines', {
      multiline: true,
      placeholder: LINE_EXAMPLE,
      hint: `One product per line: ${LINE_FORMAT}. Up to ${MAX_LINES} lines.`,
      maxLength: 3000,
    }),
    header('Subscription terms'),
    {
      type: 'input',
      block_id: 'subscriptionStart',
      label: plain('Subscription start'),
      element: {
        type: 'datepicker',
        action_id: 'subscriptionStart',
        ...(values.subscriptionStart ? { initial_date: values.subscriptionStart } : {}),
      },
    },
    selectInput(values, 'termMonths', 'Term', toOptions(TERM_MONTHS.map((m) => [String(m), termLabel(m)]))),
    selectInput(
      values,
      'billingFrequency',
      'Billing frequency',
      toOptions(Object.entries(BILLING_FREQUENCIES)),
    ),
    selectInput(values, 'renewalType', 'Renewal', toOptions(Object.entries(RENEWAL_TYPES))),
    {
      type: 'input',
      block_id: 'renewalNoticeDays',
      optional: true,
      label: plain('Renewal notice (days)'),
      hint: plain('Days of notice the customer must give to stop an auto-renewal.'),
      element: {
        type: 'number_input',
        action_id: 'renewalNoticeDays',
        is_decimal_allowed: false,
        min_value: '0',
        max_value: '365',
        ...(values.renewalNoticeDays ? { initial_value: values.renewalNoticeDays } : {}),
      },
    },
    selectInput(values, 'paymentTerms', 'Payment terms', toOptions(Object.entries(PAYMENT_TERMS))),
    textInput(values, 'discountNotes', 'Discounts', {
      optional: true,
      multiline: true,
      placeholder: 'e.g. 10 % multi-year discount approved by the VP Sales',
      maxLength: 1000,
    }),
    textInput(values, 'credits', 'Credits', { optional: true, placeholder: '0.00', maxLength: 20 }),
    textInput(values, 'oneTimeCharges', 'One-time charges', {
      optional: true,
      placeholder: '0.00',
      hint: 'Onboarding, setup or services billed once.',
      maxLength: 20,
    }),
    header('Billing'),
    textInput(values, 'invoiceRecipientName', 'Invoice recipient', { maxLength: 120 }),
    emailInput(values, 'invoiceRecipientEmail', 'Invoice e-mail'),
    textInput(values, 'downstreamNotes', 'Notes for billing and provisioning', {
      optional: true,
      multiline: true,
      maxLength: 2000,
    }),
  ];
  return {
    type: 'modal' as const,
    callback_id: callbackId ?? CALLBACK.intake,
    private_metadata: privateMetadata,
    title: plain(title ?? 'New booking', 24),
    submit: plain(submitLabel ?? 'Submit booking', 24),
    close: plain('Cancel', 24),
    blocks,
  };
}

interface TextOptions {
  placeholder?: string;
  hint?: string;
  optional?: boolean;
  multiline?: boolean;
  maxLength?: number;
}

function textInput(
  values: Partial<IntakeForm>,
  field: IntakeField,
  label: string,
  options: TextOptions = {},
) {
  const initial = values[field];
  return {
    type: 'input',
    block_id: field,
    label: plain(label),
    ...(options.optional ? { optional: true } : {}),
    ...(options.hint ? { hint: plain(options.hint, 2000) } : {}),
    element: {
      type: 'plain_text_input',
      action_id: field,
      ...(options.multiline ? { multiline: true } : {}),
      ...(options.maxLength ? { max_length: options.maxLength } : {}),
      ...(options.placeholder ? { placeholder: plain(options.placeholder, 150) } : {}),
      ...(typeof initial === 'string' && initial !== '' ? { initial_value: initial } : {}),
    },
  };
}

function emailInput(values: Partial<IntakeForm>, field: IntakeField, label: string) {
  const initial = values[field];
  return {
    type: 'input',
    block_id: field,
    label: plain(label),
    element: {
      type: 'email_text_input',
      action_id: field,
      placeholder: plain('name@company.com'),
      ...(typeof initial === 'string' && initial !== '' ? { initial_value: initial } : {}),
    },
  };
}

function selectInput(
  values: Partial<IntakeForm>,
  field: IntakeField,
  label: string,
  options: SelectOption[],
  extra: { hint?: string } = {},
) {
  const initial = options.find((candidate) => candidate.value === values[field]);
  return {
    type: 'input',
    block_id: field,
    label: plain(label),
    ...(extra.hint ? { hint: plain(extra.hint, 2000) } : {}),
    element: {
      type: 'static_select',
      action_id: field,
      placeholder: plain('Choose…'),
      options,
      ...(initial ? { initial_option: initial } : {}),
    },
  };
}

function toOptions(entries: readonly (readonly [string, string])[]): SelectOption[] {
  return entries.map(([value, label]) => option(value, label));
}
