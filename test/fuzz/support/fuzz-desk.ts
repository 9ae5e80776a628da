// One running desk per fuzz file: signed raw requests to the app, what the app logged at 'error'
// (and anything thrown unhandled), and the database invariants every run must leave intact.

import fs from 'node:fs';
import { afterAll, beforeAll, vi } from 'vitest';
import type { SlackEmulator } from '../../../src/emulator/index.ts';
import type { PlatformDeps } from '../../../src/emulator/platform/context.ts';
import type { AppResponse } from '../../../src/emulator/platform/sender.ts';
import { createTestDatabase } from '../../support/database.ts';
import { PEOPLE } from '../../support/desk-config.ts';
import { type DeskHarness, eventually, startDesk } from '../../support/desk-harness.ts';

const KNOWN_PEOPLE = new Set<string>(Object.values(PEOPLE).map((person) => person.id));

/** What the app reported as an unhandled problem while the fuzzer ran. */
export interface Incident {
  source: 'log' | 'console' | 'unhandledRejection' | 'uncaughtException';
  text: string;
}

export interface FuzzDesk {
  readonly harness: DeskHarness;
  readonly incidents: Incident[];
  /** Forgets incidents and contract violations recorded so far (e.g. by seeding). */
  clear(): void;
}

/**
 * Starts a desk before the file's tests (logging at 'error', captured) and stops it after them.
 * Slack contract violations fail the run, except those `tolerate` names (the fuzzer's own doing).
 */
export function useFuzzDesk(): () => FuzzDesk {
  let desk: FuzzDesk | undefined;
  const incidents: Incident[] = [];
  const onRejection = (reason: unknown) =>
    incidents.push({ source: 'unhandledRejection', text: String((reason as Error)?.stack ?? reason) });
  const onException = (error: Error) =>
    incidents.push({ source: 'uncaughtException', text: String(error.stack ?? error) });
  beforeAll(async () => {
    // The app's logger writes JSON lines to stdout (pino writes fd 1 synchronously with fs.writeSync).
    const noteLine = (chunk: unknown) => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
      // Slack refusing an ephemeral or a Home to one of the fuzzer's made-up people (see partialWrites).
      const madeUpPerson = text.includes('user_not_in_channel') || text.includes('names no user');
      if (text.includes('"level":"error"') && !madeUpPerson) incidents.push({ source: 'log', text });
    };
    const writeSync = fs.writeSync.bind(fs) as (...args: unknown[]) => number;
    vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, chunk: unknown, ...rest: unknown[]) => {
      if (fd === 1) noteLine(chunk);
      return writeSync(fd, chunk, ...rest);
    }) as typeof fs.writeSync);
    const write = process.stdout.write.bind(process.stdout);
    vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: never[]) => {
      noteLine(chunk);
      return write(chunk, ...rest);
    }) as typeof process.stdout.write);
    // Bolt's own logger (e.g. "An unhandled error occurred while Bolt processed an event").
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      incidents.push({ source: 'console', text: args.map(String).join(' ') });
    });
    process.on('unhandledRejection', onRejection);
    process.on('uncaughtException', onException);
    const harness = await startDesk({ openDatabase: createTestDatabase, logLevel: 'error' });
    // Whatever the app's logger does with it, an error no listener caught is an incident.
    harness.desk.app.error(async (error) => {
      incidents.push({ source: 'log', text: `unhandled error in a Slack listener: ${error.stack ?? error}` });
    });
    desk = {
      harness,
      incidents,
      clear() {
        incidents.length = 0;
        harness.emulator.takeViolations();
      },
    };
  });
  afterAll(async () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
    vi.restoreAllMocks();
    await desk?.harness.stop();
  });
  return () => {
    if (!desk) throw new Error('the fuzz desk is not started yet');
    return desk;
  };
}

function platform(emulator: SlackEmulator): PlatformDeps {
  return (emulator as unknown as { deps: PlatformDeps }).deps;
}

/** A trigger_id the emulator really issued (so a views.open the app makes can succeed). */
export function issueTrigger(emulator: SlackEmulator, userId: string): string {
  return platform(emulator).state.triggers.issue(userId);
}

/** A response_url the emulator really issued. */
export function issueResponseUrl(emulator: SlackEmulator, channel: string, userId: string): string {
  return platform(emulator).responseUrls.issue({ channel, userId });
}

