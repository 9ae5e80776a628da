// Typed inputs: plain text (single or multi-line), number, e-mail and URL, date and time pickers,
// with their placeholders, limits and initial values as native attributes.

import { attr, escapeHtml, flag } from '../escape.ts';
import { num, numText, str } from '../guards.ts';
import { textOf } from '../text.ts';
import { type ElementSite, elementType, identity, requiredAttrs } from './site.ts';

const INPUT_TYPES: Readonly<Record<string, string>> = {
  plain_text_input: 'text',
  number_input: 'number',
  email_text_input: 'email',
  url_text_input: 'url',
};

function common(site: ElementSite): string {
  return (
    attr('id', site.id) +
    identity(site) +
    attr('placeholder', textOf(site.element.placeholder)) +
    flag('autofocus', site.element.focus_on_load === true) +
    requiredAttrs(site)
  );
}

export function renderTextInput(site: ElementSite): string {
  const { element } = site;
  const type = elementType(site);
  const initial = str(element.initial_value);
  const limits = attr('minlength', num(element.min_length)) + attr('maxlength', num(element.max_length));
  if (type === 'plain_text_input' && element.multiline === true) {
    // The newline after the tag is eaten by the HTML parser, so one the initial value starts with stays.
    return `<textarea class="bk-input-control bk-textarea" rows="4"${common(site)}${limits}>\n${escapeHtml(initial ?? '')}</textarea>`;
  }
  const number =
    type === 'number_input'
      ? attr('step', element.is_decimal_allowed === true ? 'any' : '1') +
        attr('inputmode', element.is_decimal_allowed === true ? 'decimal' : 'numeric') +
        attr('min', numText(element.min_value)) +
        attr('max', numText(element.max_value))
      : limits;
  return `<input type="${INPUT_TYPES[type] ?? 'text'}" class="bk-input-control"${common(site)}${number}${attr('value', initial)}>`;
}

export function renderDatepicker(site: ElementSite): string {
  const initial = str(site.element.initial_date);
  const value = initial && /^\d{4}-\d{2}-\d{2}$/.test(initial) ? initial : undefined;
  return `<input type="date" class="bk-input-control bk-datepicker"${common(site)}${attr('value', value)}>`;
}

export function renderTimepicker(site: ElementSite): string {
  const initial = str(site.element.initial_time);
  const value = initial && /^\d{2}:\d{2}$/.test(initial) ? initial : undefined;
  return `<input type="time" class="bk-input-control bk-timepicker"${common(site)}${attr('value', value)}>`;
}
