import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client.ts';
import { Prisma } from '../../src/db/generated/client.ts';
import { applyMigrations } from '../../src/db/migrations/migrations.ts';
import { resolveDatabaseUrl } from '../../src/db/url.ts';
import { forEachBackend, resetDatabase } from '../support/database.ts';

const SUBMITTED_AT = new Date('2026-03-04T05:06:07.089Z');

function requestData(reference: string) {
  return {
    reference,
    requesterId: 'U123',
    region: 'emea',
    status: 'submitted',
    quoteNumber: 'Q-1001',
    deskChannel: 'C-DESK',
    submittedAt: SUBMITTED_AT,
    playbookId: 'subscription_booking',
    playbookVersion: 1,
    workflow: { stored: 'as json' },
  };
}

function termsData(version: number) {
  return {
    version,
    quoteNumber: 'Q-1001',
    customerAccountName: 'Acme GmbH',
    customerCrmId: 'crm-1',
    contactName: 'Ada',
    contactEmail: 'ada@example.com',
    subscriptionStart: new Date('2026-04-01T00:00:00Z'),
    termMonths: 36,
    billingFrequency: 'annually',
    renewalType: 'auto_renew',
    renewalNoticeDays: 60,
    currency: 'EUR',
    paymentTerms: 'net_30',
    // Beyond Number.MAX_SAFE_INTEGER: must survive as a BigInt.
    creditsMinor: 9_007_199_254_740_993n,
    oneTimeChargesMinor: -125n,
    invoiceRecipientName: 'Accounts',
    invoiceRecipientEmail: 'ap@example.com',
    createdById: 'U123',
  };
}

forEachBackend('openDatabase', (backend) => {
  let db: Database;

  beforeAll(async () => {
    db = await backend.create();
  });

  afterAll(async () => {
    await db?.close();
  });

  beforeEach(async () => {
    await resetDatabase(db.prisma);
  });

  it('reports its kind and answers ping', async () => {
    expect(db.kind).toBe(backend.name);
    await expect(db.ping()).resolves.toBe(true);
  });

  it('round-trips BigInt money, Json and Timestamptz', async () => {
    const created = await db.prisma.bookingRequest.create({
      data: {
        ...requestData('BK-2026-000001'),
        terms: { create: termsData(1) },
        lines: {
          create: [
            {
              version: 1,
              position: 1,
              sku: 'SKU-1',
              description: 'Seats',
              quantity: 50,
              unitPriceMinor: 12_345n,
            },
          ],
        },
        audit: {
          create: {
            actorId: 'U123',
            action: 'request.submitted',
            at: SUBMITTED_AT,
            after: {
              status: 'submitted',
              lines: [{ sku: 'SKU-1', qty: 50 }],
              note: null,
              ratio: 0.15,
              text: 'ü €',
            },
          },
        },
      },
    });
    const found = await db.prisma.bookingRequest.findUniqueOrThrow({
      where: { id: created.id },
      include: { terms: true, lines: true, audit: true },
    });
    expect(found.submittedAt.toISOString()).toBe(SUBMITTED_AT.toISOString());
    expect(found.version).toBe(1);
    expect(found.terms[0]?.creditsMinor).toBe(9_007_199_254_740_993n);
    expect(found.terms[0]?.oneTimeChargesMinor).toBe(-125n);
    expect(found.terms[0]?.subscriptionStart.toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(found.lines[0]?.unitPriceMinor).toBe(12_345n);
    expect(found.audit[0]?.id).toBe(1n);
    expect(found.audit[0]?.after).toEqual({
      status: 'submitted',
      lines: [{ sku: 'SKU-1', qty: 50 }],
      note: null,
      ratio: 0.15,
      text: 'ü €',
    });
    expect(found.audit[0]?.before).toBeNull();

    const outbox = await db.prisma.outboxMessage.create({
      data: {
        requestId: created.id,
        kind: 'status_card.post',
        method: 'chat.postMessage',
        args: { channel: 'C-DESK', blocks: [] },
        idempotencyKey: 'k1',
        orderingKey: created.id,
        nextAttemptAt: SUBMITTED_AT,
        createdAt: SUBMITTED_AT,
      },
    });
    expect(outbox.args).toEqual({ channel: 'C-DESK', blocks: [] });
    expect(outbox.result).toBeNull();
  });

  it('rolls back an interactive transaction that throws', async () => {
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.bookingRequest.create({ data: requestData('BK-ROLLBACK') });
        await tx.referenceCounter.create({ data: { year: 2026, last: 1 } });
        expect(await tx.bookingRequest.count()).toBe(1);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await db.prisma.bookingRequest.count()).toBe(0);
    expect(await db.prisma.referenceCounter.count()).toBe(0);
  });

  it('commits an interactive transaction (compare-and-set on version)', async () => {
    const created = await db.prisma.bookingRequest.create({ data: requestData('BK-CAS') });
    await db.prisma.$transaction(async (tx) => {
      const updated = await tx.bookingRequest.updateMany({
        where: { id: created.id, version: 1 },
        data: { status: 'in_review', version: { increment: 1 } },
      });
      expect(updated.count).toBe(1);
    });
    const stale = await db.prisma.bookingRequest.updateMany({
      where: { id: created.id, version: 1 },
      data: { status: 'booked' },
    });
    expect(stale.count).toBe(0);
    expect(await db.prisma.bookingRequest.findUnique({ where: { id: created.id } })).toMatchObject({
      status: 'in_review',
      version: 2,
    });
  });

  it('raises P2002 on a unique violation, and the row is not written', async () => {
    await db.prisma.bookingRequest.create({ data: requestData('BK-DUP') });
    const error = await db.prisma.bookingRequest.create({ data: requestData('BK-DUP') }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect((error as Prisma.PrismaClientKnownRequestError).code).toBe('P2002');
    expect(await db.prisma.bookingRequest.count()).toBe(1);
  });

  it('resetDatabase empties the tables and restarts identities', async () => {
    await db.prisma.auditEvent.create({ data: { actorId: 'U1', action: 'x', at: SUBMITTED_AT } });
    await resetDatabase(db.prisma);
    expect(await db.prisma.auditEvent.count()).toBe(0);
    const next = await db.prisma.auditEvent.create({
      data: { actorId: 'U1', action: 'y', at: SUBMITTED_AT },
    });
    expect(next.id).toBe(1n);
  });
});

describe('openDatabase with a PGlite directory', () => {
  let scratch: string;
  const opened: Database[] = [];

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'booking-desk-client-'));
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((db) => db.close()));
  });

  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('creates the directory, persists data across reopen, and closes idempotently', async () => {
    const dir = path.join(scratch, 'data', 'pg');
    await applyMigrations(dir);
    const first = await openDatabase({ url: dir });
    opened.push(first);
    expect(first.kind).toBe('pglite');
    expect(first.location).toEqual({ kind: 'pglite', dir });
    expect((await stat(dir)).isDirectory()).toBe(true);
    await first.prisma.referenceCounter.create({ data: { year: 2026, last: 41 } });
    await first.close();
    await first.close();
    expect(first.pglite?.closed).toBe(true);
    expect(await first.ping()).toBe(false);

    const second = await openDatabase({ pgliteDir: dir });
    opened.push(second);
    expect(await second.prisma.referenceCounter.findUnique({ where: { year: 2026 } })).toEqual({
      year: 2026,
      last: 41,
    });
  });
});

