// Memory with a big desk: 100,000 requests in the database (a realistic spread of statuses, regions
// and steps, seed-requests.ts), then the desk lead opens the App Home, which lists every open
// request and this quarter's KPIs. Booking Desk runs as `npm start` runs it; its resident size and
// heap come from its own /metrics, its peak resident size from /proc. On PGlite the database lives in
// the app's process, so its memory counts; on PostgreSQL the server's does not.

import { stringify } from 'yaml';
import { type Database, openDatabase } from '../src/db/client.ts';
import { applyMigrations } from '../src/db/migrations/migrations.ts';
import { REGIONS } from '../src/domain/regions.ts';
import { aDeskConfig, PEOPLE } from '../test/support/desk-config.ts';
import { SIGNING_SECRET } from '../test/support/desk-harness.ts';
import { residentOf, startAppProcess } from './app-process.ts';
import { onEachBackend } from './bench-database.ts';
import { startBenchWorkspace } from './bench-slack.ts';
import { CallWatch } from './call-watch.ts';
import { seedRequests } from './seed-requests.ts';
import { fmt, mib } from './stats.ts';

export interface MemoryReading {
  rss: number;
  heapUsed: number;
}

export interface MemoryRow {
  backend: string;
  requests: number;
  open: number;
  seedSeconds: number;
  idle: MemoryReading;
  rendered: MemoryReading;
  /** Highest resident size of the process's life up to the render (startup and migrations included). */
  peakRss: number;
  renderMs: number;
  /** Blocks of the Home the lead got. */
  blocks: number;
}

/** Where a desk's requests stand: mostly done, a tenth still open across the seven steps. */
export const DESK_SPREAD = [
  { stage: { kind: 'completed' }, weight: 820 },
  { stage: { kind: 'rejected' }, weight: 30 },
  { stage: { kind: 'withdrawn' }, weight: 20 },
  { stage: { kind: 'cancelled' }, weight: 10 },
  { stage: { kind: 'open', step: 0, taken: false }, weight: 20 },
  { stage: { kind: 'open', step: 0, taken: true }, weight: 10 },
  { stage: { kind: 'open', step: 1, taken: true }, weight: 15 },
  { stage: { kind: 'open', step: 2, taken: false }, weight: 15 },
  { stage: { kind: 'open', step: 3, taken: true }, weight: 15 },
  { stage: { kind: 'open', step: 4, taken: false }, weight: 15 },
  { stage: { kind: 'open', step: 5, taken: true }, weight: 10 },
  { stage: { kind: 'open', step: 6, taken: false }, weight: 10 },
  { stage: { kind: 'changes_requested', step: 1 }, weight: 10 },
] as const;

/** Reps who booked the seeded requests (the workspace has them, so the app can reach them). */
const REQUESTERS = 400;

async function metricsOf(port: number): Promise<MemoryReading> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)`, 'm').exec(text)?.[1] ?? Number.NaN);
  return { rss: value('process_resident_memory_bytes'), heapUsed: value('nodejs_heap_size_used_bytes') };
}

async function seed(database: Database, requests: number): Promise<{ seconds: number; open: number }> {
  const { seconds } = await seedRequests(database.prisma, {
    count: requests,
    regions: REGIONS,
    stages: DESK_SPREAD,
    now: new Date(),
    openDays: 14,
    closedDays: 270,
    requesters: REQUESTERS,
  });
  const open = await database.prisma.bookingRequest.count({
    where: { status: { notIn: ['completed', 'rejected', 'withdrawn', 'cancelled'] } },
  });
  return { seconds, open };
}

async function measureOn(
  backend: string,
  databaseUrl: string,
  requests: number,
  dir: string,
): Promise<MemoryRow> {
  const database = await openDatabase({ url: databaseUrl, poolSize: 4 });
  let seeded: { seconds: number; open: number };
  try {
    await applyMigrations(database);
    seeded = await seed(database, requests);
  } finally {
    await database.close();
  }
  const { emulator } = await startBenchWorkspace({ reps: REQUESTERS + 1 });
  const watch = new CallWatch(emulator);
  const app = startAppProcess(
    {
      SLACK_BOT_TOKEN: emulator.botToken,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: emulator.apiUrl,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      LOG_LEVEL: 'info',
    },
    dir,
  );
  try {
    const port = await app.port;
    emulator.setAppUrl(await app.url);
    // At rest: the start-up jobs (SLA sweep, survey) have run and the process has settled.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const idle = await metricsOf(port);
    const lead = PEOPLE.lead.id;
    const mark = watch.mark();
    const started = performance.now();
    await emulator.sendEvent({ type: 'app_home_opened', user: lead, tab: 'home' });
    const published = await watch.next(
      mark,
      (call) => call.method === 'views.publish' && call.args.user_id === lead,
      'the lead’s Home',
      300_000,
    );
    const renderMs = performance.now() - started;
    const rendered = await metricsOf(port);
    const raw = published.args.view;
    const view = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { blocks?: unknown[] } | null;
    return {
      backend,
      requests,
      open: seeded.open,
      seedSeconds: seeded.seconds,
      idle,
      rendered,
      peakRss: (await residentOf(app.pid)).peak,
      renderMs,
      blocks: view?.blocks?.length ?? 0,
    };
  } finally {
    watch.close();
    await app.stop();
    await emulator.close();
  }
}

export function measureMemory(requests: number): Promise<MemoryRow[]> {
  return onEachBackend('mem', stringify(aDeskConfig()), (backend, dir) =>
    measureOn(backend.label, backend.url, requests, dir),
  );
}

export function memoryTable(rows: readonly MemoryRow[]): string {
  const lines = [
    '| database | requests (open) | at rest: RSS / heap used | lead’s Home rendered: RSS / heap used | peak RSS | Home render |',
    '|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    lines.push(
      `| ${row.backend} | ${fmt(row.requests)} (${fmt(row.open)}) | ${mib(row.idle.rss)} / ${mib(row.idle.heapUsed)} | ${mib(row.rendered.rss)} / ${mib(row.rendered.heapUsed)} | ${mib(row.peakRss)} | ${fmt(row.renderMs)} ms, ${row.blocks} blocks |`,
    );
  }
  return lines.join('\n');
}
