// A delivery turns one outbox row into Slack calls, rendering from the database at send time.

import type { WebClient } from '@slack/web-api';
import type { DeskConfig } from '../../config/desk-config.ts';
import type { OutboxMessage } from '../../db/generated/client.ts';
import type { Db } from '../../db/types.ts';
import type { Clock } from '../../domain/clock.ts';
import type { PlaybookRegistry } from '../../domain/playbook/registry.ts';

export interface DeliveryContext {
  db: Db;
  slack: WebClient;
  playbooks: PlaybookRegistry;
  config: DeskConfig;
  clock: Clock;
}

/** Returns what Slack answered (stored on the row); throws a Slack error to retry or fail. */
export type Delivery = (row: OutboxMessage, ctx: DeliveryContext) => Promise<Record<string, unknown>>;

/** Every message the outbox posts carries its row id, so a resend after a crash can find it first. */
export const OUTBOX_METADATA_EVENT = 'booking_desk_outbox';

export function outboxMetadata(row: OutboxMessage) {
  return { event_type: OUTBOX_METADATA_EVENT, event_payload: { outbox_id: row.id.toString() } };
}

interface HistoryMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: { outbox_id?: unknown } };
}

/** How far back a lookup pages (200 messages a page): a busy desk channel, a long outage. */
const MAX_LOOKUP_PAGES = 10;

/**
 * After an earlier attempt that may have reached Slack (the process died before recording it),
 * looks for the message tagged with this row's id instead of posting it a second time. Pages on
 * past the newest 200 messages: the retry may come long after the post, in a busy channel.
 */
export async function findAlreadyPosted(
  ctx: DeliveryContext,
  row: OutboxMessage,
  channel: string,
  threadTs?: string,
): Promise<string | null> {
  if (row.attempts <= 1) return null;
  const oldest = (row.createdAt.getTime() / 1000 - 60).toFixed(6);
  let cursor: string | undefined;
  for (let page = 0; page < MAX_LOOKUP_PAGES; page++) {
    const query = { channel, oldest, include_all_metadata: true, limit: 200, ...(cursor ? { cursor } : {}) };
    const history = threadTs
      ? await ctx.slack.conversations.replies({ ...query, ts: threadTs })
      : await ctx.slack.conversations.history(query);
    const messages = (history.messages ?? []) as HistoryMessage[];
    const found = messages.find(
      (message) =>
        message.metadata?.event_type === OUTBOX_METADATA_EVENT &&
        String(message.metadata.event_payload?.outbox_id) === row.id.toString(),
    );
    if (found?.ts) return found.ts;
    cursor = history.response_metadata?.next_cursor || undefined;
    if (!cursor) return null;
  }
  return null;
}

export function requestIdOf(row: OutboxMessage): string {
  const args = row.args as { requestId?: unknown } | null;
  if (typeof args?.requestId !== 'string') throw new Error(`outbox row ${row.id} has no requestId`);
  return args.requestId;
}

/** The thread's permalink, for links in DMs; null until the status card is posted. */
export async function threadUrl(
  ctx: DeliveryContext,
  channel: string,
  parentTs: string | null,
): Promise<string | null> {
  if (!parentTs) return null;
  const answer = await ctx.slack.chat.getPermalink({ channel, message_ts: parentTs });
  return typeof answer.permalink === 'string' ? answer.permalink : null;
}

/** Opens (or finds) the bot's DM with a person. */
export async function dmChannel(ctx: DeliveryContext, userId: string): Promise<string> {
  const answer = await ctx.slack.conversations.open({ users: userId });
  const id = answer.channel?.id;
  if (!id) throw new Error(`no DM channel for ${userId}`);
  return id;
}
