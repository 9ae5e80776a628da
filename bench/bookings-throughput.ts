// Complete bookings per second: many clients at once, each walking bookings from /book through all
// seven steps (booking-walk.ts), against Booking Desk run as `npm start` runs it, on embedded PGlite
// (on disk, the default) and on a fresh schema of the PostgreSQL server.
//
// Slack's pace is out of this figure on purpose: the emulator enforces no rate limit and the outbox
// does not pace the desk channel (OUTBOX_CHANNEL_INTERVAL_MS=0). It measures what the app can carry;
// Slack's own limit for one desk channel is stated beside it in BENCHMARKS.md.

import { mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import type { DeskConfig } from '../src/config/desk-config.ts';
import { ROLES, type Role } from '../src/domain/roles.ts';
import { aDeskConfig } from '../test/support/desk-config.ts';
import { SIGNING_SECRET } from '../test/support/desk-harness.ts';
import { startAppProcess } from './app-process.ts';
import { createBenchSchema, postgresBaseUrl } from './bench-database.ts';
import { type BenchWorkspace, startBenchWorkspace } from './bench-slack.ts';
import { modalLocks, type WalkContext, walkBooking } from './booking-walk.ts';
import { CallWatch, slackQuiet } from './call-watch.ts';
import { type CpuUse, cpuBetween, cpuSnapshot } from './machine.ts';
import { fmt } from './stats.ts';

export interface ThroughputOptions {
  bookings: number;
  clients: number;
  /** EMEA holders per role: each works many bookings at once, one modal at a time. */
  holdersPerRole: number;
  /** Where to keep a CPU profile of the app (`node --cpu-prof`), if anywhere. */
  cpuProfileDir?: string;
  /** The desk config (default: the test desk's). */
  deskConfig?: DeskConfig;
  /** Only these databases (default: both). */
  backends?: readonly ('pglite' | 'postgres')[];
}

export interface ThroughputRow {
  backend: string;
  bookings: number;
  clients: number;
  /** From the first /book to the last step's completion accepted. */
  seconds: number;
  /** Until Slack heard nothing more (every card update, DM and Home delivered). */
  drainedSeconds: number;
  slackRequests: number;
  webApiCalls: number;
  /** Web API calls by method over the measured bookings. */
  byMethod: Record<string, number>;
  cpu: CpuUse;
  violations: Record<string, number>;
  /** Modals the app opened after Slack's 3 s, so the person had to click again. */
  lateModals: number;
  /** Submissions the app answered with "slow, press Submit again". */
  slowSubmits: number;
}

async function runClients(
  workspace: BenchWorkspace,
  ctx: WalkContext,
  clients: number,
  bookings: number,
  prefix: string,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      const holders = Object.fromEntries(
        ROLES.map((role) => [role, workspace.holders[role][client % workspace.holders[role].length]!]),
      ) as Record<Role, string>;
      const people = { rep: workspace.reps[client]!, holders };
      for (let booking = next++; booking < bookings; booking = next++) {
        await walkBooking(ctx, people, `Q-${prefix}-${booking + 1}`);
      }
    }),
  );
}

async function measureOn(
  backend: string,
  databaseUrl: string,
  options: ThroughputOptions,
): Promise<ThroughputRow> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'booking-desk-throughput-'));
  await writeFile(path.join(dir, 'booking-desk.yml'), stringify(options.deskConfig ?? aDeskConfig()));
  const workspace = await startBenchWorkspace({
    reps: options.clients,
    holdersPerRole: options.holdersPerRole,
  });
  const { emulator } = workspace;
  const watch = new CallWatch(emulator);
  const app = startAppProcess(
    {
      SLACK_BOT_TOKEN: emulator.botToken,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: emulator.apiUrl,
      DATABASE_URL: databaseUrl || path.join(dir, 'pg'),
      PORT: '0',
      LOG_LEVEL: 'info',
      OUTBOX_CHANNEL_INTERVAL_MS: '0',
    },
    dir,
    { nodeArgs: options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [] },
  );
  const ctx: WalkContext = {
    emulator,
    watch,
    withModal: modalLocks(),
    sent: { requests: 0, lateModals: 0, slowSubmits: 0 },
  };
  try {
    emulator.setAppUrl(await app.url);
    // Every specialist has their Home open (the worst case for Home refreshes); the reps do not.
    for (const userId of ROLES.flatMap((role) => workspace.holders[role]))
      await emulator.client.openAppHome(userId);
    // Warm-up: every code path once, JIT and connection pool included.
    await runClients(workspace, ctx, Math.min(options.clients, 4), Math.min(options.clients, 4), 'WARM');
    await slackQuiet(emulator, 500, 30_000);
    const firstCall = emulator.calls.length;
    const before = await cpuSnapshot(app.pid);
    const requestsBefore = ctx.sent.requests;
    await runClients(workspace, ctx, options.clients, options.bookings, 'T');
    const done = await cpuSnapshot(app.pid);
    const lastCall = await slackQuiet(emulator, 1000, 120_000);
    return {
      backend,
      bookings: options.bookings,
      clients: options.clients,
      seconds: (done.at - before.at) / 1000,
      drainedSeconds: (lastCall - before.at) / 1000,
      slackRequests: ctx.sent.requests - requestsBefore,
      webApiCalls: emulator.calls.length - firstCall,
      byMethod: countBy(emulator.calls.slice(firstCall), (call) => call.method),
      cpu: cpuBetween(before, done),
      violations: countBy(emulator.takeViolations(), (violation) => violation.kind),
      lateModals: ctx.sent.lateModals,
      slowSubmits: ctx.sent.slowSubmits,
    };
  } finally {
    watch.close();
    await app.stop();
    await emulator.close();
    if (options.cpuProfileDir) await keepProfiles(dir, options.cpuProfileDir, backend);
    await rm(dir, { recursive: true, force: true });
  }
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

async function keepProfiles(from: string, to: string, backend: string): Promise<void> {
  for (const name of await readdir(from)) {
    if (name.endsWith('.cpuprofile'))
      await rename(path.join(from, name), path.join(to, `${backend.replace(/\W+/g, '-')}-${name}`));
  }
}

export async function measureThroughput(options: ThroughputOptions): Promise<ThroughputRow[]> {
  const backends = options.backends ?? ['pglite', 'postgres'];
  const rows: ThroughputRow[] = [];
  if (backends.includes('pglite')) rows.push(await measureOn('PGlite (embedded, on disk)', '', options));
  const base = postgresBaseUrl();
  if (base && backends.includes('postgres')) {
    const schema = await createBenchSchema(base, 'bench_tp');
    try {
      rows.push(await measureOn('PostgreSQL', schema.url, options));
    } finally {
      await schema.drop();
    }
  }
  return rows;
}

export function throughputTable(rows: readonly ThroughputRow[]): string {
  const lines = [
    '| database | bookings | clients | complete bookings/s | all Slack messages out | app CPU per booking | app process CPU | machine CPU busy |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    lines.push(
      `| ${row.backend} | ${fmt(row.bookings)} | ${row.clients} | ${fmt(row.bookings / row.seconds, 1)} | ${fmt(row.drainedSeconds, 1)} s (${fmt(row.bookings / row.drainedSeconds, 1)}/s) | ${fmt((1000 * row.cpu.appSeconds) / row.bookings, 1)} ms | ${fmt(row.cpu.appPercent)} % of a core | ${fmt(row.cpu.machinePercent)} % |`,
    );
  }
  return lines.join('\n');
}
