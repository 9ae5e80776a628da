// `npm run bench`: prints the figures recorded in BENCHMARKS.md. BENCH_ONLY picks sections
// (comma-separated: ack, throughput, burst, memory, sla); sizes come from the BENCH_* variables below.

import { measureAckLatency } from './ack-latency.ts';
import { measureThroughput, throughputTable } from './bookings-throughput.ts';
import { burstTable, measureBurst } from './breach-burst.ts';
import { machineDescription } from './machine.ts';
import { measureMemory, memoryTable } from './memory.ts';
import { measureCalendar, measureSweep, sweepTable } from './sla-sweep.ts';
import { fmt, latencyTable } from './stats.ts';

const SECTIONS = ['ack', 'throughput', 'burst', 'memory', 'sla'] as const;
type Section = (typeof SECTIONS)[number];

function selected(): Set<Section> {
  const only = process.env.BENCH_ONLY?.trim();
  if (!only) return new Set(SECTIONS);
  const names = only.split(',').map((name) => name.trim());
  for (const name of names) {
    if (!(SECTIONS as readonly string[]).includes(name))
      throw new Error(`BENCH_ONLY: unknown section "${name}" (choose from ${SECTIONS.join(', ')})`);
  }
  return new Set(names as Section[]);
}

function size(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

async function ack(): Promise<void> {
  const iterations = size('BENCH_ITERATIONS', 300);
  const clients = size('BENCH_ACK_CLIENTS', 100);
  const rounds = size('BENCH_ACK_ROUNDS', 3);
  for (const result of await measureAckLatency({ iterations, clients, rounds })) {
    console.log(
      `\n## Ack latency on ${result.backend}, one rep at a time (${iterations} requests per surface and app, interleaved)\n`,
    );
    console.log(latencyTable(result.sequential));
    const { concurrent } = result;
    console.log(
      `\n## Ack latency on ${result.backend}, ${concurrent.clients} reps at once (${rounds} rounds each after a warm-up round, apps alternating)\n`,
    );
    console.log(latencyTable(concurrent.rows));
    console.log(
      `\nRequests acknowledged per second while measured: Booking Desk ${fmt(concurrent.rate.ours)}, bare Bolt ${fmt(concurrent.rate.bare)}. Modals opened after Slack's 3 s: ${concurrent.lateModals}; submissions answered "slow, press Submit again": ${concurrent.slowSubmits}.`,
    );
  }
}

async function throughput(): Promise<void> {
  const bookings = size('BENCH_BOOKINGS', 100);
  const clients = size('BENCH_CLIENTS', 50);
  const holdersPerRole = size('BENCH_HOLDERS', 10);
  const backends = (process.env.BENCH_BACKENDS ?? 'pglite,postgres')
    .split(',')
    .map((name) => name.trim())
    .filter((name): name is 'pglite' | 'postgres' => name === 'pglite' || name === 'postgres');
  const rows = await measureThroughput({
    bookings,
    clients,
    holdersPerRole,
    backends,
    ...(process.env.BENCH_CPU_PROF ? { cpuProfileDir: process.env.BENCH_CPU_PROF } : {}),
  });
  console.log(
    `\n## Complete bookings per second (${clients} clients, ${holdersPerRole} holders per role, all seven steps)\n`,
  );
  console.log(throughputTable(rows));
  for (const row of rows) {
    console.log(
      `\n${row.backend}: ${fmt(row.slackRequests / row.bookings, 1)} requests to the app and ${fmt(row.webApiCalls / row.bookings, 1)} Web API calls per booking; bench process ${fmt(row.cpu.benchPercent)} % of a core; ${row.lateModals} modals opened after Slack's 3 s (clicked again); ${row.slowSubmits} submissions answered "slow, press Submit again"; Slack violations: ${JSON.stringify(row.violations)}.`,
    );
    const methods = Object.entries(row.byMethod).sort(([, a], [, b]) => b - a);
    console.log(
      `Web API calls per booking: ${methods.map(([name, count]) => `${name} ${fmt(count / row.bookings, 1)}`).join(', ')}.`,
    );
  }
}

async function burst(): Promise<void> {
  const requests = size('BENCH_BURST_REQUESTS', 1000);
  const speed = size('BENCH_BURST_SPEED', 10);
  const rows = await measureBurst(requests, speed);
  console.log(`\n## End-of-quarter burst: ${fmt(requests)} breached requests, Slack's pace × ${speed}\n`);
  console.log(burstTable(rows));
  // Slack's own pace, by arithmetic: one desk channel takes ~1 post a second after a burst of 3;
  // chat.update (tier 3) 50 a minute after a minute's allowance.
  const pingsAtSlackPace = Math.max(0, requests - 3);
  const updatesAtSlackPace = (Math.max(0, requests - 50) / 50) * 60;
  console.log(
    `\nAt Slack's real pace (arithmetic, not measured): the last ping after ~${fmt(pingsAtSlackPace / 60, 1)} min; the last card update (chat.update, 50/min) after ~${fmt(updatesAtSlackPace / 60, 1)} min.`,
  );
  for (const row of rows) {
    console.log(
      `${row.backend}: measured × ${row.speed} = ${fmt((row.pingsDrainedMs * row.speed) / 60_000, 1)} min to the last ping, ${fmt((row.allDrainedMs * row.speed) / 60_000, 1)} min to an empty outbox; ${row.violations} Slack violations.`,
    );
  }
}

async function memory(): Promise<void> {
  const requests = size('BENCH_MEMORY_REQUESTS', 100_000);
  const rows = await measureMemory(requests);
  console.log(`\n## Memory with ${fmt(requests)} requests, the desk lead's Home rendered\n`);
  console.log(memoryTable(rows));
  for (const row of rows) console.log(`\n${row.backend}: seeded in ${fmt(row.seedSeconds)} s.`);
}

async function sla(): Promise<void> {
  console.log('\n## SLA sweep with nothing due (200 sweeps each, after 20 warm-up ones)\n');
  console.log(sweepTable(await measureSweep([10_000, 100_000], 200)));
  console.log('\n## Business-minute arithmetic (200,000 operations per region and operation)\n');
  console.log(measureCalendar(200_000));
}

async function main() {
  const sections = selected();
  console.log(
    `Booking Desk benchmark · ${new Date().toISOString()} · ${machineDescription()} · ${[...sections].join(', ')}`,
  );
  if (sections.has('ack')) await ack();
  if (sections.has('throughput')) await throughput();
  if (sections.has('burst')) await burst();
  if (sections.has('memory')) await memory();
  if (sections.has('sla')) await sla();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
