// Holds Slack (the emulator) against the outbox: every message a row was to post is there exactly
// once, found by the outbox id each post carries in its metadata, and nothing else was posted.

import type { PrismaClient } from '../../src/db/client.ts';
import type { SlackEmulator, StoredMessage } from '../../src/emulator/index.ts';
import { DESK_CHANNEL } from './desk-config.ts';

export interface PostAudit {
  /** Rows still pending or given up. */
  undelivered: string[];
  /** Row ids posted more than once. */
  duplicates: string[];
  /** Rows that were to post a message Slack does not have. */
  missing: string[];
  /** Messages carrying an outbox id no posting row explains. */
  unexplained: string[];
  /** Messages checked. */
  posted: number;
}

/** Every message the bot posted: the desk channel, each card's thread and the DMs of `people`. */
export function botMessages(emulator: SlackEmulator, people: readonly string[]): StoredMessage[] {
  const cards = emulator.messagesIn(DESK_CHANNEL);
  return [
    ...cards,
    ...cards.flatMap((card) => emulator.threadOf(DESK_CHANNEL, card.ts)),
    ...[...new Set(people)].flatMap((person) => emulator.dmWith(person)),
  ];
}

export function outboxIdOf(message: StoredMessage): string | undefined {
  const id = message.metadata?.event_payload.outbox_id;
  return typeof id === 'string' ? id : undefined;
}

/** A delivery may skip on purpose (not worth a DM, request gone); "already posted" did post. */
function meantToPost(result: unknown): boolean {
  const skipped = (result as { skipped?: unknown } | null)?.skipped;
  return skipped === undefined || skipped === 'already posted';
}

export async function auditPosts(
  prisma: PrismaClient,
  messages: readonly StoredMessage[],
): Promise<PostAudit> {
  const rows = await prisma.outboxMessage.findMany({
    where: { method: 'chat.postMessage' },
    select: { id: true, status: true, result: true, kind: true, lastError: true },
  });
  const counts = new Map<string, number>();
  for (const message of messages) {
    const id = outboxIdOf(message);
    if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const expected = rows.filter((row) => row.status === 'sent' && meantToPost(row.result));
  const known = new Set(expected.map((row) => row.id.toString()));
  return {
    undelivered: rows
      .filter((row) => row.status !== 'sent')
      .map((row) => `${row.id} ${row.kind} ${row.status}: ${row.lastError ?? ''}`),
    duplicates: [...counts].filter(([, count]) => count > 1).map(([id, count]) => `${id} ×${count}`),
    missing: [...known].filter((id) => !counts.has(id)),
    unexplained: [...counts.keys()].filter((id) => !known.has(id)),
    posted: messages.length,
  };
}
