// The test helper itself: fresh databases are migrated and isolated, and what they cost.
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { migrationStatus } from '../../src/db/migrations/migrations.ts';
import {
  createPgliteTestDatabase,
  createPostgresTestDatabase,
  createTestDatabase,
  type Database,
  pgliteTemplate,
  resetDatabase,
  suiteBackend,
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

describe('createPgliteTestDatabase', () => {
  it('gives migrated, independent databases', async () => {
    await time('template', () => pgliteTemplate());
    timings.push(`template source: ${templateTimings.source}`);
    const a = await time('clone #1', () => createPgliteTestDatabase());
    const b = await time('clone #2', () => createPgliteTestDatabase());
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
  it('copies the migrated template into a fresh database, isolated, and drops it on close', async () => {
    const a = (await time('postgres copy #1', () => createPostgresTestDatabase())) as Database;
    const b = (await time('postgres copy #2', () => createPostgresTestDatabase())) as Database;
    expect(a.kind).toBe('postgres');
    const name = async (db: Database) =>
      (await db.prisma.$queryRaw<Array<{ name: string }>>`SELECT current_database() AS name`)[0]!.name;
    const nameOfA = await name(a);
    try {
      expect(nameOfA).not.toBe(await name(b));
      expect((await migrationStatus(a)).upToDate).toBe(true);
      await a.prisma.referenceCounter.create({ data: { year: 2026, last: 1 } });
      expect(await b.prisma.referenceCounter.count()).toBe(0);
      await time('postgres reset', () => resetDatabase(a.prisma));
      expect(await a.prisma.referenceCounter.count()).toBe(0);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
    const probe = await openDatabase({ url: testDatabaseUrl() });
    try {
      const rows = await probe.prisma.$queryRaw<Array<{ n: bigint }>>`
        SELECT count(*) AS n FROM pg_database WHERE datname = ${nameOfA}`;
      expect(rows[0]?.n).toBe(0n);
    } finally {
      await probe.close();
    }
  });
});

describe('createTestDatabase', () => {
  it('opens a database of the backend the suite runs on (TEST_DATABASE_BACKEND)', async () => {
    const db = await createTestDatabase();
    try {
      expect(db.kind).toBe(suiteBackend());
    } finally {
      await db.close();
    }
  });
});
