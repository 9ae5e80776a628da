// Reads a step modal's `view.state.values` (block_id → action_id → entry) back into what the domain's
// commands take. Never throws: a shape that does not parse, or a required input left blank, comes back
// as inline errors keyed by block_id, ready for `response_action: 'errors'`.

import { z } from 'zod';
import type { EvidenceInput } from '../../domain/playbook/evidence.ts';
import type { Step } from '../../domain/playbook/schema.ts';

/** Shortest rejection reason accepted (the modal's min_length says the same to the client). */
export const MIN_REASON = 10;

export type ModalRead<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

const EntrySchema = z.looseObject({
  type: z.string().optional(),
  value: z.string().nullish(),
  selected_date: z.string().nullish(),
  selected_user: z.string().nullish(),
  selected_option: z.looseObject({ value: z.string() }).nullish(),
});
type Entry = z.infer<typeof EntrySchema>;

const StateValuesSchema = z.record(z.string(), z.record(z.string(), z.unknown()));

/** One input's value as a trimmed string; null when left empty; undefined when it cannot be read. */
function entryValue(values: Record<string, Record<string, unknown>>, id: string): string | null | undefined {
  const raw = values[id]?.[id];
  if (raw === undefined || raw === null) return null;
  const parsed = EntrySchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const entry: Entry = parsed.data;
  const value =
    entry.value ?? entry.selected_date ?? entry.selected_user ?? entry.selected_option?.value ?? null;
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

type Spec = Readonly<Record<string, { required: boolean; label: string }>>;

/** Reads every input of `spec`; errors for unreadable entries and blank required inputs. */
export function readInputs(stateValues: unknown, spec: Spec): ModalRead<Record<string, string | null>> {
  const parsed = StateValuesSchema.safeParse(stateValues);
  if (!parsed.success) {
    const first = Object.keys(spec)[0] ?? 'form';
    return { ok: false, errors: { [first]: 'The form could not be read; please try again.' } };
  }
  const errors: Record<string, string> = {};
  const value: Record<string, string | null> = {};
  for (const [id, { required, label }] of Object.entries(spec)) {
    const read = entryValue(parsed.data, id);
    if (read === undefined) errors[id] = `${label} could not be read; please enter it again.`;
    else if (read === null && required) errors[id] = `${label} is required.`;
    else value[id] = read;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}

/**
 * The evidence typed into the complete-step modal, by field id, ready for `checkEvidence` (which checks
 * formats and required fields; blanks come back as null so it names them).
 */
export function readEvidence(stateValues: unknown, step: Step): ModalRead<EvidenceInput> {
  const spec = Object.fromEntries(
    step.evidence.map((field) => [field.id, { required: false, label: field.label }]),
  );
  return readInputs(stateValues, spec);
}

export interface RejectionInput {
  reason: string;
  category: string | null;
}

export function readRejection(stateValues: unknown): ModalRead<RejectionInput> {
  const read = readInputs(stateValues, {
    reason: { required: true, label: 'The reason' },
    category: { required: false, label: 'The reason category' },
  });
  if (!read.ok) return read;
  const reason = read.value.reason ?? '';
  if (reason.length < MIN_REASON) {
    return { ok: false, errors: { reason: `Write at least ${MIN_REASON} characters.` } };
  }
  return { ok: true, value: { reason, category: read.value.category ?? null } };
}

export interface ChangeRequestInput {
  note: string;
}

export function readChangeRequest(stateValues: unknown): ModalRead<ChangeRequestInput> {
  const read = readInputs(stateValues, { note: { required: true, label: 'The note' } });
  return read.ok ? { ok: true, value: { note: read.value.note ?? '' } } : read;
}

export interface DeviationInput {
  field: string;
  expected: string;
  actual: string;
  note: string;
}

export function readDeviation(stateValues: unknown): ModalRead<DeviationInput> {
  const read = readInputs(stateValues, {
    field: { required: true, label: 'The field' },
    expected: { required: true, label: 'The expected value' },
    actual: { required: true, label: 'The actual value' },
    note: { required: false, label: 'The note' },
  });
  if (!read.ok) return read;
  const { field, expected, actual, note } = read.value;
  return {
    ok: true,
    value: { field: field ?? '', expected: expected ?? '', actual: actual ?? '', note: note ?? '' },
  };
}

export interface EscalationInput {
  category: string;
  note: string;
}

export function readEscalation(stateValues: unknown): ModalRead<EscalationInput> {
  const read = readInputs(stateValues, {
    category: { required: true, label: 'The category' },
    note: { required: true, label: 'The note' },
  });
  if (!read.ok) return read;
  return { ok: true, value: { category: read.value.category ?? '', note: read.value.note ?? '' } };
}
