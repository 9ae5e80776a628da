// Booking Desk (or the bare baseline) in its own process, as `npm start` runs it: the emulator and
// the benchmark's clients live in this process, so the app's figures are its own. Its log is read
// and dropped (a busy desk logs every request); only the port line and the last errors are kept.

import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from '../test/support/contracts.ts';

export const DESK_MAIN = path.join(REPO_ROOT, 'src', 'main.ts');
const TSX_LOADER = import.meta.resolve('tsx');

export interface AppProcess {
  child: ChildProcess;
  pid: number;
  port: Promise<number>;
  url: Promise<string>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
}

export function startAppProcess(
  env: Record<string, string>,
  cwd: string,
  options: { script?: string; nodeArgs?: readonly string[] } = {},
): AppProcess {
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), '--import', TSX_LOADER, options.script ?? DESK_MAIN],
    { cwd, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let head = '';
  let stderr = '';
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const port = new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (head.length > 20_000) return;
      head += chunk.toString();
      const match = /listening on port (\d+)/.exec(head);
      if (match) {
        resolve(Number(match[1]));
        head = '#'.repeat(20_001);
      }
    });
    child.on('exit', () => reject(new Error(`the app exited before listening:\n${head}\n${stderr}`)));
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-5000);
  });
  port.catch(() => undefined);
  return {
    child,
    pid: child.pid ?? 0,
    port,
    url: port.then((value) => `http://127.0.0.1:${value}/slack/events`),
    async stop(graceMs = 30_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
export async function cpuSecondsOf(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Resident and peak resident size of a process, in bytes, from /proc (Linux). */
export async function residentOf(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) =>
    Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}