describe('resolveDatabaseUrl', () => {
  it('defaults to ./data/pg and reads paths and file: URLs as PGlite directories', () => {
    expect(resolveDatabaseUrl(undefined, '/srv/app')).toEqual({ kind: 'pglite', dir: '/srv/app/data/pg' });
    expect(resolveDatabaseUrl('  ', '/srv/app')).toEqual({ kind: 'pglite', dir: '/srv/app/data/pg' });
    expect(resolveDatabaseUrl('var/db', '/srv/app')).toEqual({ kind: 'pglite', dir: '/srv/app/var/db' });
    expect(resolveDatabaseUrl('/abs/db', '/srv/app')).toEqual({ kind: 'pglite', dir: '/abs/db' });
    expect(resolveDatabaseUrl('file:./db', '/srv/app')).toEqual({ kind: 'pglite', dir: '/srv/app/db' });
    expect(resolveDatabaseUrl('file:///abs/db', '/srv/app')).toEqual({ kind: 'pglite', dir: '/abs/db' });
    expect(resolveDatabaseUrl('memory://')).toEqual({ kind: 'pglite', dir: undefined });
  });

  it('reads postgresql:// URLs, moving schema into search_path', () => {
    expect(resolveDatabaseUrl('postgresql://u:p@db:5432/app?schema=tenant_1&sslmode=disable')).toEqual({
      kind: 'postgres',
      connectionString: 'postgresql://u:p@db:5432/app?sslmode=disable',
      schema: 'tenant_1',
      options: '-c search_path="tenant_1"',
    });
    expect(resolveDatabaseUrl('postgres://db/app')).toMatchObject({ kind: 'postgres', schema: undefined });
  });

  it('rejects other schemes and unsafe schema names', () => {
    expect(() => resolveDatabaseUrl('mysql://db/app')).toThrow(/Unsupported DATABASE_URL scheme/);
    expect(() => resolveDatabaseUrl('postgresql://db/app?schema=a;drop')).toThrow(/Invalid schema/);
  });
});
