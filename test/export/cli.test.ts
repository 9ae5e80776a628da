// `tsx src/export/cli.ts` as a child process against a PGlite directory, like `npm run export`.

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitBooking } from '../../src/app/submit-booking.ts';
import { openDatabase } from '../../src/db/client.ts';
import { applyMigrations, REPO_ROOT } from '../../src/db/migrations/migrations.ts';
import { USAGE } from '../../src/export/cli.ts';
import { parseCsv } from '../support/csv.ts';
import { aDraft, serviceContext } from '../support/services.ts';

const run = promisify(execFile);
const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const CLI = path.join(REPO_ROOT, 'src', 'export', 'cli.ts');

let scratch: string;
let dbDir: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'booking-desk-export-'));
  dbDir = path.join(scratch, 'pg');
  const database = await openDatabase({ url: dbDir });
  try {
    await applyMigrations(database);
    const { ctx, clock } = serviceContext(database.prisma, new Date('2026-07-01T09:00:00Z'));
    for (const [quoteNumber, at] of [
      ['Q-IN', '2026-07-01T09:00:00Z'],
      ['Q-OUT', '2026-10-01T09:00:00Z'],
    ] as const) {
      clock.set(new Date(at));
      await submitBooking(ctx, {
        requesterId: 'U_REP',
        deskChannel: 'C_DESK',
        intakeViewId: null,
        draft: aDraft({ quoteNumber, customerAccountName: 'Acme, "Widgets" Ltd' }),
      });
    }
  } finally {
    await database.close();
  }
}, 60_000);

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

function cli(args: string[]) {
  return run(TSX, [CLI, ...args], { cwd: scratch, env: { PATH: process.env.PATH ?? '' } }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('npm run export', () => {
  it('writes the range to stdout as CSV', async () => {
    const result = await cli([
      '--what',
      'requests',
      '--from',
      '2026-07-01',
      '--to',
      '2026-09-30',
      '--database-url',
      dbDir,
    ]);
    expect(result.code).toBe(0);
    const [header, ...rows] = parseCsv(result.stdout);
    expect(header?.slice(0, 3)).toEqual(['reference', 'status', 'region']);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.[header?.indexOf('customer') ?? -1]).toBe('Acme, "Widgets" Ltd');
    expect(rows[0]?.[header?.indexOf('quote') ?? -1]).toBe('Q-IN');
  });

  it('writes to --out and says how many rows', async () => {
    const out = path.join(scratch, 'audit.csv');
    const result = await cli([
      '--what=audit',
      '--from=2026-07-01',
      '--to=2026-10-01',
      '--out',
      out,
      '--database-url',
      dbDir,
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^Wrote 2 audit rows to /);
    const rows = parseCsv(await readFile(out, 'utf8'));
    expect(rows.slice(1).map((row) => row[4])).toEqual(['request.submitted', 'request.submitted']);
  });

  it('exits 2 with the reason and the usage on bad arguments', async () => {
    for (const args of [
      ['--what', 'orders', '--from', '2026-07-01', '--to', '2026-09-30'],
      ['--what', 'audit', '--from', '2026-02-30', '--to', '2026-09-30'],
      ['--what', 'audit', '--from', '2026-07-01', '--to', '2026-06-30'],
      ['--what', 'audit', '--from', '2026-07-01'],
      ['--what', 'audit', '--from', '2026-07-01', '--to', '2026-09-30', '--bogus'],
    ]) {
      const result = await cli([...args, '--database-url', dbDir]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      const [reason, usage] = result.stderr.trimEnd().split('\n');
      expect(reason).toMatch(/orders|not a day|before|to is missing|bogus/);
      expect(usage).toBe(USAGE);
    }
  });

  it('fails with one line when the database directory does not exist', async () => {
    const result = await cli([
      '--what',
      'audit',
      '--from',
      '2026-07-01',
      '--to',
      '2026-09-30',
      '--database-url',
      path.join(scratch, 'nope'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^There is no database at .*nope/);
  });
});
