// A tiny element builder: the page is plain DOM, built from data, with no framework.

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined>;

/** h('button', { class: 'x', disabled: true }, 'Send'): attributes set as given, false/null/undefined left out. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, ...children);
  return element;
}

export function append(parent: Element, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child);
  }
}

/** An element from trusted server-rendered HTML (the Block Kit renderer escapes everything it writes). */
export function fromHtml(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

export function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page has no #${id}`);
  return element as T;
}

/** A stable colour per person for their avatar, like Slack's default avatars. */
export function avatarColour(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `hsl(${hash % 360} 45% 42%)`;
}

export function avatar(
  person: { id: string; initials: string; realName: string },
  size = 'normal',
): HTMLElement {
  const node = h('span', {
    class: `pg-avatar pg-avatar-${size}`,
    title: person.realName,
    'aria-hidden': 'true',
  });
  node.textContent = person.initials;
  node.style.background = avatarColour(person.id);
  return node;
}
