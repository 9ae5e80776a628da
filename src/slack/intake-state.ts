// Reads the intake modal's state (Slack's view.state.values) into the domain's IntakeForm.

import { z } from 'zod';
import type { IntakeField, IntakeForm } from '../domain/booking/intake.ts';
import { URGENT_OPTION } from './views/intake-modal.ts';

const SelectedOptionSchema = z.object({ value: z.string() });

/** One element's state, as Slack sends it; unknown keys are ignored. */
const ElementStateSchema = z.object({
  type: z.string(),
  value: z.string().nullish(),
  selected_option: SelectedOptionSchema.nullish(),
  selected_options: z.array(SelectedOptionSchema).nullish(),
  selected_date: z.string().nullish(),
});

export const ViewStateValuesSchema = z.record(z.string(), z.record(z.string(), ElementStateSchema));
export type ViewStateValues = z.infer<typeof ViewStateValuesSchema>;

function element(values: ViewStateValues, field: IntakeField) {
  return values[field]?.[field];
}

function text(values: ViewStateValues, field: IntakeField): string {
  return element(values, field)?.value ?? '';
}

function selected(values: ViewStateValues, field: IntakeField): string | null {
  const state = element(values, field);
  return state?.selected_option?.value ?? state?.selected_date ?? null;
}

export function readIntakeForm(values: ViewStateValues): IntakeForm {
  return {
    quoteNumber: text(values, 'quoteNumber'),
    region: selected(values, 'region'),
    urgent: (element(values, 'urgent')?.selected_options ?? []).some(
      (choice) => choice.value === URGENT_OPTION,
    ),
    customerAccountName: text(values, 'customerAccountName'),
    customerCrmId: text(values, 'customerCrmId'),
    contactName: text(values, 'contactName'),
    contactEmail: text(values, 'contactEmail'),
    currency: selected(values, 'currency'),
    lines: text(values, 'lines'),
    subscriptionStart: selected(values, 'subscriptionStart'),
    termMonths: selected(values, 'termMonths'),
    billingFrequency: selected(values, 'billingFrequency'),
    renewalType: selected(values, 'renewalType'),
    renewalNoticeDays: text(values, 'renewalNoticeDays'),
    paymentTerms: selected(values, 'paymentTerms'),
    discountNotes: text(values, 'discountNotes'),
    credits: text(values, 'credits'),
    oneTimeCharges: text(values, 'oneTimeCharges'),
    invoiceRecipientName: text(values, 'invoiceRecipientName'),
    invoiceRecipientEmail: text(values, 'invoiceRecipientEmail'),
    downstreamNotes: text(values, 'downstreamNotes'),
  };
}

/** What the modal carries between opening and submission. Tampered metadata falls back to defaults. */
export const IntakeMetadataSchema = z.object({
  /** The rep's IANA time zone, to judge "start date too far in the past" by their calendar. */
  tz: z.string().max(64).default('UTC'),
  /** The channel /book was typed in. */
  channel: z.string().max(32).optional(),
  /** Set when the form amends an existing request. */
  requestId: z.string().uuid().optional(),
});
export type IntakeMetadata = z.infer<typeof IntakeMetadataSchema>;

export function readIntakeMetadata(raw: string | undefined): IntakeMetadata {
  try {
    const parsed = IntakeMetadataSchema.safeParse(JSON.parse(raw || '{}'));
    return parsed.success ? parsed.data : IntakeMetadataSchema.parse({});
  } catch {
    return IntakeMetadataSchema.parse({});
  }
}
