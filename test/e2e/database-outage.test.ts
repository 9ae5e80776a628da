// The database unavailable for a while, on PostgreSQL: the app's connections are cut
// (pg_terminate_backend) and new ones refused (ALTER DATABASE … ALLOW_CONNECTIONS false) on a
// throwaway database. A booking submitted meanwhile is answered inline in the modal ("nothing was
// saved, press Submit again") and a click with an ephemeral "try again"; nothing is half-written.
// Once the database is back, the same actions succeed without restarting the app.
// Needs TEST_DATABASE_URL (set in CI); skipped without it.

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client.ts';
import { applyMigrations } from '../../src/db/migrations/migrations.ts';
import { WorkflowStateSchema } from '../../src/domain/workflow/state.ts';
import { ACTION } from '../../src/slack/ids.ts';
import { DATABASE_DOWN_REPLY } from '../../src/slack/listeners/failure-replies.ts';
import { testDatabaseUrl } from '../support/database.ts';
import { DESK_CHANNEL, PEOPLE } from '../support/desk-config.ts';
import { type DeskHarness, eventually, outboxIdle, startDesk } from '../support/desk-harness.ts';
import { bookThroughSlack, openForm } from '../support/flows.ts';
import { intakeValues } from '../support/intake-values.ts';
import { specialistFor, stepOf, waitForStepMessage } from '../support/sop-flows.ts';

const rep = PEOPLE.rep.id;

describe.skipIf(testDatabaseUrl() === undefined)('the database unavailable for a while', () => {
  let admin: pg.Client;
  let name: string;
  let database: Database | undefined;
  let harness: DeskHarness | undefined;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: testDatabaseUrl() });
    admin.on('error', () => {});
    await admin.connect();
    name = `outage_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(testDatabaseUrl()!);
    url.pathname = `/${name}`;
    await applyMigrations(url.toString());
    database = await openDatabase({ url: url.toString(), poolSize: 4 });
    harness = await startDesk({ database });
  }, 30_000);

  afterAll(async () => {
    await harness?.stop();
    await database?.close();
    if (name) {
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`).catch(() => {});
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
    await admin?.end();
  });

  async function goDown(): Promise<void> {
    await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
    await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
  }

  async function comeBack(): Promise<void> {
    await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
  }

  /** What a half-written change would show: rows of any table. */
  async function counts() {
    const prisma = database!.prisma;
    return {
      requests: await prisma.bookingRequest.count(),
      lines: await prisma.bookingLine.count(),
      terms: await prisma.commercialTerms.count(),
      clocks: await prisma.slaClock.count(),
      audit: await prisma.auditEvent.count(),
      outbox: await prisma.outboxMessage.count(),
    };
  }

  async function health(): Promise<number> {
    const url = new URL(harness!.appUrl);
    url.pathname = '/healthz';
    return (await fetch(url)).status;
  }

  it('answers "try again", writes nothing, and recovers by itself', async () => {
    const { emulator } = harness!;
    const prisma = database!.prisma;
    // One request already in the thread, its first step waiting to be taken.
    await bookThroughSlack(emulator);
    const verify = stepOf(0);
    const specialist = specialistFor(verify);
    const step = await waitForStepMessage(emulator, verify);
    await outboxIdle(prisma);
    // The rep opens a second form while all is well.
    await openForm(emulator, '', rep);
    const before = await counts();
    expect(await health()).toBe(200);

    await goDown();
    try {
      expect(await health()).toBe(503);
      const refused = await emulator.submitView({
        userId: rep,
        values: intakeValues({ quoteNumber: 'Q-2026-5050' }),
      });
      expect(refused.status).toBe(200);
      expect(refused.outcome).toBe('errors');
      const shown = emulator.openViewsOf(rep).at(-1)?.errors ?? {};
      expect(Object.values(shown).join(' ')).toMatch(/nothing was saved.*Submit again/);

      const click = await emulator.clickButton({
        userId: specialist,
        actionId: ACTION.stepTake,
        channel: DESK_CHANNEL,
        messageTs: step.ts,
      });
      expect(click.status).toBe(200);
      await eventually(
        () => emulator.ephemeralsFor(specialist).find((message) => message.text === DATABASE_DOWN_REPLY),
        'the ephemeral "try again"',
      );
    } finally {
      await comeBack();
    }

    // Nothing half-written: not the booking, not the click.
    expect(await counts()).toEqual(before);
    const first = await prisma.bookingRequest.findFirstOrThrow();
    const record = WorkflowStateSchema.parse(first.workflow).steps.find((s) => s.id === verify.id);
    expect(record?.assignee).toBeFalsy();

    // The same actions succeed on the running app, which reconnects by itself.
    await eventually(async () => (await health()) === 200, 'healthy again');
    const accepted = await emulator.submitView({
      userId: rep,
      values: intakeValues({ quoteNumber: 'Q-2026-5050' }),
    });
    expect(accepted.outcome).toBe('close');
    await emulator.clickButton({
      userId: specialist,
      actionId: ACTION.stepTake,
      channel: DESK_CHANNEL,
      messageTs: step.ts,
    });
    await eventually(async () => {
      const row = await prisma.bookingRequest.findUniqueOrThrow({ where: { id: first.id } });
      return WorkflowStateSchema.parse(row.workflow).steps.find((s) => s.id === verify.id)?.assignee;
    }, 'the step taken');
    expect(await prisma.bookingRequest.count()).toBe(2);
    await outboxIdle(prisma, 15_000);
    expect(await prisma.outboxMessage.count({ where: { status: 'failed' } })).toBe(0);
    expect(emulator.takeViolations()).toEqual([]);
  }, 60_000);
});
