// "Viewing as": whom the page acts as. Every click, command and message goes to the bot as that
// person, so their permissions, refusals, ephemeral messages, DMs and Home are theirs.

import type { PersonView } from '../page-types.ts';
import { h } from './dom.ts';

const GROUP_ORDER = ['Sales reps', 'APAC', 'EMEA', 'AMER', 'LATAM', 'The desk'];

function groupOf(person: PersonView): string {
  if (person.title.startsWith('Sales rep')) return 'Sales reps';
  return person.region ?? 'The desk';
}

export function createViewerSelect(
  people: PersonView[],
  current: string,
  onChange: (id: string) => void,
): HTMLElement {
  const select = h('select', { id: 'pg-viewer', class: 'pg-viewer-select', 'aria-label': 'Viewing as' });
  const groups = new Map<string, HTMLOptGroupElement>();
  for (const name of GROUP_ORDER) groups.set(name, h('optgroup', { label: name }));
  for (const person of people) {
    const group = groups.get(groupOf(person)) ?? groups.get('The desk')!;
    group.append(
      h(
        'option',
        { value: person.id, selected: person.id === current },
        `${person.realName} — ${person.title}`,
      ),
    );
  }
  select.append(...[...groups.values()].filter((group) => group.childElementCount > 0));
  select.addEventListener('change', () => onChange(select.value));
  return h('label', { class: 'pg-viewer' }, h('span', { class: 'pg-viewer-label' }, 'Viewing as'), select);
}
