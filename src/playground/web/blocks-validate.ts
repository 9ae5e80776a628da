// What Slack's client checks before it sends a view_submission (required inputs, lengths, e-mail,
// URL and number formats), and the inline errors under inputs: the client's own, or the app's
// `response_action: "errors"` shown without re-rendering, so what the person typed stays.

import { ATTR, CLASS } from '../blocks/contract.ts';
import { isEmptyEntry, selectionOf } from './blocks-dom.ts';

type Control = HTMLInputElement | HTMLTextAreaElement;

function isControl(element: Element): element is Control {
  return element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement;
}

function formatProblem(control: Control, type: string): string | undefined {
  const { validity } = control;
  if (type === 'number_input') {
    if (validity.badInput) return 'Please enter a number.';
    if (validity.stepMismatch) return 'Please enter a whole number.';
    const { min, max } = control instanceof HTMLInputElement ? control : { min: '', max: '' };
    if (validity.rangeUnderflow || validity.rangeOverflow) {
      if (min !== '' && max !== '') return `Please enter a number between ${min} and ${max}.`;
      return validity.rangeUnderflow
        ? `Please enter a number no less than ${min}.`
        : `Please enter a number no more than ${max}.`;
    }
  }
  if (type === 'email_text_input' && validity.typeMismatch) return 'Please enter a valid email address.';
  if (type === 'url_text_input' && validity.typeMismatch) return 'Please enter a valid URL.';
  const length = control.value.length;
  if (control.minLength > 0 && length < control.minLength) {
    return `Please enter at least ${control.minLength} characters (you have ${length}).`;
  }
  if (control.maxLength >= 0 && length > control.maxLength) {
    return `Please enter no more than ${control.maxLength} characters (you have ${length}).`;
  }
  return undefined;
}

/** Inline errors by block_id for every input block under root that Slack's client would refuse. */
export function validateView(root: Element): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const block of root.querySelectorAll(`.${CLASS.inputBlock}`)) {
    const element = block.querySelector(`[${ATTR.elementType}]`);
    if (!element) continue;
    const blockId = block.getAttribute(ATTR.blockId) ?? '';
    const type = element.getAttribute(ATTR.elementType) ?? '';
    const optional = block.getAttribute(ATTR.optional) === 'true';
    const problem = isControl(element) ? formatProblem(element, type) : undefined;
    const empty = isEmptyEntry(selectionOf(element));
    if (empty && !(isControl(element) && element.validity.badInput)) {
      if (!optional) errors[blockId] = 'Please complete this required field.';
    } else if (problem) {
      errors[blockId] = problem;
    }
  }
  return errors;
}

export function clearErrors(root: Element): void {
  for (const error of root.querySelectorAll(`.${CLASS.error}, .bk-modal-errors`)) error.remove();
  for (const block of root.querySelectorAll(`.${CLASS.hasError}`)) block.classList.remove(CLASS.hasError);
}

function errorElement(doc: Document, message: string): HTMLElement {
  const error = doc.createElement('div');
  error.className = CLASS.error;
  error.setAttribute('role', 'alert');
  error.textContent = message;
  return error;
}

/**
 * Replaces the inline errors under root with `errors` (by block_id). Errors for block_ids that are
 * not inputs under root are listed at the top of the modal body; their block_ids are returned.
 */
export function showErrors(root: Element, errors: Readonly<Record<string, string>>): string[] {
  clearErrors(root);
  const doc = root.ownerDocument;
  const stray: string[] = [];
  for (const [blockId, message] of Object.entries(errors)) {
    const block = [...root.querySelectorAll(`.${CLASS.inputBlock}`)].find(
      (candidate) => candidate.getAttribute(ATTR.blockId) === blockId,
    );
    if (!block) {
      stray.push(blockId);
      continue;
    }
    const element = block.querySelector(`[${ATTR.elementType}]`);
    const error = errorElement(doc, message);
    if (element && element.parentElement === block) element.after(error);
    else block.append(error);
    block.classList.add(CLASS.hasError);
  }
  if (stray.length > 0) {
    const list = doc.createElement('div');
    list.className = 'bk-modal-errors';
    for (const blockId of stray) {
      list.append(
        errorElement(
          doc,
          `The app returned an error for "${blockId}", which is not an input of this view: ${errors[blockId]}`,
        ),
      );
    }
    const body = root.querySelector('.bk-modal-body') ?? root;
    body.prepend(list);
  }
  return stray;
}
