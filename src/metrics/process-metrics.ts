// Node's process metrics (CPU, memory, event-loop lag, GC, handles) belong to the process, not to a
// desk: one registry for the process, created on first use and served next to each desk's own.

import { collectDefaultMetrics, Registry } from 'prom-client';

let processRegistry: Registry | null = null;

export function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}
