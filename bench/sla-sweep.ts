// SLA sweep cost with many open requests and nothing due (the minute tick's usual case), on the
// embedded database and, when TEST_DATABASE_URL is set, on PostgreSQL; and the business-minute
// arithmetic's throughput. The sweep reads only rows whose next check has come (an index range), so
// its cost should not grow with the number of open requests.

import { PGlite } from '@electric-sql/pglite';
import { type Database, openDatabase } from '../src/db/client.ts';
import { applyMigrations } from '../src/db/migrations/migrations.ts';
import { defaultRegionCalendars } from '../src/domain/calendar/index.ts';
import { DEFAULT_PLAYBOOK } from '../src/domain/playbook/default-playbook.ts';
import { createPlaybookRegistry } from '../src/domain/playbook/registry.ts';
import { REGIONS } from '../src/domain/regions.ts';
import { DEFAULT_SLA_POLICY } from '../src/domain/sla/policy.ts';
import { sweepSlaClocks } from '../src/jobs/sla-sweep.ts';
import { createLogger } from '../src/logger.ts';
import { aDeskConfig } from '../test/support/desk-config.ts';
import { percentile } from './stats.ts';

export interface SweepRow {
  backend: string;
  openRequests: number;
  p50: number;
  p99: number;
}

async function seed(database: Database, first: number, last: number): Promise<void> {
  const prisma = database.prisma;
  const policy = JSON.stringify(DEFAULT_SLA_POLICY);
  // In chunks: one statement of 100,000 rows is fine on a server but heavy on the embedded database.
  for (let from = first; from <= last; from += 10_000) {
    const to = Math.min(last, from + 9_999);
    await prisma.$executeRawUnsafe(`
      INSERT INTO "BookingRequest" ("id", "reference", "requesterId", "region", "status", "quoteNumber",
        "deskChannel", "playbookId", "playbookVersion", "workflow", "submittedAt", "updatedAt")
      SELECT gen_random_uuid(), 'BK-BENCH-' || g, 'U0REP', 'EMEA', 'submitted', 'Q-' || g, 'C0DESK',
        'default', 1, '{}'::jsonb, now(), now()
      FROM generate_series(${from}, ${to}) g`);
  }
  await prisma.$executeRawUnsafe(`
    INSERT INTO "SlaClock" ("id", "requestId", "key", "kind", "region", "targetMinutes", "policy",
      "startedAt", "consumedMinutes", "runningSince", "status", "dueAt", "alertsFired", "nextCheckAt", "updatedAt")
    SELECT gen_random_uuid(), "id", 'approval', 'approval', 'EMEA', 720, '${policy}'::jsonb, now(), 0, now(),
      'running', now() + interval '2 days', 0, now() + interval '1 minute' * (5 + floor(random() * 2000)), now()
    FROM "BookingRequest" WHERE "reference" LIKE 'BK-BENCH-%'
      AND NOT EXISTS (SELECT 1 FROM "SlaClock" c WHERE c."requestId" = "BookingRequest"."id")`);
  await prisma.$executeRawUnsafe('ANALYZE');
}

async function timeSweeps(database: Database, runs: number): Promise<number[]> {
  const deps = {
    db: database.prisma,
    clock: { now: () => new Date() },
    config: aDeskConfig(),
    playbooks: createPlaybookRegistry([DEFAULT_PLAYBOOK]),
    logger: createLogger('silent'),
    outboxWritten: () => {},
  };
  for (let warm = 0; warm < 20; warm++) await sweepSlaClocks(deps);
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const summary = await sweepSlaClocks(deps);
    samples.push(performance.now() - started);
    if (summary.clocks !== 0) throw new Error('the benchmark expects nothing to be due');
  }
  return samples;
}

async function measureBackend(backend: string, database: Database, sizes: readonly number[], runs: number) {
  const rows: SweepRow[] = [];
  for (const size of sizes) {
    const have = await database.prisma.slaClock.count();
    if (have < size) await seed(database, have + 1, size);
    const samples = await timeSweeps(database, runs);
    rows.push({ backend, openRequests: size, p50: percentile(samples, 50), p99: percentile(samples, 99) });
  }
  return rows;
}

export async function measureSweep(sizes: readonly number[], runs: number): Promise<SweepRow[]> {
  const pglite = new PGlite();
  await applyMigrations(pglite);
  const embedded = await openDatabase({ pglite });
  const rows: SweepRow[] = [];
  try {
    rows.push(...(await measureBackend('PGlite (in memory)', embedded, sizes, runs)));
  } finally {
    await embedded.close();
  }
  const base = process.env.TEST_DATABASE_URL?.trim();
  if (base) {
    const schema = `bench_${Date.now().toString(36)}`;
    const target = new URL(base);
    target.searchParams.set('schema', schema);
    const url = target.toString();
    await applyMigrations(url);
    const server = await openDatabase({ url, poolSize: 4 });
    try {
      rows.push(...(await measureBackend('PostgreSQL', server, sizes, runs)));
    } finally {
      await server.prisma.$executeRawUnsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await server.close();
    }
  }
  return rows;
}

export function sweepTable(rows: readonly SweepRow[]): string {
  const lines = [
    '| database | open requests (running clocks) | sweep p50 | sweep p99 |',
    '|---|---|---|---|',
  ];
  for (const row of rows) {
    lines.push(
      `| ${row.backend} | ${row.openRequests.toLocaleString('en')} | ${row.p50.toFixed(2)} ms | ${row.p99.toFixed(2)} ms |`,
    );
  }
  return lines.join('\n');
}

/** Operations per second of the calendar arithmetic, on random instants 2026–2028 in every region. */
export function measureCalendar(operations: number): string {
  const calendars = defaultRegionCalendars();
  const start = Date.UTC(2026, 0, 1);
  const span = Date.UTC(2029, 0, 1) - start;
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const instants = Array.from({ length: 1000 }, () => new Date(start + Math.floor(random() * span)));
  const minutes = Array.from({ length: 1000 }, () => 1 + Math.floor(random() * 5000));
  const lines = ['| region | addBusinessMinutes | businessMinutesBetween |', '|---|---|---|'];
  for (const region of REGIONS) {
    const calendar = calendars[region];
    for (const instant of instants) calendar.addBusinessMinutes(instant, 60); // warm the day cache
    const add = rate(operations, (i) => calendar.addBusinessMinutes(instants[i % 1000]!, minutes[i % 1000]!));
    // Spans of up to about ten weeks, like an SLA's life.
    const between = rate(operations, (i) => {
      const from = instants[i % 1000]!;
      return calendar.businessMinutesBetween(
        from,
        new Date(from.getTime() + minutes[i % 1000]! * 20 * 60_000),
      );
    });
    lines.push(`| ${region} | ${format(add)} ops/s | ${format(between)} ops/s |`);
  }
  return lines.join('\n');
}

function rate(operations: number, run: (i: number) => unknown): number {
  const started = performance.now();
  for (let i = 0; i < operations; i++) run(i);
  return operations / ((performance.now() - started) / 1000);
}

function format(value: number): string {
  return Math.round(value).toLocaleString('en');
}
