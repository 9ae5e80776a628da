// The end-of-quarter burst: 1,000 open requests whose approval SLA has just lapsed (seeded in the
// database, as a real quarter end leaves them), one SLA sweep, and the outbox delivering every
// escalation ping through an emulator that enforces Slack's pace — chat.postMessage about one a second
// per channel with short bursts, every other method its tier — answering 429 + Retry-After beyond it.
// Every ping must arrive exactly once; the figure is the time to drain.
//
// At Slack's real pace 1,000 pings in one channel take about 17 minutes, so the run is scaled: the
// emulator's rates and the outbox's own channel spacing both run `speed` times faster, and the
// real-pace figure is stated by arithmetic beside the measured one.

import { type Database, openDatabase } from '../src/db/client.ts';
import { applyMigrations } from '../src/db/migrations/migrations.ts';
import { DEFAULT_OUTBOX_OPTIONS } from '../src/jobs/outbox-dispatcher.ts';
import { ShiftedClock } from '../src/system-clock.ts';
import { DESK_CHANNEL } from '../test/support/desk-config.ts';
import { startDesk } from '../test/support/desk-harness.ts';
import { createBenchSchema, postgresBaseUrl } from './bench-database.ts';
import { startBenchWorkspace } from './bench-slack.ts';
import { seedRequests } from './seed-requests.ts';
import { fmt } from './stats.ts';

/** Reps who booked the seeded requests (bench-slack.ts numbers them). */
const REQUESTERS = 200;

/** Two days before the quarter closes, mid-morning in EMEA: the desk is open and in its period-end window. */
const QUARTER_END_MORNING = new Date('2026-12-30T10:00:00Z');

export interface BurstRow {
  backend: string;
  requests: number;
  speed: number;
  sweepMs: number;
  pings: number;
  /** Threads that got exactly one ping. */
  pingedOnce: number;
  lostPings: number;
  /** From the sweep's start to the last ping in Slack, and to the last outbox row sent. */
  pingsDrainedMs: number;
  allDrainedMs: number;
  refused: Record<string, number>;
  /** Outbox rows given up, by kind. */
  failed: Record<string, number>;
  violations: number;
}

async function seedBreached(database: Database, requests: number, cards: readonly string[]): Promise<void> {
  const db = database.prisma;
  await seedRequests(db, {
    count: requests,
    regions: ['EMEA'],
    stages: [{ stage: { kind: 'open', step: 0, taken: true }, weight: 1 }],
    now: QUARTER_END_MORNING,
    openDays: 3,
    closedDays: 2,
    requesters: REQUESTERS,
  });
  const ids = (await db.bookingRequest.findMany({ select: { id: true }, orderBy: { reference: 'asc' } })).map(
    (row) => row.id,
  );
  // Each request's status card is in the desk channel: the pings go to its thread.
  const values = ids.map((id, index) => `('${id}'::uuid, '${cards[index]}')`).join(', ');
  await db.$executeRawUnsafe(
    `UPDATE "BookingRequest" r SET "parentTs" = v.ts FROM (VALUES ${values}) v(id, ts) WHERE r."id" = v.id`,
  );
  // The approval budget ran out half an hour ago; both reminders went out earlier.
  const now = `'${QUARTER_END_MORNING.toISOString()}'::timestamptz`;
  await db.$executeRawUnsafe(`
    UPDATE "SlaClock" SET "status" = 'running', "consumedMinutes" = "targetMinutes" + 30,
      "runningSince" = ${now}, "dueAt" = ${now} - interval '30 minutes', "breachedAt" = NULL,
      "alertsFired" = 2, "nextCheckAt" = ${now} - interval '1 minute', "stoppedAt" = NULL
    WHERE "key" = 'approval'`);
}

