/**
 * A person submits a modal with exactly what the form shows (`view.state.values` as the Slack client
 * builds it). What the client itself refuses — an empty required field, text shorter than
 * `min_length`, a number that is not one — is answered with field errors and nothing is sent, as
 * in Slack. Anything the client could not have produced (unknown blocks or elements, options not
 * offered, a value of the wrong type) throws.
 */
import { isArray, isObject } from '../block-kit/issues.ts';
import type { Json, JsonObject, StoredView } from '../types.ts';
import type { PlatformDeps } from './context.ts';
import { type SubmissionResponse, send as sendSubmission } from './submissions.ts';
import { elementsOf, type PlacedElement } from './surface.ts';
import { buildStateValues, type InputValue } from './view-state.ts';

export interface SubmitViewStateInput {
  userId: string;
  /** Defaults to the top of the user's modal stack. */
  viewId?: string;
  /** block_id → action_id → state entry, as in a `view_submission` payload. */
  stateValues: JsonObject;
}

/** Field errors the client shows without sending anything. */
export interface IncompleteForm {
  outcome: 'incomplete';
  errors: Record<string, string>;
}

export type ViewStateSubmission = IncompleteForm | SubmissionResponse;

function viewOf(deps: PlatformDeps, input: SubmitViewStateInput): StoredView {
  const stack = deps.state.views.stackOf(input.userId);
  const view = input.viewId === undefined ? stack.at(-1) : stack.find((v) => v.id === input.viewId);
  if (!view) throw new Error(`no open modal ${input.viewId ?? ''} for ${input.userId}`.replace('  ', ' '));
  return view;
}

function strings(value: Json | undefined): string[] {
  return isArray(value) ? value.map((v) => (isObject(v) ? String(v.value) : String(v))) : [];
}

/** The entry's value in the shape `buildStateValues` takes. */
function inputValueOf(entry: JsonObject): InputValue {
  const single =
    entry.value ??
    entry.selected_date ??
    entry.selected_time ??
    entry.selected_user ??
    entry.selected_conversation ??
    entry.selected_channel;
  if (typeof single === 'string') return single;
  if (isObject(entry.selected_option)) return String(entry.selected_option.value);
  for (const key of ['selected_options', 'selected_users', 'selected_conversations', 'selected_channels']) {
    if (isArray(entry[key])) return strings(entry[key]);
  }
  return null;
}

function isEmpty(value: InputValue): boolean {
  return value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** What the Slack client says beside a field before anything is sent; undefined when it is fine. */
function clientError(placed: PlacedElement, value: InputValue): string | undefined {
  if (isEmpty(value))
    return placed.block.optional === true ? undefined : 'Please complete this required field.';
  const { element } = placed;
  if (typeof value !== 'string') return undefined;
  if (typeof element.min_length === 'number' && value.length < element.min_length) {
    return `Please enter at least ${element.min_length} characters.`;
  }
  if (element.type !== 'number_input') return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) return 'Please enter a number.';
  if (element.is_decimal_allowed !== true && !Number.isInteger(n)) return 'Please enter a whole number.';
  if (element.min_value !== undefined && n < Number(element.min_value))
    return `Please enter a number of at least ${String(element.min_value)}.`;
  if (element.max_value !== undefined && n > Number(element.max_value))
    return `Please enter a number of at most ${String(element.max_value)}.`;
  return undefined;
}

/** Throws synchronously for state the client could not have built; field errors are returned. */
export function submitViewState(
  deps: PlatformDeps,
  input: SubmitViewStateInput,
): Promise<ViewStateSubmission> {
  const view = viewOf(deps, input);
  const placed = elementsOf(view.blocks);
  // First what the client could not have sent at all: blocks or elements the view does not have.
  const extra: { blockId: string; actionId: string; entry: JsonObject }[] = [];
  for (const [blockId, block] of Object.entries(input.stateValues)) {
    if (!isObject(block)) throw new Error(`state of block "${blockId}" is not an object`);
    for (const actionId of Object.keys(block)) {
      const one = placed.find((p) => p.blockId === blockId && String(p.element.action_id) === actionId);
      if (!one) throw new Error(`no element "${actionId}" in block "${blockId}" of view ${view.id}`);
      const entry = entryOf(input.stateValues, one, view);
      if (one.blockType !== 'input' && entry) extra.push({ blockId, actionId, entry });
    }
  }
  const values: Record<string, InputValue> = {};
  const errors: Record<string, string> = {};
  for (const one of placed.filter((p) => p.blockType === 'input')) {
    const entry = entryOf(input.stateValues, one, view);
    const value = entry === undefined ? null : inputValueOf(entry);
    const error = clientError(one, value);
    if (error) errors[one.blockId] = error;
    values[String(one.element.action_id)] = value;
  }
  if (Object.keys(errors).length > 0) {
    const incomplete: IncompleteForm = { outcome: 'incomplete', errors };
    return Promise.resolve(incomplete);
  }
  const state = buildStateValues(view, values);
  // Slack sends the state of stateful elements outside input blocks too (a select in an actions block).
  for (const { blockId, actionId, entry } of extra) {
    const target = isObject(state[blockId]) ? (state[blockId] as JsonObject) : {};
    target[actionId] = entry;
    state[blockId] = target;
  }
  return sendSubmission(deps, input.userId, view, state);
}

/** The page's entry for an element, checked to be of the element's type. */
function entryOf(stateValues: JsonObject, one: PlacedElement, view: StoredView): JsonObject | undefined {
  const actionId = String(one.element.action_id);
  const block = stateValues[one.blockId];
  const entry = isObject(block) ? block[actionId] : undefined;
  if (entry === undefined) return undefined;
  if (!isObject(entry) || entry.type !== one.element.type) {
    throw new Error(`state of "${actionId}" in view ${view.id} is not a ${String(one.element.type)}`);
  }
  return entry;
}
