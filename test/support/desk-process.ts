// Runs `src/main.ts` — exactly what `npm start` runs — as a child process, so a test can kill it.

import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './contracts.ts';

export interface DeskProcess {
  child: ChildProcess;
  port: Promise<number>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  /** What it has written to stdout so far. */
  output(): string;
}

const TSX_LOADER = import.meta.resolve('tsx');
const MAIN = path.join(REPO_ROOT, 'src', 'main.ts');

/** Starts the bot with exactly `env` (plus PATH), in `cwd` so no stray .env is read. */
export function startDeskProcess(env: Record<string, string>, cwd: string, script = MAIN): DeskProcess {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, script], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const port = new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on port (\d+)/.exec(stdout);
      if (match) resolve(Number(match[1]));
    });
    child.on('exit', () => reject(new Error(`the bot exited before listening:\n${stdout}\n${stderr}`)));
  });
  port.catch(() => undefined);
  const exited = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, port, exited, output: () => stdout };
}