async function measureOn(
  backend: string,
  database: Database,
  requests: number,
  speed: number,
): Promise<BurstRow> {
  const { emulator } = await startBenchWorkspace({ rateLimits: { speed }, reps: REQUESTERS + 1 });
  const botUser = emulator.botUserId;
  const cards = Array.from(
    { length: requests },
    (_, index) =>
      emulator.addMessage({ channel: DESK_CHANNEL, user: botUser, text: `Status card ${index + 1}` }).ts,
  );
  await seedBreached(database, requests, cards);
  const clock = new ShiftedClock(QUARTER_END_MORNING);
  const harness = await startDesk({
    database,
    emulator,
    clock,
    // Production's outbox, its desk-channel spacing scaled like the emulator's pace.
    outbox: { ...DEFAULT_OUTBOX_OPTIONS, channelIntervalMs: 1000 / speed },
  });
  try {
    const started = performance.now();
    const startedAt = Date.now();
    const summary = await harness.desk.sla.sweepNow();
    const sweepMs = performance.now() - started;
    const db = database.prisma;
    for (;;) {
      const pending = await db.outboxMessage.count({ where: { status: 'pending' } });
      if (pending === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const allDrainedMs = performance.now() - started;
    const calls = emulator.calls.filter((call) => call.at >= startedAt);
    const pings = calls.filter((call) => call.method === 'chat.postMessage' && call.status === 200);
    const perThread = new Map<string, number>();
    for (const ping of pings) {
      const thread = String(ping.args.thread_ts);
      perThread.set(thread, (perThread.get(thread) ?? 0) + 1);
    }
    const refused: Record<string, number> = {};
    for (const call of calls.filter((candidate) => candidate.status === 429))
      refused[call.method] = (refused[call.method] ?? 0) + 1;
    const inThreads = cards.map((ts) => emulator.threadOf(DESK_CHANNEL, ts).length);
    return {
      backend,
      requests,
      speed,
      sweepMs,
      pings: summary.alerts,
      pingedOnce: inThreads.filter((count) => count === 1).length,
      lostPings: inThreads.filter((count) => count === 0).length,
      pingsDrainedMs: Math.max(...pings.map((ping) => ping.at)) - startedAt,
      allDrainedMs,
      refused,
      failed: Object.fromEntries(
        (await db.outboxMessage.groupBy({ by: ['kind'], where: { status: 'failed' }, _count: true })).map(
          (group) => [group.kind, group._count],
        ),
      ),
      violations: emulator.takeViolations().length,
    };
  } finally {
    await harness.stop();
    await emulator.close();
  }
}

export async function measureBurst(requests: number, speed: number): Promise<BurstRow[]> {
  const rows: BurstRow[] = [];
  const embedded = await openDatabase({ url: 'memory://' });
  try {
    await applyMigrations(embedded);
    rows.push(await measureOn('PGlite (in memory)', embedded, requests, speed));
  } finally {
    await embedded.close();
  }
  const base = postgresBaseUrl();
  if (base) {
    const schema = await createBenchSchema(base, 'bench_burst');
    const server = await openDatabase({ url: schema.url, poolSize: 4 });
    try {
      rows.push(await measureOn('PostgreSQL', server, requests, speed));
    } finally {
      await server.close();
      await schema.drop();
    }
  }
  return rows;
}

export function burstTable(rows: readonly BurstRow[]): string {
  const lines = [
    '| database | breached requests | pace | sweep | pings written / in Slack once / lost | last ping in Slack | outbox empty | 429s answered | rows given up |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    const list = (counts: Record<string, number>) =>
      Object.entries(counts)
        .map(([name, count]) => `${name} ${fmt(count)}`)
        .join(', ') || 'none';
    lines.push(
      `| ${row.backend} | ${fmt(row.requests)} | ${row.speed}× Slack | ${fmt(row.sweepMs)} ms | ${fmt(row.pings)} / ${fmt(row.pingedOnce)} / ${fmt(row.lostPings)} | ${fmt(row.pingsDrainedMs / 1000, 1)} s | ${fmt(row.allDrainedMs / 1000, 1)} s | ${list(row.refused)} | ${list(row.failed)} |`,
    );
  }
  return lines.join('\n');
}
