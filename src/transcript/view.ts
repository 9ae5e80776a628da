// Modals and the App Home: a title bar, the blocks behind a side bar, the Cancel / Submit footer.

import { paint, visibleWidth } from './ansi.ts';
import { renderBlockLines } from './blocks.ts';
import { narrower, type RenderContext, resolveContext } from './context.ts';
import { isObj } from './json.ts';
import { textOf } from './text-object.ts';
import { indent } from './wrap.ts';

/** What is needed of a view: the emulator's StoredView and the bot's own view objects fit. */
export interface ViewLike {
  type: string;
  title?: unknown;
  submit?: unknown;
  close?: unknown;
  blocks: readonly unknown[];
  /** Not Slack's: the emulator's last `response_action: errors`, by block_id. */
  errors?: Readonly<Record<string, string>>;
  state?: { values: unknown };
}

export function renderView(view: ViewLike, ctx: RenderContext = {}): string {
  const resolved = resolveContext(ctx);
  const home = view.type === 'home';
  const title = home ? `Home · ${resolved.appName}` : textOf(view.title, resolved) || 'Modal';
  const kind = home ? '' : ` ${paint(resolved, 'dim', `(${view.type})`)}`;
  const head = `┏━ ${paint(resolved, 'bold', title)}${kind} `;
  const bar = paint(resolved, 'dim', '┃');
  const body = renderBlockLines(view.blocks, narrower(resolved, 2), {
    ...(view.errors ? { errors: view.errors } : {}),
    ...(isObj(view.state) ? { stateValues: view.state.values } : {}),
  });
  const buttons = home
    ? []
    : [
        `[ ${textOf(view.close, resolved) || 'Cancel'} ]`,
        ...(view.submit ? [paint(resolved, 'bold', `[ ${textOf(view.submit, resolved)} ]`)] : []),
      ];
  const footer = buttons.join('  ');
  const closing = footer ? `┗━ ${footer} ` : '┗';
  return [
    head + '━'.repeat(Math.max(3, resolved.width - visibleWidth(head))),
    ...indent(body, `${bar} `),
    closing + '━'.repeat(Math.max(3, resolved.width - visibleWidth(closing))),
  ].join('\n');
}
