// `npm run bench`: prints the figures recorded in BENCHMARKS.md.

import os from 'node:os';
import { measureAckLatency } from './ack-latency.ts';
import { measureCalendar, measureSweep, sweepTable } from './sla-sweep.ts';
import { latencyTable } from './stats.ts';

const iterations = Number(process.env.BENCH_ITERATIONS ?? 300);

async function main() {
  console.log(
    `Booking Desk benchmark · ${new Date().toISOString()} · Node ${process.version} · ${os.cpus().length} cores`,
  );
  console.log(`\n## Ack latency (${iterations} sequential requests each, interleaved)\n`);
  if (process.env.BENCH_ONLY !== 'sla') {
    console.log(latencyTable(await measureAckLatency(iterations)));
  }
  console.log('\n## SLA sweep with nothing due (200 sweeps each, after 20 warm-up ones)\n');
  console.log(sweepTable(await measureSweep([10_000, 100_000], 200)));
  console.log('\n## Business-minute arithmetic (200,000 operations per region and operation)\n');
  console.log(measureCalendar(200_000));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
