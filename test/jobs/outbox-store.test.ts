import { expect, it } from 'vitest';
import {
  claimDueOutbox,
  enqueueOutbox,
  failOutbox,
  markOutboxSent,
  type OutboxEntry,
  rescheduleOutbox,
} from '../../src/db/outbox.ts';
import { forEachDatabase } from '../support/database.ts';

const t0 = new Date('2026-11-23T10:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

function entry(key: string, orderingKey: string): OutboxEntry {
  return {
    requestId: null,
    kind: 'test',
    method: 'chat.postMessage',
    args: { key },
    idempotencyKey: key,
    orderingKey,
    at: t0,
  };
}

forEachDatabase('outbox store', (database) => {
  const enqueue = (...entries: OutboxEntry[]) =>
    database.prisma.$transaction((tx) => enqueueOutbox(tx, entries));
  const claim = (owner: string, now = t0, limit = 10) =>
    claimDueOutbox(database.prisma, { owner, now, leaseMs: 30_000, limit });
  const keys = (rows: { args: unknown }[]) => rows.map((row) => (row.args as { key: string }).key);

  it('claims the oldest pending row of each ordering key, and the next only after it is done', async () => {
    await enqueue(entry('a1', 'A'), entry('a2', 'A'), entry('b1', 'B'));
    const first = await claim('one');
    expect(keys(first)).toEqual(['a1', 'b1']);
    expect(first.every((row) => row.attempts === 1 && row.leaseOwner === 'one')).toBe(true);
    expect(await claim('two')).toEqual([]);
    await markOutboxSent(database.prisma, first[0]!.id, 'one', { ts: '1.1' }, t0);
    expect(keys(await claim('two'))).toEqual(['a2']);
  });

  it('holds back a later row while an earlier one waits for its retry', async () => {
    await enqueue(entry('a1', 'A'), entry('a2', 'A'));
    const [row] = await claim('one');
    await rescheduleOutbox(database.prisma, row!.id, 'one', at(60), 'HTTP 503');
    expect(await claim('one', at(30))).toEqual([]);
    const retried = await claim('one', at(61));
    expect(keys(retried)).toEqual(['a1']);
    expect(retried[0]).toMatchObject({ attempts: 2, lastError: 'HTTP 503' });
  });

  it("gives a crashed owner's rows to another after the lease, and ignores the late owner", async () => {
    await enqueue(entry('a1', 'A'));
    const [row] = await claim('crashed');
    expect(await claim('survivor', at(10))).toEqual([]);
    const taken = await claim('survivor', at(31));
    expect(keys(taken)).toEqual(['a1']);
    expect(await markOutboxSent(database.prisma, row!.id, 'crashed', {}, at(32))).toBe(false);
    expect(await markOutboxSent(database.prisma, row!.id, 'survivor', {}, at(32))).toBe(true);
  });

  it('lets a failed row stop blocking its ordering key', async () => {
    await enqueue(entry('a1', 'A'), entry('a2', 'A'));
    const [row] = await claim('one');
    await failOutbox(database.prisma, row!.id, 'one', 'channel_not_found', t0);
    expect(keys(await claim('one'))).toEqual(['a2']);
  });

  it('never gives one row to two concurrent claimers', async () => {
    await enqueue(...Array.from({ length: 40 }, (_, index) => entry(`k${index}`, `key${index}`)));
    const claims = await Promise.all(Array.from({ length: 4 }, (_, index) => claim(`owner${index}`, t0, 15)));
    const all = claims.flatMap(keys);
    expect(all).toHaveLength(40);
    expect(new Set(all).size).toBe(40);
  });

  it('refuses the same idempotency key twice', async () => {
    await enqueue(entry('same', 'A'));
    await expect(enqueue(entry('same', 'B'))).rejects.toThrow();
    expect(await database.prisma.outboxMessage.count()).toBe(1);
  });
});
