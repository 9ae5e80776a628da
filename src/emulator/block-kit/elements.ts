/** Block elements: buttons, selects, inputs, pickers, and the places each may appear. */
import {
  checkId,
  checkLength,
  checkText,
  type Issues,
  isArray,
  isObject,
  type SurfaceIds,
} from './issues.ts';
import { LIMITS } from './limits.ts';

const SELECTS = [
  'static_select',
  'multi_static_select',
  'users_select',
  'multi_users_select',
  'conversations_select',
  'multi_conversations_select',
  'channels_select',
] as const;
const PICKERS = ['datepicker', 'timepicker'] as const;
const CHOICES = ['checkboxes', 'radio_buttons'] as const;
const TEXT_INPUTS = ['plain_text_input', 'number_input', 'email_text_input', 'url_text_input'] as const;

/** Element types allowed in each position. */
export const ELEMENTS_IN = {
  actions: new Set<string>(['button', 'overflow', ...SELECTS, ...PICKERS, ...CHOICES]),
  accessory: new Set<string>(['button', 'overflow', 'image', ...SELECTS, ...PICKERS, ...CHOICES]),
  input: new Set<string>([...TEXT_INPUTS, ...SELECTS, ...PICKERS, ...CHOICES]),
} as const;

export type ElementPosition = keyof typeof ELEMENTS_IN;

function checkOptions(issues: Issues, path: string, value: unknown, max: number, textMax: number): void {
  if (!isArray(value)) {
    issues.add(path, 'must be an array of options');
    return;
  }
  if (value.length === 0) issues.add(path, 'must provide at least 1 option');
  if (value.length > max) issues.add(path, `must provide no more than ${max} options`);
  const values = new Set<string>();
  value.forEach((option, i) => {
    const at = `${path}/${i}`;
    if (!isObject(option)) {
      issues.add(at, 'must be an option object');
      return;
    }
    checkText(issues, `${at}/text`, option.text, textMax, { required: true });
    checkLength(issues, `${at}/value`, option.value, LIMITS.optionValue, { required: true, min: 1 });
    checkText(issues, `${at}/description`, option.description, LIMITS.optionDescription);
    if (typeof option.value === 'string') {
      if (values.has(option.value)) issues.add(`${at}/value`, `duplicate option value "${option.value}"`);
      values.add(option.value);
    }
  });
}

function checkPlaceholder(issues: Issues, path: string, element: Record<string, unknown>): void {
  checkText(issues, `${path}/placeholder`, element.placeholder, LIMITS.placeholder, { plainOnly: true });
}

function checkButton(issues: Issues, path: string, el: Record<string, unknown>): void {
  checkText(issues, `${path}/text`, el.text, LIMITS.buttonText, { required: true, plainOnly: true });
  checkLength(issues, `${path}/value`, el.value, LIMITS.buttonValue);
  checkLength(issues, `${path}/url`, el.url, LIMITS.buttonUrl);
  if (el.style !== undefined && el.style !== 'primary' && el.style !== 'danger') {
    issues.add(`${path}/style`, 'must be one of primary, danger');
  }
}

function checkSelect(issues: Issues, path: string, el: Record<string, unknown>): void {
  checkPlaceholder(issues, path, el);
  if (el.type !== 'static_select' && el.type !== 'multi_static_select') return;
  if (el.options === undefined && el.option_groups === undefined) {
    issues.add(`${path}/options`, 'must provide options or option_groups');
  }
  if (el.options !== undefined) {
    checkOptions(issues, `${path}/options`, el.options, LIMITS.staticSelectOptions, LIMITS.optionText);
  }
}

function checkTextInput(issues: Issues, path: string, el: Record<string, unknown>): void {
  checkPlaceholder(issues, path, el);
  for (const key of ['min_length', 'max_length'] as const) {
    const n = el[key];
    if (n !== undefined && (typeof n !== 'number' || n < 0 || n > LIMITS.textInputLength)) {
      issues.add(`${path}/${key}`, `must be a number between 0 and ${LIMITS.textInputLength}`);
    }
  }
  if (el.type === 'number_input' && typeof el.is_decimal_allowed !== 'boolean') {
    issues.add(`${path}/is_decimal_allowed`, 'missing required field');
  }
}

function checkElementBody(issues: Issues, path: string, el: Record<string, unknown>): void {
  const type = String(el.type);
  if (type === 'button') checkButton(issues, path, el);
  else if ((SELECTS as readonly string[]).includes(type)) checkSelect(issues, path, el);
  else if ((TEXT_INPUTS as readonly string[]).includes(type)) checkTextInput(issues, path, el);
  else if (type === 'checkboxes')
    checkOptions(issues, `${path}/options`, el.options, LIMITS.checkboxOptions, LIMITS.optionText);
  else if (type === 'radio_buttons')
    checkOptions(issues, `${path}/options`, el.options, LIMITS.radioOptions, LIMITS.optionText);
  else if (type === 'overflow')
    checkOptions(issues, `${path}/options`, el.options, LIMITS.overflowOptions, LIMITS.optionText);
  else if (type === 'datepicker') {
    checkPlaceholder(issues, path, el);
    if (el.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(el.initial_date))) {
      issues.add(`${path}/initial_date`, 'must be a date in the format YYYY-MM-DD');
    }
  } else if (type === 'timepicker') {
    checkPlaceholder(issues, path, el);
    if (el.initial_time !== undefined && !/^\d{2}:\d{2}$/.test(String(el.initial_time))) {
      issues.add(`${path}/initial_time`, 'must be a time in the format HH:mm');
    }
  } else if (type === 'image') {
    checkLength(issues, `${path}/alt_text`, el.alt_text, LIMITS.altText, { required: true, min: 1 });
    if (el.image_url === undefined && el.slack_file === undefined)
      issues.add(`${path}/image_url`, 'missing required field');
    checkLength(issues, `${path}/image_url`, el.image_url, LIMITS.imageUrl);
  }
}

/** Checks one element at `position`, registering its action_id on the surface. */
export function checkElement(
  issues: Issues,
  path: string,
  element: unknown,
  position: ElementPosition,
  ids: SurfaceIds,
): void {
  if (!isObject(element)) {
    issues.add(path, 'must be an element object');
    return;
  }
  const type = element.type;
  if (typeof type !== 'string' || !ELEMENTS_IN[position].has(type)) {
    issues.add(`${path}/type`, `unsupported element type "${String(type)}" in ${position}`);
    return;
  }
  if (type !== 'image') checkId(issues, `${path}/action_id`, element.action_id, ids.actionIds, 'action_id');
  checkElementBody(issues, path, element);
}
