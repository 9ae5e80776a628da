// Several `npm start` processes (src/main.ts) on one database behind the test's forwarder: started,
// SIGKILLed and started again by slot, as an orchestrator would after a crash.

import { type DeskProcess, startDeskProcess } from './desk-process.ts';
import type { Forwarder } from './forwarder.ts';

export interface DeskFleet {
  readonly size: number;
  isUp(slot: number): boolean;
  /** Starts the slot's process and routes requests to it once it listens. */
  start(slot: number): Promise<void>;
  /** SIGKILL: no shutdown hook runs, claims and transactions are left as they are. */
  kill(slot: number): Promise<void>;
  /** SIGTERM to every process still running, and waits for them. */
  stop(): Promise<void>;
  readonly kills: number;
  /** Exits nobody asked for (a crash of the app itself), with their output. */
  readonly crashes: string[];
  /** Error lines the processes logged (JSON), for the report. */
  errorLines(): string[];
}

const START_TIMEOUT_MS = 60_000;

export function deskFleet(options: {
  size: number;
  env: Record<string, string>;
  cwd: string;
  forwarder: Forwarder;
}): DeskFleet {
  const running: (DeskProcess | null)[] = Array.from({ length: options.size }, () => null);
  const ended: DeskProcess[] = [];
  const crashes: string[] = [];
  const expected = new WeakSet<DeskProcess>();
  let kills = 0;

  async function start(slot: number): Promise<void> {
    if (running[slot]) throw new Error(`instance ${slot} is already running`);
    const process = startDeskProcess(options.env, options.cwd);
    running[slot] = process;
    void process.exited.then((exit) => {
      if (running[slot] === process) {
        running[slot] = null;
        options.forwarder.setBackend(slot, null);
      }
      ended.push(process);
      if (!expected.has(process))
        crashes.push(`instance ${slot} exited (${exit.code ?? exit.signal}):\n${exit.stderr}`);
    });
    let timer: NodeJS.Timeout | undefined;
    const port = await Promise.race([
      process.port,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`instance ${slot} did not listen in time`)),
          START_TIMEOUT_MS,
        );
      }),
    ]).finally(() => clearTimeout(timer));
    if (running[slot] === process) options.forwarder.setBackend(slot, `http://127.0.0.1:${port}`);
  }

  async function kill(slot: number): Promise<void> {
    const process = running[slot];
    if (!process) return;
    expected.add(process);
    kills += 1;
    process.child.kill('SIGKILL');
    await process.exited;
  }

  return {
    size: options.size,
    isUp: (slot) => running[slot] !== null,
    start,
    kill,
    async stop() {
      const live = running.filter((process): process is DeskProcess => process !== null);
      for (const process of live) {
        expected.add(process);
        process.child.kill('SIGTERM');
      }
      await Promise.all(live.map((process) => process.exited));
    },
    get kills() {
      return kills;
    },
    crashes,
    errorLines() {
      const all = [...ended, ...running.filter((process): process is DeskProcess => process !== null)];
      return all.flatMap((process) =>
        process
          .output()
          .split('\n')
          .filter((line) => line.includes('"level":"error"')),
      );
    },
  };
}
