// What still stands between a step and its completion: unticked mandatory items, evidence that is
// missing or wrong, and deviations that were recorded but not yet sent back to the requester.

import { checkEvidence, type Evidence, type EvidenceInput } from '../playbook/evidence.ts';
import type { Step } from '../playbook/schema.ts';
import type { StepRecord } from './state.ts';

export interface CompletionGaps {
  uncheckedItems: string[];
  evidenceErrors: Record<string, string>;
  openDeviations: string[];
  /** The evidence as it will be recorded, when it is valid. */
  evidence: Evidence | null;
}

export function completionGaps(step: Step, record: StepRecord, input: EvidenceInput = {}): CompletionGaps {
  const uncheckedItems = step.checklist
    .filter((item) => item.mandatory && !record.checks[item.id]?.ticked)
    .map((item) => item.id);
  const checked = checkEvidence(step.evidence, input);
  const fields = step.decisions.record_deviation?.fields ?? [];
  const openDeviations = record.deviations.map(
    (deviation) => fields.find((field) => field.id === deviation.field)?.label ?? deviation.field,
  );
  return {
    uncheckedItems,
    evidenceErrors: checked.ok ? {} : checked.errors,
    openDeviations,
    evidence: checked.ok ? checked.evidence : null,
  };
}

export function hasGaps(gaps: CompletionGaps): boolean {
  return (
    gaps.uncheckedItems.length > 0 ||
    Object.keys(gaps.evidenceErrors).length > 0 ||
    gaps.openDeviations.length > 0
  );
}

/** One line per gap, in the order people work: checklist, evidence, then deviations. */
export function describeGaps(step: Step, gaps: CompletionGaps): string[] {
  const items = gaps.uncheckedItems.map((id) => {
    const label = step.checklist.find((item) => item.id === id)?.label ?? id;
    return `Tick "${label}".`;
  });
  const deviations = gaps.openDeviations.map(
    (field) => `Send the deviation on ${field} back to the requester (request changes).`,
  );
  return [...items, ...Object.values(gaps.evidenceErrors), ...deviations];
}
