// `npm run playground` as a process: it prints the page's address, serves it, and stops cleanly on
// SIGTERM (as on Ctrl-C); a wrong port setting is explained in one line.

import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const RUN = fileURLToPath(new URL('../../src/playground/run.ts', import.meta.url));
const TSX_LOADER = import.meta.resolve('tsx');

interface Run {
  child: ChildProcess;
  address: Promise<string>;
  exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

function runPlayground(env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, RUN], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const address = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /Booking Desk playground: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    child.on('exit', () =>
      reject(new Error(`the playground exited before listening:\n${stdout}\n${stderr}`)),
    );
  });
  address.catch(() => undefined);
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, address, exited };
}

describe('npm run playground', () => {
  it('prints the address, serves the page and stops on SIGTERM', async () => {
    const run = runPlayground({ PLAYGROUND_PORT: '0', PLAYGROUND_START: '2026-11-23T09:30:00Z' });
    try {
      const url = await run.address;
      const workspace = await fetch(`${url}api/workspace`);
      expect(workspace.status).toBe(200);
      const clock = (await (await fetch(`${url}api/clock`)).json()) as { now: string };
      expect(clock.now.startsWith('2026-11-23T09:')).toBe(true);
    } finally {
      run.child.kill('SIGTERM');
    }
    const { code, stdout } = await run.exited;
    expect(stdout).toContain('SIGTERM: stopping the playground');
    expect(code).toBe(0);
  }, 120_000);

  it('explains a port that is not one', async () => {
    const run = runPlayground({ PLAYGROUND_PORT: 'eighty' });
    const { code, stderr } = await run.exited;
    expect(code).toBe(2);
    expect(stderr).toContain('playground: PLAYGROUND_PORT');
  }, 60_000);
});
