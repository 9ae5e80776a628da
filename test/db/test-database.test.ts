// The test helper itself: fresh databases are migrated and isolated, and what they cost.
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { migrationStatus } from '../../src/db/migrations/migrations.ts';
import {
  createPostgresTestDatabase,
  createTestDatabase,
  type Database,
  pgliteTemplate,
  resetDatabase,
  templateTimings,
  testDatabaseUrl,
} from '../support/database.ts';

const timings: string[] = [];

afterAll(() => {
  // Printed for the record (vitest shows console output of the file).
  console.info(`[test-database timings] ${timings.join('; ')}`);
});

async function time<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await fn();
  timings.push(`${label} ${(performance.now() - started).toFixed(0)} ms`);
  return result;
}

describe('createTestDatabase (PGlite)', () => {
  it('gives migrated, independent databases', async () => {
    await time('template', () => pgliteTemplate());
    timings.push(`template source: ${templateTimings.source}`);
    const a = await time('clone #1', () => createTestDatabase());
    const b = await time('clone #2', () => createTestDatabase());
    try {
      expect((await migrationStatus(a)).upToDate).toBe(true);
      await a.prisma.referenceCounter.create({ data: { year: 2026, last: 7 } });
      expect(await b.prisma.referenceCounter.count()).toBe(0);
      for (let i = 0; i < 3; i++) {
        await a.prisma.referenceCounter.upsert({
          where: { year: 2026 },
          create: { year: 2026, last: 1 },
          update: { last: { increment: 1 } },
        });
        await time(`reset #${i + 1}`, () => resetDatabase(a.prisma));
      }
      expect(await a.prisma.referenceCounter.count()).toBe(0);
      // The template itself stays empty.
      const template = await openDatabase({ pglite: await pgliteTemplate(), ownsPglite: false });
      expect(await template.prisma.referenceCounter.count()).toBe(0);
      await template.close();
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe.skipIf(testDatabaseUrl() === undefined)('createPostgresTestDatabase', () => {
  it('migrates a fresh schema and drops it on close', async () => {
    const db = (await time('postgres schema + migrate', () => createPostgresTestDatabase())) as Database;
    expect(db.kind).toBe('postgres');
    const location = db.location;
    if (location.kind !== 'postgres') throw new Error('expected postgres');
    await db.prisma.referenceCounter.create({ data: { year: 2026, last: 1 } });
    await time('postgres reset', () => resetDatabase(db.prisma));
    expect(await db.prisma.referenceCounter.count()).toBe(0);
    await db.close();
    const probe = await openDatabase({ url: testDatabaseUrl() });
    try {
      const rows = await probe.prisma.$queryRaw<Array<{ n: bigint }>>`
        SELECT count(*) AS n FROM pg_namespace WHERE nspname = ${location.schema}`;
      expect(rows[0]?.n).toBe(0n);
    } finally {
      await probe.close();
    }
  });
});
