// CPU use of the processes a benchmark cares about and of the whole machine, so a figure can say
// where the time went (and whether the machine was saturated, or shared with other work).

import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { cpuSecondsOf } from './app-process.ts';

export interface CpuSnapshot {
  at: number;
  app: number;
  bench: number;
  /** Busy and total jiffies of the whole machine (all cores). */
  machineBusy: number;
  machineTotal: number;
}

async function machineJiffies(): Promise<{ busy: number; total: number }> {
  const line = (await readFile('/proc/stat', 'utf8')).split('\n')[0] ?? '';
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const total = values.slice(0, 8).reduce((sum, value) => sum + value, 0);
  // idle and iowait are the 4th and 5th values.
  return { busy: total - (values[3] ?? 0) - (values[4] ?? 0), total };
}

export async function cpuSnapshot(appPid: number): Promise<CpuSnapshot> {
  const usage = process.cpuUsage();
  const machine = await machineJiffies();
  return {
    at: performance.now(),
    app: await cpuSecondsOf(appPid),
    bench: (usage.user + usage.system) / 1e6,
    machineBusy: machine.busy,
    machineTotal: machine.total,
  };
}

export interface CpuUse {
  /** CPU seconds of the app process over the span. */
  appSeconds: number;
  /** Share of one core each process kept busy, in percent. */
  appPercent: number;
  benchPercent: number;
  /** Share of the whole machine (all cores) that was busy, in percent. */
  machinePercent: number;
}

export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): CpuUse {
  const wall = (after.at - before.at) / 1000;
  const appSeconds = after.app - before.app;
  return {
    appSeconds,
    appPercent: (100 * appSeconds) / wall,
    benchPercent: (100 * (after.bench - before.bench)) / wall,
    machinePercent:
      (100 * (after.machineBusy - before.machineBusy)) / (after.machineTotal - before.machineTotal),
  };
}

export function machineDescription(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}
