// The aubergine sidebar: the workspace's name, the desk channel, the DM with the bot and the app's
// Home. Selecting one shows it in the main pane.

import type { WorkspaceView } from '../page-types.ts';
import { avatar, h } from './dom.ts';

export type Pane = { kind: 'channel' } | { kind: 'app'; tab: 'home' | 'messages' };

function item(label: Node[], selected: boolean, testId: string, onSelect: () => void): HTMLElement {
  const button = h(
    'button',
    {
      type: 'button',
      class: `pg-side-item${selected ? ' pg-selected' : ''}`,
      'data-nav': testId,
      'aria-current': selected ? 'page' : null,
    },
    ...label,
  );
  button.addEventListener('click', onSelect);
  return h('li', {}, button);
}

export function renderSidebar(
  root: HTMLElement,
  workspace: WorkspaceView,
  pane: Pane,
  select: (pane: Pane) => void,
): void {
  const isChannel = pane.kind === 'channel';
  const isMessages = pane.kind === 'app' && pane.tab === 'messages';
  const isHome = pane.kind === 'app' && pane.tab === 'home';
  root.replaceChildren(
    h(
      'div',
      { class: 'pg-side-team' },
      h('span', { class: 'pg-side-team-name' }, workspace.name),
      h('span', { class: 'pg-side-caret' }, '▾'),
    ),
    h('div', { class: 'pg-side-section' }, 'Channels'),
    h(
      'ul',
      { class: 'pg-side-list' },
      item(
        [h('span', { class: 'pg-hash' }, '#'), document.createTextNode(workspace.deskChannel.name)],
        isChannel,
        'channel',
        () => select({ kind: 'channel' }),
      ),
    ),
    h('div', { class: 'pg-side-section' }, 'Direct messages'),
    h(
      'ul',
      { class: 'pg-side-list' },
      item(
        [
          avatar(workspace.bot, 'tiny'),
          document.createTextNode(workspace.bot.realName),
          h('span', { class: 'pg-badge' }, 'APP'),
        ],
        isMessages,
        'dm',
        () => select({ kind: 'app', tab: 'messages' }),
      ),
    ),
    h('div', { class: 'pg-side-section' }, 'Apps'),
    h(
      'ul',
      { class: 'pg-side-list' },
      item(
        [
          h('span', { class: 'pg-home-icon' }, '⌂'),
          document.createTextNode(`${workspace.bot.realName} · Home`),
        ],
        isHome,
        'home',
        () => select({ kind: 'app', tab: 'home' }),
      ),
    ),
  );
}
