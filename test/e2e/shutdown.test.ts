// Graceful shutdown of `npm start` on SIGTERM: it stops taking requests, finishes the deliveries in
// flight, leaves no outbox row claimed and exits 0; a restarted instance sends every row still
// pending, once. On PostgreSQL when TEST_DATABASE_URL is set (no instance would release a claim left
// behind there before its lease ran out), else on an embedded database directory.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { openDatabase } from '../../src/db/client.ts';
import type { SlackEmulator, StoredMessage } from '../../src/emulator/index.ts';
import { dropSchema, testDatabaseUrl, uniqueSchemaUrl } from '../support/database.ts';
import { aDeskConfig, DESK_CHANNEL, PEOPLE } from '../support/desk-config.ts';
import { eventually, SIGNING_SECRET, startEmulator } from '../support/desk-harness.ts';
import { type DeskProcess, startDeskProcess } from '../support/desk-process.ts';
import { bookThroughSlack, cardsIn, waitForMessages } from '../support/flows.ts';

const BOOKINGS = 3;
const rep = PEOPLE.rep.id;

function outboxIds(messages: StoredMessage[]): string[] {
  return messages.flatMap((message) => {
    const id = message.metadata?.event_payload.outbox_id;
    return typeof id === 'string' ? [id] : [];
  });
}

/** Resolves once the process has written `text` to stdout. */
function printed(process: DeskProcess, text: string): Promise<void> {
  return new Promise((resolve) => {
    let seen = '';
    process.child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(text)) resolve();
    });
  });
}

describe('SIGTERM', () => {
  let dir: string;
  let emulator: SlackEmulator;
  let databaseUrl: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'booking-desk-shutdown-'));
    await writeFile(path.join(dir, 'booking-desk.yml'), stringify(aDeskConfig()));
    const server = testDatabaseUrl();
    databaseUrl = server === undefined ? path.join(dir, 'pg') : uniqueSchemaUrl(server, 'shutdown').url;
    emulator = await startEmulator();
  });

  afterAll(async () => {
    await emulator?.close();
    if (databaseUrl?.startsWith('postgres')) await dropSchema(databaseUrl);
    await rm(dir, { recursive: true, force: true });
  });

  /** The outbox as the next instance finds it (read while no instance runs). */
  async function outbox() {
    const database = await openDatabase({ url: databaseUrl, poolSize: 1 });
    try {
      return await database.prisma.outboxMessage.findMany({ orderBy: { id: 'asc' } });
    } finally {
      await database.close();
    }
  }

  it('finishes in-flight deliveries, leaves nothing claimed, and a restart sends the rest once', async () => {
    const env = {
      SLACK_BOT_TOKEN: emulator.botToken,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: emulator.apiUrl,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      LOG_LEVEL: 'info',
    };
    const first = startDeskProcess(env, dir);
    const firstStopping = printed(first, 'shutting down');
    emulator.setAppUrl(`http://127.0.0.1:${await first.port}/slack/events`);
    // A slow Slack: every post takes 1.5 s, so deliveries are under way when the signal comes.
    emulator.fault('chat.postMessage', { delayMs: 1500 }, 1000);
    for (let index = 0; index < BOOKINGS; index++) {
      await bookThroughSlack(emulator, { quoteNumber: `Q-2026-80${index}` });
    }
    await waitForMessages(() => cardsIn(emulator), 1, 'the first card');
    first.child.kill('SIGTERM');

    // It stops taking requests at once…
    await firstStopping;
    await expect(
      emulator.slashCommand({ userId: rep, command: '/book', text: '', channelId: DESK_CHANNEL }),
    ).rejects.toThrow();
    // …then ends cleanly.
    const exit = await first.exited;
    expect({ code: exit.code, signal: exit.signal }).toEqual({ code: 0, signal: null });

    const left = await outbox();
    expect(left.filter((row) => row.leaseOwner !== null || row.leaseUntil !== null)).toEqual([]);
    expect(left.filter((row) => row.status === 'failed')).toEqual([]);
    // What it had claimed it finished: every row marked sent is in Slack.
    const sentBefore = left.filter((row) => row.status === 'sent' && row.method === 'chat.postMessage');
    const postedBefore = new Set(
      outboxIds([...cardsIn(emulator), ...emulator.dmWith(rep)].concat(threads(emulator))),
    );
    for (const row of sentBefore) expect(postedBefore.has(row.id.toString())).toBe(true);
    // The test wants work left for the restart, or it would prove nothing about the hand-over.
    expect(left.filter((row) => row.status === 'pending').length).toBeGreaterThan(0);

    emulator.clearFaults();
    const second = startDeskProcess(env, dir);
    emulator.setAppUrl(`http://127.0.0.1:${await second.port}/slack/events`);
    // Posts into one channel are paced at about one a second, as Slack wants.
    await eventually(() => cardsIn(emulator).length >= BOOKINGS, 'every card', 30_000);
    await eventually(() => emulator.dmWith(rep).length >= BOOKINGS, 'every confirmation DM', 30_000);
    if (databaseUrl.startsWith('postgres')) {
      await eventually(
        async () => (await outbox()).every((row) => row.status === 'sent'),
        'every row sent',
        20_000,
      );
    } else {
      // The embedded database is the running process's alone: give it time to finish the rest.
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);

    const done = await outbox();
    expect(done.filter((row) => row.status !== 'sent')).toEqual([]);
    expect(done.filter((row) => row.leaseOwner !== null)).toEqual([]);
    const posted = outboxIds([...cardsIn(emulator), ...emulator.dmWith(rep), ...threads(emulator)]);
    expect(posted.length).toBe(new Set(posted).size);
    const postingRows = done
      .filter((row) => row.method === 'chat.postMessage')
      .map((row) => row.id.toString());
    expect(new Set(posted)).toEqual(new Set(postingRows));
    expect(cardsIn(emulator)).toHaveLength(BOOKINGS);
    expect(emulator.dmWith(rep)).toHaveLength(BOOKINGS);
    expect(emulator.takeViolations()).toEqual([]);
  }, 120_000);
});

function threads(emulator: SlackEmulator): StoredMessage[] {
  return cardsIn(emulator).flatMap((card) => emulator.threadOf(DESK_CHANNEL, card.ts));
}
