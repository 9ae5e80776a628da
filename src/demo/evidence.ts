// Filling a step's Complete modal as a specialist would: read the inputs the modal shows and type
// something sensible into each, by field where the demo knows a good answer, else by input type.

import type { InputValue, JsonObject, StoredView } from '../emulator/index.ts';
import { elementsOf, optionValues } from './posted-ui.ts';

/** Answers the demo gives for the default playbook's evidence fields, by field (action_id). */
const ANSWERS: Readonly<Record<string, string>> = {
  quote_version: 'v3, approved by the deal desk',
  quote_valid_until: '2026-12-31',
  contract_reference: 'CTR-2026-0042',
  billing_account_id: 'BA-20931',
  crm_order_id: 'SO-104233',
  billing_reference: 'SUB-2026-00123',
  first_invoice_number: 'INV-000981',
  provisioning_ticket_id: 'PROV-1234',
  ticket_due_date: '2026-12-01',
  exceptions: 'None',
};

export interface EvidenceContext {
  /** Who a "person" input (users_select) names, e.g. the provisioning ticket owner. */
  owner: string;
  /** A date to use where the demo has no better one (YYYY-MM-DD). */
  fallbackDate: string;
}

function placeholderOf(element: JsonObject): string | undefined {
  const placeholder = element.placeholder;
  if (typeof placeholder !== 'object' || placeholder === null || Array.isArray(placeholder)) return undefined;
  return typeof placeholder.text === 'string' ? placeholder.text : undefined;
}

function guess(element: JsonObject, context: EvidenceContext): InputValue {
  switch (element.type) {
    case 'datepicker':
      return context.fallbackDate;
    case 'users_select':
      return context.owner;
    case 'static_select':
    case 'radio_buttons':
      return optionValues(element)[0] ?? null;
    case 'plain_text_input':
      return placeholderOf(element) ?? 'Checked';
    default:
      return null;
  }
}

/** Values by action_id for every input of the modal; optional inputs only where the demo has an answer. */
export function evidenceValues(view: StoredView, context: EvidenceContext): Record<string, InputValue> {
  const values: Record<string, InputValue> = {};
  for (const { blockType, block, element } of elementsOf(view.blocks)) {
    if (blockType !== 'input' || typeof element.action_id !== 'string') continue;
    const id = element.action_id;
    const answer = ANSWERS[id];
    if (answer !== undefined) values[id] = answer;
    else if (block.optional !== true) values[id] = guess(element, context);
  }
  return values;
}
