// One renderer per Block Kit element type; any other type is shown as a visible placeholder.

import { attr, escapeHtml } from '../escape.ts';
import { renderButton } from './button.ts';
import { renderChoices } from './choices.ts';
import { imageHtml } from './image.ts';
import { renderDatepicker, renderTextInput, renderTimepicker } from './inputs.ts';
import { renderOverflow } from './overflow.ts';
import { renderConversationsSelect, renderStaticSelect, renderUsersSelect } from './selects.ts';
import { type ElementSite, elementType } from './site.ts';

export type { ElementSite } from './site.ts';

const RENDERERS: Readonly<Record<string, (site: ElementSite) => string>> = {
  button: renderButton,
  overflow: renderOverflow,
  static_select: renderStaticSelect,
  multi_static_select: renderStaticSelect,
  users_select: renderUsersSelect,
  multi_users_select: renderUsersSelect,
  conversations_select: renderConversationsSelect,
  multi_conversations_select: renderConversationsSelect,
  channels_select: renderConversationsSelect,
  multi_channels_select: renderConversationsSelect,
  checkboxes: renderChoices,
  radio_buttons: renderChoices,
  datepicker: renderDatepicker,
  timepicker: renderTimepicker,
  plain_text_input: renderTextInput,
  number_input: renderTextInput,
  email_text_input: renderTextInput,
  url_text_input: renderTextInput,
  image: (site) => imageHtml(site.element, 'bk-image-element'),
};

/** Element types with a real rendering (everything else is a placeholder). */
export const SUPPORTED_ELEMENT_TYPES: ReadonlySet<string> = new Set(Object.keys(RENDERERS));

export function unsupportedElement(type: string): string {
  const shown = type === '' ? '(no type)' : type;
  return `<span class="bk-unsupported"${attr('data-unsupported-element', shown)}>${escapeHtml(`Unsupported element: ${shown}`)}</span>`;
}

export function renderElement(site: ElementSite): string {
  const type = elementType(site);
  const render = Object.hasOwn(RENDERERS, type) ? RENDERERS[type] : undefined;
  return render ? render(site) : unsupportedElement(type);
}
