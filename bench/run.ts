// `npm run bench`: prints the figures recorded in BENCHMARKS.md.

import os from 'node:os';
import { measureAckLatency } from './ack-latency.ts';
import { latencyTable } from './stats.ts';

const iterations = Number(process.env.BENCH_ITERATIONS ?? 300);

async function main() {
  console.log(
    `Booking Desk benchmark · ${new Date().toISOString()} · Node ${process.version} · ${os.cpus().length} cores`,
  );
  console.log(`\n## Ack latency (${iterations} sequential requests each, interleaved)\n`);
  console.log(latencyTable(await measureAckLatency(iterations)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