/** Posts `body` correctly signed (now), as Slack would. */
export function postSigned(
  emulator: SlackEmulator,
  body: string,
  contentType = 'application/x-www-form-urlencoded',
): Promise<AppResponse> {
  return emulator.postRaw({ body, headers: { 'content-type': contentType, ...emulator.signRequest(body) } });
}

/** An interactivity payload as Slack posts it: `payload=<json>`. */
export function payloadBody(payload: unknown): string {
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Waits until the app has nothing left to do: the outbox is empty of pending rows, twice in a row. */
export async function settle(harness: DeskHarness): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 300));
  let quiet = 0;
  await eventually(
    async () => {
      const pending = await harness.database.prisma.outboxMessage.count({ where: { status: 'pending' } });
      quiet = pending === 0 ? quiet + 1 : 0;
      return quiet >= 3;
    },
    'the app to settle',
    20_000,
  );
}

/** The database never holds half a request: every one has its terms, lines, audit and outbox rows. */
export async function partialWrites(harness: DeskHarness): Promise<string[]> {
  const { prisma } = harness.database;
  const problems: string[] = [];
  const requests = await prisma.bookingRequest.findMany({
    select: {
      id: true,
      reference: true,
      commercialVersion: true,
      terms: { select: { version: true } },
      lines: { select: { version: true } },
      _count: { select: { audit: true, outbox: true } },
    },
  });
  for (const request of requests) {
    const versions = new Set(request.terms.map((terms) => terms.version));
    if (!versions.has(request.commercialVersion))
      problems.push(`${request.reference}: no commercial terms v${request.commercialVersion}`);
    if (!request.lines.some((line) => line.version === request.commercialVersion))
      problems.push(`${request.reference}: no lines for v${request.commercialVersion}`);
    for (const version of versions) {
      if (!request.lines.some((line) => line.version === version))
        problems.push(`${request.reference}: terms v${version} without lines`);
    }
    if (request._count.audit === 0) problems.push(`${request.reference}: no audit event`);
    if (request._count.outbox === 0) problems.push(`${request.reference}: nothing for Slack in the outbox`);
  }
  const ids = new Set(requests.map((request) => request.id));
  const orphans = await prisma.outboxMessage.findMany({
    where: { requestId: { not: null } },
    select: { id: true, requestId: true },
  });
  for (const row of orphans) {
    if (row.requestId && !ids.has(row.requestId))
      problems.push(`outbox ${row.id} names request ${row.requestId}, which does not exist`);
  }
  const failed = await prisma.outboxMessage.findMany({
    where: { status: { notIn: ['pending', 'sent'] } },
    select: { id: true, kind: true, status: true, lastError: true, args: true },
  });
  for (const row of failed) {
    // Slack refuses an ephemeral to someone who is not in the workspace's channel: that is Slack's
    // answer to the fuzzer's made-up people, not the app losing a message.
    const to = (row.args as { user?: unknown } | null)?.user;
    if (typeof to === 'string' && !KNOWN_PEOPLE.has(to)) continue;
    problems.push(`outbox ${row.id} (${row.kind}) ${row.status}: ${row.lastError}`);
  }
  return problems;
}

/** Every response status a request to the app may get: 200, never a 5xx (401/400 only for bad requests). */
export function isAcceptableStatus(status: number): boolean {
  return status === 200;
}

/** Books `count` requests through Slack (the rep's) and returns their ids, oldest first. */
export async function seedRequests(harness: DeskHarness, quoteNumbers: readonly string[]): Promise<string[]> {
  const { bookThroughSlack } = await import('../../support/flows.ts');
  for (const quoteNumber of quoteNumbers) {
    // Under a loaded machine the 3-second trigger can lapse before the modal opens: try again.
    for (let attempt = 1; ; attempt++) {
      try {
        await bookThroughSlack(harness.emulator, { quoteNumber });
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  }
  await settle(harness);
  const rows = await harness.database.prisma.bookingRequest.findMany({
    orderBy: { submittedAt: 'asc' },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/** Polls `probe` every few milliseconds (the harness's `eventually` polls every 20). */
export async function waitFor(probe: () => boolean, what: string, timeoutMs = 4000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 3));
  }
}
