// Evidence a step asks for when it is completed: typed fields declared by the playbook, and the check
// of what a person typed against them (one message per field, naming the field and how to fix it).

import { DateTime } from 'luxon';
import { z } from 'zod';

/** Ids inside a playbook: lower snake case, so they are stable keys in JSON and Block Kit action ids. */
export const PlaybookIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,47}$/, 'must be lower snake case (a-z, 0-9, "_"), at most 48 characters');

export const LabelSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');

export const OptionSchema = z.strictObject({ id: PlaybookIdSchema, label: LabelSchema });
export type Option = z.infer<typeof OptionSchema>;

const fieldBase = {
  id: PlaybookIdSchema,
  label: LabelSchema,
  /** Optional fields may be left empty; a value given is still checked. */
  required: z.boolean().default(true),
  hint: z.string().max(300).optional(),
};

const RegexSourceSchema = z.string().refine(compiles, 'is not a valid regular expression');

const ReferenceFieldSchema = z
  .strictObject({
    ...fieldBase,
    type: z.literal('reference'),
    /** Matched against the whole value (it is anchored for you). */
    pattern: RegexSourceSchema,
    /** Shown when a value does not match, so people see what a good one looks like. */
    example: z.string().min(1),
  })
  .superRefine((field, ctx) => {
    if (compiles(field.pattern) && !wholeMatch(field.pattern, field.example)) {
      ctx.addIssue({
        code: 'custom',
        path: ['example'],
        message: `"${field.example}" does not match the pattern ${field.pattern}`,
      });
    }
  });

export const EvidenceFieldSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...fieldBase, type: z.literal('text'), maxLength: z.number().int().positive().max(3000) }),
  ReferenceFieldSchema,
  z.strictObject({ ...fieldBase, type: z.literal('date') }),
  z.strictObject({ ...fieldBase, type: z.literal('slack_user') }),
  z.strictObject({ ...fieldBase, type: z.literal('choice'), options: z.array(OptionSchema).min(1) }),
]);
export type EvidenceField = z.infer<typeof EvidenceFieldSchema>;
export type EvidenceFieldInput = z.input<typeof EvidenceFieldSchema>;
export type EvidenceFieldType = EvidenceField['type'];

/** What a person typed, by field id; empty strings and missing keys both mean "left empty". */
export type EvidenceInput = Readonly<Record<string, string | null | undefined>>;
/** Evidence as recorded: trimmed values of the fields that were filled in. */
export type Evidence = Record<string, string>;

export type EvidenceCheck = { ok: true; evidence: Evidence } | { ok: false; errors: Record<string, string> };

// Slack user ids: U… for ordinary members, W… for Enterprise Grid members.
const SLACK_USER = /^[UW][A-Z0-9]{2,20}$/;

/** Checks every field at once; unknown keys are refused so a renamed field cannot vanish silently. */
export function checkEvidence(fields: readonly EvidenceField[], input: EvidenceInput = {}): EvidenceCheck {
  const errors: Record<string, string> = {};
  const evidence: Evidence = {};
  for (const field of fields) {
    const value = (input[field.id] ?? '').trim();
    const error =
      value === '' ? (field.required ? `${field.label} is required.` : null) : checkValue(field, value);
    if (error) errors[field.id] = error;
    else if (value !== '') evidence[field.id] = value;
  }
  for (const key of Object.keys(input)) {
    if (!fields.some((field) => field.id === key) && (input[key] ?? '').trim() !== '') {
      errors[key] = `"${key}" is not evidence this step asks for.`;
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, evidence };
}

function checkValue(field: EvidenceField, value: string): string | null {
  switch (field.type) {
    case 'text':
      return value.length > field.maxLength
        ? `${field.label} must be at most ${field.maxLength} characters (it has ${value.length}).`
        : null;
    case 'reference':
      return wholeMatch(field.pattern, value)
        ? null
        : `${field.label} "${value.slice(0, 60)}" does not look right; write it like ${field.example}.`;
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid
        ? null
        : `${field.label} must be a calendar date (YYYY-MM-DD).`;
    case 'slack_user':
      return SLACK_USER.test(value)
        ? null
        : `${field.label} must be a Slack member (a user id like U0123ABCD).`;
    case 'choice':
      return field.options.some((option) => option.id === value)
        ? null
        : `${field.label} must be one of: ${field.options.map((option) => option.label).join(', ')}.`;
  }
}

function compiles(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

function wholeMatch(source: string, value: string): boolean {
  return new RegExp(`^(?:${source})$`).test(value);
}
