// Messages as a reader sees them: author, time, the blocks (or the text), replies indented under it.

import { DateTime } from 'luxon';
import { paint } from './ansi.ts';
import { renderBlockLines } from './blocks.ts';
import { type Ctx, narrower, type RenderContext, resolveContext } from './context.ts';
import { str } from './json.ts';
import { mrkdwnLines } from './mrkdwn.ts';
import { indent, wrapText } from './wrap.ts';

/** What is needed of a message: the emulator's StoredMessage fits. */
export interface MessageLike {
  ts: string;
  user?: string;
  username?: string;
  bot_id?: string;
  text?: string;
  blocks?: readonly unknown[];
  attachments?: readonly unknown[];
  edited?: { user: string; ts: string };
  reply_count?: number;
}

/** What is needed of an ephemeral message (the emulator's EphemeralMessage): `user` is who sees it. */
export interface EphemeralLike {
  ts: string;
  user: string;
  text?: string;
  blocks?: readonly unknown[];
}

export interface MessageOptions {
  /** Show "N replies" under a thread's parent. Default true. */
  replyCount?: boolean;
}

/** A Slack `ts` ("1700000000.000100") as local time in the context's zone. */
export function formatTs(ts: string, ctx: Pick<Ctx, 'timeZone'>): string {
  const at = DateTime.fromSeconds(Number(ts), { zone: ctx.timeZone });
  return /^\d+(\.\d+)?$/.test(ts) && at.isValid ? at.toFormat('yyyy-MM-dd HH:mm') : ts;
}

function bodyLines(message: MessageLike | EphemeralLike, ctx: Ctx): string[] {
  const body =
    message.blocks && message.blocks.length > 0
      ? renderBlockLines(message.blocks, ctx)
      : mrkdwnLines(message.text ?? '', ctx);
  const attachments = 'attachments' in message ? (message.attachments ?? []) : [];
  const extra = attachments.map((attachment) => {
    const fallback = typeof attachment === 'object' && attachment !== null && 'fallback' in attachment;
    const text = fallback ? str(attachment.fallback) : undefined;
    return paint(ctx, 'yellow', `[unsupported: attachment${text ? ` "${text}"` : ''}]`);
  });
  return [...body, ...extra];
}

function headerLines(author: string, app: boolean, ts: string, ctx: Ctx, notes: string[]): string[] {
  const badge = app ? ` ${paint(ctx, 'dim', 'APP')}` : '';
  const meta = [formatTs(ts, ctx), ...notes].join(' · ');
  return wrapText(`${paint(ctx, 'bold', author)}${badge}  ${paint(ctx, 'dim', meta)}`, ctx.width);
}

function messageLines(message: MessageLike, ctx: Ctx, options: MessageOptions = {}): string[] {
  const id = message.user ?? '';
  const author = (id ? ctx.userName(id) : undefined) ?? message.username ?? (id || 'unknown');
  const notes = message.edited ? ['(edited)'] : [];
  const replies = message.reply_count ?? 0;
  const footer =
    options.replyCount !== false && replies > 0
      ? [paint(ctx, 'dim', `💬 ${replies} ${replies === 1 ? 'reply' : 'replies'}`)]
      : [];
  return [
    ...headerLines(author, message.bot_id !== undefined, message.ts, ctx, notes),
    ...bodyLines(message, ctx),
    ...footer,
  ];
}

/** One message: "author APP  time · (edited)", then its blocks (or its text when it has none). */
export function renderMessage(
  message: MessageLike,
  ctx: RenderContext = {},
  options: MessageOptions = {},
): string {
  return messageLines(message, resolveContext(ctx), options).join('\n');
}

/** Several messages (a channel's history), oldest first, a blank line apart. */
export function renderMessages(messages: readonly MessageLike[], ctx: RenderContext = {}): string {
  const resolved = resolveContext(ctx);
  return messages.map((message) => messageLines(message, resolved).join('\n')).join('\n\n');
}

/** A thread: the parent, then each reply indented behind a `│` gutter. */
export function renderThread(
  parent: MessageLike,
  replies: readonly MessageLike[],
  ctx: RenderContext = {},
): string {
  const resolved = resolveContext(ctx);
  const inner = narrower(resolved, 4);
  const gutter = `  ${paint(resolved, 'dim', '│')} `;
  const replyLines = replies.flatMap((reply, index) => [
    ...(index > 0 ? [''] : []),
    ...messageLines(reply, inner, { replyCount: false }),
  ]);
  return [
    ...messageLines(parent, resolved, { replyCount: false }),
    ...(replies.length > 0 ? [''] : []),
    ...indent(replyLines, gutter),
  ].join('\n');
}

/** An ephemeral message: from the app, "only visible to @user". */
export function renderEphemeral(message: EphemeralLike, ctx: RenderContext = {}): string {
  const resolved = resolveContext(ctx);
  const to = `only visible to @${resolved.userName(message.user) ?? message.user}`;
  return [
    ...headerLines(resolved.appName, true, message.ts, resolved, [to]),
    ...bodyLines(message, resolved),
  ].join('\n');
}
