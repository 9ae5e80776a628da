// The three surfaces: a message's body (blocks, or its mrkdwn text when it has none), a modal (title,
// blocks with inline errors, close and submit) and the App Home. Each root says which surface it is
// and carries the ids the browser module reports with an action.

import { renderBlocks } from './blocks.ts';
import { domId, type RenderContext } from './context.ts';
import { ATTR } from './contract.ts';
import { attr, escapeHtml } from './escape.ts';
import { isObject, type JsonObject, list, str } from './guards.ts';
import { errorHtml } from './input-block.ts';
import { renderMrkdwn } from './mrkdwn.ts';
import { renderPlainText, textOf } from './text.ts';

export interface MessageLike {
  text?: string;
  blocks?: readonly unknown[];
  user?: string;
  bot_id?: string;
  ts?: string;
  channel?: string;
  thread_ts?: string;
}

/** The message's content (no avatar, name or time: the page shell draws those). */
export function renderMessage(message: MessageLike, ctx: RenderContext): string {
  const prefix = ctx.idPrefix ?? domId('m', message.channel ?? '', message.ts ?? '');
  const inner: RenderContext = { ...ctx, surface: 'message', idPrefix: prefix };
  const blocks = message.blocks ?? [];
  const body =
    blocks.length > 0
      ? renderBlocks(blocks, inner)
      : `<div class="bk-message-text">${renderMrkdwn(message.text ?? '', inner)}</div>`;
  return (
    `<div class="bk-message-body"${attr(ATTR.surface, 'message')}${attr(ATTR.channel, message.channel)}` +
    `${attr(ATTR.ts, message.ts)}${attr(ATTR.threadTs, message.thread_ts)}>${body}</div>`
  );
}

function viewPrefix(view: JsonObject, fallback: string): string {
  return domId(fallback, str(view.id) ?? str(view.callback_id) ?? 'view');
}

export type ModalContext = RenderContext & {
  /** Inline errors by block_id, from the app's `response_action: "errors"`. */
  errors?: Readonly<Record<string, string>>;
};

/** Errors for block_ids that are not inputs of the view: Slack would fail the submission; we say why. */
function strayErrors(view: JsonObject, errors: Readonly<Record<string, string>>): string {
  const inputs = new Set(
    list(view.blocks).flatMap((block) =>
      isObject(block) && block.type === 'input' && typeof block.block_id === 'string' ? [block.block_id] : [],
    ),
  );
  const stray = Object.entries(errors).filter(([blockId]) => !inputs.has(blockId));
  if (stray.length === 0) return '';
  const lines = stray.map(([blockId, message]) =>
    errorHtml(`The app returned an error for "${blockId}", which is not an input of this view: ${message}`),
  );
  return `<div class="bk-modal-errors">${lines.join('')}</div>`;
}

export function renderModal(view: unknown, ctx: ModalContext): string {
  const modal = isObject(view) ? view : {};
  const prefix = ctx.idPrefix ?? viewPrefix(modal, 'v');
  const { errors = {}, ...rest } = ctx;
  const inner: RenderContext = { ...rest, surface: 'modal', idPrefix: prefix };
  const titleId = `${prefix}-title`;
  const title = renderPlainText(textOf(modal.title) ?? '');
  const close = renderPlainText(textOf(modal.close) ?? 'Cancel');
  const submit = isObject(modal.submit)
    ? `<button type="submit" class="bk-btn bk-btn-primary"${attr(ATTR.modalAction, 'submit')}>${renderPlainText(textOf(modal.submit) ?? 'Submit')}</button>`
    : '';
  const blocks = Array.isArray(modal.blocks)
    ? renderBlocks(modal.blocks, inner, { errors })
    : `<div class="bk-unsupported">${escapeHtml('Unsupported view: it has no blocks')}</div>`;
  return (
    `<form class="bk-modal" novalidate role="dialog" aria-modal="true"${attr('aria-labelledby', titleId)}` +
    `${attr(ATTR.surface, 'modal')}${attr(ATTR.viewId, str(modal.id))}${attr(ATTR.callbackId, str(modal.callback_id))}>` +
    `<header class="bk-modal-header"><h2 class="bk-modal-title"${attr('id', titleId)}>${title}</h2>` +
    `<button type="button" class="bk-modal-x"${attr(ATTR.modalAction, 'close')} aria-label="Close">×</button></header>` +
    `<div class="bk-modal-body">${strayErrors(modal, errors)}${blocks}</div>` +
    `<footer class="bk-modal-footer"><button type="button" class="bk-btn"${attr(ATTR.modalAction, 'close')}>${close}</button>${submit}</footer>` +
    `</form>`
  );
}

export function renderHome(view: unknown, ctx: RenderContext): string {
  const home = isObject(view) ? view : {};
  const inner: RenderContext = { ...ctx, surface: 'home', idPrefix: ctx.idPrefix ?? viewPrefix(home, 'h') };
  return `<div class="bk-home"${attr(ATTR.surface, 'home')}${attr(ATTR.viewId, str(home.id))}>${renderBlocks(list(home.blocks), inner)}</div>`;
}
