// Select menus as native <select> elements (keyboard, screen readers and browser tests all work):
// static options and option groups keep each option object; users and conversations come from the
// workspace in the context, with the initial one added when the workspace list lacks it.

import { ATTR } from '../contract.ts';
import { attr, escapeHtml, flag, jsonAttr } from '../escape.ts';
import { isObject, type JsonObject, objects, str, strings } from '../guards.ts';
import { textOf } from '../text.ts';
import { type ElementSite, elementType, identity, requiredAttrs } from './site.ts';

const MULTI = /^multi_/;

function optionHtml(option: JsonObject, selected: ReadonlySet<string>): string {
  const value = str(option.value) ?? '';
  return `<option${attr('value', value)}${jsonAttr(ATTR.option, option)}${flag('selected', selected.has(value))}>${escapeHtml(textOf(option.text) ?? value)}</option>`;
}

function placeholderOption(site: ElementSite, nothingSelected: boolean, multi: boolean): string {
  if (multi) return '';
  const text = textOf(site.element.placeholder) ?? 'Select an item';
  return `<option value="" disabled hidden${flag('selected', nothingSelected)}>${escapeHtml(text)}</option>`;
}

function selectTag(site: ElementSite, body: string): string {
  const multi = MULTI.test(elementType(site));
  const placeholder = isObject(site.element.placeholder) ? site.element.placeholder : undefined;
  return (
    `<select class="bk-select${multi ? ' bk-select-multi' : ''}"${attr('id', site.id)}${identity(site)}` +
    `${jsonAttr(ATTR.placeholder, placeholder)}${flag('multiple', multi)}${requiredAttrs(site)}>${body}</select>`
  );
}

function staticSelected(site: ElementSite): Set<string> {
  const { element } = site;
  const one = isObject(element.initial_option) ? [str(element.initial_option.value) ?? ''] : [];
  const many = objects(element.initial_options).map((option) => str(option.value) ?? '');
  return new Set([...one, ...many]);
}

export function renderStaticSelect(site: ElementSite): string {
  const selected = staticSelected(site);
  const multi = MULTI.test(elementType(site));
  const direct = objects(site.element.options).map((option) => optionHtml(option, selected));
  const groups = objects(site.element.option_groups).map(
    (group) =>
      `<optgroup${attr('label', textOf(group.label) ?? '')}>${objects(group.options)
        .map((option) => optionHtml(option, selected))
        .join('')}</optgroup>`,
  );
  return selectTag(
    site,
    placeholderOption(site, selected.size === 0, multi) + direct.join('') + groups.join(''),
  );
}

interface Entry {
  id: string;
  name: string;
}

function listSelect(
  site: ElementSite,
  entries: readonly Entry[],
  initial: readonly string[],
  label: (entry: Entry) => string,
): string {
  const multi = MULTI.test(elementType(site));
  const known = new Set(entries.map((entry) => entry.id));
  const all = [...entries, ...initial.filter((id) => !known.has(id)).map((id) => ({ id, name: id }))];
  const selected = new Set(initial);
  const options = all.map(
    (entry) =>
      `<option${attr('value', entry.id)}${flag('selected', selected.has(entry.id))}>${escapeHtml(label(entry))}</option>`,
  );
  return selectTag(site, placeholderOption(site, selected.size === 0, multi) + options.join(''));
}

export function renderUsersSelect(site: ElementSite): string {
  const { element, ctx } = site;
  const initial = [...strings([element.initial_user]), ...strings(element.initial_users)];
  const people = ctx.users().map((user) => ({ id: user.id, name: user.name }));
  const named = (entry: Entry) =>
    entry.name === entry.id ? (ctx.userName(entry.id) ?? entry.id) : entry.name;
  return listSelect(site, people, initial, named);
}

export function renderConversationsSelect(site: ElementSite): string {
  const { element, ctx } = site;
  const initial = [
    ...strings([element.initial_conversation, element.initial_channel]),
    ...strings(element.initial_conversations),
    ...strings(element.initial_channels),
  ];
  const conversations = (ctx.conversations?.() ?? []).map((entry) => ({ id: entry.id, name: entry.name }));
  const named = (entry: Entry) =>
    `#${entry.name === entry.id ? (ctx.channelName(entry.id) ?? entry.id) : entry.name}`;
  return listSelect(site, conversations, initial, named);
}
