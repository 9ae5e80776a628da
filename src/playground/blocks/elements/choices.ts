// Checkboxes and radio buttons: a group of labelled native inputs, each keeping its option object.
// Option text may be mrkdwn (Slack allows it here), with an optional description under it.

import { ATTR, CLASS } from '../contract.ts';
import { attr, flag, jsonAttr } from '../escape.ts';
import { isObject, objects, str } from '../guards.ts';
import { renderText } from '../text.ts';
import { type ElementSite, elementType, identity } from './site.ts';

export function renderChoices(site: ElementSite): string {
  const { element, ctx } = site;
  const radio = elementType(site) === 'radio_buttons';
  const initial = new Set(
    [
      ...(isObject(element.initial_option) ? [element.initial_option] : []),
      ...objects(element.initial_options),
    ].map((option) => str(option.value) ?? ''),
  );
  const choices = objects(element.options).map((option, index) => {
    const value = str(option.value) ?? '';
    const description = isObject(option.description)
      ? `<span class="bk-choice-description">${renderText(option.description, ctx)}</span>`
      : '';
    return (
      `<label class="bk-choice"><input type="${radio ? 'radio' : 'checkbox'}" class="${CLASS.choice}"` +
      `${attr('id', `${site.id}-${index}`)}${attr('name', radio ? site.id : undefined)}${attr('value', value)}` +
      `${jsonAttr(ATTR.option, option)}${flag('checked', initial.has(value))}>` +
      `<span class="bk-choice-body"><span class="bk-choice-text">${renderText(option.text, ctx)}</span>${description}</span></label>`
    );
  });
  const role = radio ? 'radiogroup' : 'group';
  const required = site.required ? ' aria-required="true"' : '';
  return `<div class="bk-choices bk-${radio ? 'radio-buttons' : 'checkboxes'}" role="${role}"${attr('id', site.id)}${identity(site)}${required}>${choices.join('')}</div>`;
}
