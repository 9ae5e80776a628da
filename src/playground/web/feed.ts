// A list of messages as Slack shows them: day dividers, avatar, name, time, the rendered body,
// "edited", "Only visible to you" for ephemeral messages, and "N replies" under a thread's parent.
// Updated in place by key, so a message whose HTML did not change keeps its DOM (and any open menu).

import type { MessageItem } from '../page-types.ts';
import { avatar, fromHtml, h } from './dom.ts';

export interface FeedOptions {
  /** Show "N replies", "Reply in thread" and day dividers (not inside the thread pane). */
  threads: boolean;
  onOpenThread(item: MessageItem): void;
}

function header(item: MessageItem): HTMLElement {
  return h(
    'div',
    { class: 'pg-message-header' },
    h('span', { class: 'pg-message-author' }, item.author.realName),
    item.author.isBot ? h('span', { class: 'pg-badge' }, 'APP') : null,
    h('time', { class: 'pg-message-time', datetime: item.ts }, item.time),
  );
}

function replies(item: MessageItem, options: FeedOptions): HTMLElement | null {
  if (!options.threads || item.replyCount === 0) return null;
  const faces = item.replyUsers.slice(0, 5).map((person) => avatar(person, 'tiny'));
  const link = h(
    'button',
    { type: 'button', class: 'pg-replies', 'data-thread-ts': item.ts },
    ...faces,
    h(
      'span',
      { class: 'pg-replies-count' },
      `${item.replyCount} ${item.replyCount === 1 ? 'reply' : 'replies'}`,
    ),
    item.lastReply ? h('span', { class: 'pg-replies-last' }, `Last reply ${item.lastReply}`) : null,
  );
  link.addEventListener('click', () => options.onOpenThread(item));
  return link;
}

function messageNode(item: MessageItem, options: FeedOptions): HTMLElement {
  const body = h('div', { class: 'pg-message-body' });
  body.append(fromHtml(item.html));
  const node = h(
    'div',
    {
      class: `pg-message${item.ephemeral ? ' pg-ephemeral' : ''}`,
      'data-key': item.key,
      'data-ts': item.ts,
      'data-author': item.author.id,
    },
    item.ephemeral ? h('div', { class: 'pg-ephemeral-note' }, 'Only visible to you') : null,
    h(
      'div',
      { class: 'pg-message-row' },
      avatar(item.author),
      h(
        'div',
        { class: 'pg-message-main' },
        header(item),
        body,
        item.edited ? h('span', { class: 'pg-edited' }, '(edited)') : null,
        replies(item, options),
      ),
    ),
  );
  if (options.threads && !item.ephemeral) {
    const reply = h(
      'button',
      { type: 'button', class: 'pg-reply-action', title: 'Reply in thread' },
      'Reply in thread',
    );
    reply.addEventListener('click', () => options.onOpenThread(item));
    node.append(h('div', { class: 'pg-message-actions' }, reply));
  }
  return node;
}

/** What a message node was built from, to skip rebuilding it when nothing changed. */
const builtFrom = new WeakMap<Element, string>();

function fingerprint(item: MessageItem): string {
  return JSON.stringify([item.html, item.time, item.edited, item.replyCount, item.lastReply, item.author.id]);
}

function isNearBottom(scroller: HTMLElement): boolean {
  return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 80;
}

/** Shows `items` in `list` (inside the scrolling `scroller`), keeping the view pinned to the newest. */
export function renderFeed(
  scroller: HTMLElement,
  list: HTMLElement,
  items: MessageItem[],
  options: FeedOptions,
): void {
  const pinned = isNearBottom(scroller) || list.childElementCount === 0;
  const existing = new Map<string, Element>();
  for (const child of list.querySelectorAll(':scope > [data-key]')) {
    existing.set(child.getAttribute('data-key') ?? '', child);
  }
  const next: Element[] = [];
  let day = '';
  for (const item of items) {
    if (options.threads && item.day !== day) {
      day = item.day;
      const key = `day:${day}`;
      next.push(
        existing.get(key) ??
          h('div', { class: 'pg-day', role: 'separator', 'data-key': key }, h('span', {}, day)),
      );
    }
    const print = fingerprint(item);
    const old = existing.get(item.key);
    if (old && builtFrom.get(old) === print) {
      next.push(old);
      continue;
    }
    const node = messageNode(item, options);
    builtFrom.set(node, print);
    next.push(node);
  }
  if (items.length === 0)
    next.push(
      existing.get('empty') ?? h('div', { class: 'pg-empty', 'data-key': 'empty' }, 'No messages yet.'),
    );
  // Moving a node that is already in place would close its open menus: only touch the list on change.
  const current = [...list.children];
  const same = current.length === next.length && current.every((child, index) => child === next[index]);
  if (!same) list.replaceChildren(...next);
  if (pinned) scroller.scrollTop = scroller.scrollHeight;
}
