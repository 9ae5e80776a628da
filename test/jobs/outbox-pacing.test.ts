// Per-channel pacing: the dispatcher spaces its posts into one channel (Slack allows about one a
// second), while other channels go ahead in parallel and never queue behind a busy one.

import { WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { enqueueOutbox, type OutboxEntry } from '../../src/db/outbox.ts';
import { ManualClock } from '../../src/domain/clock.ts';
import { DEFAULT_PLAYBOOK } from '../../src/domain/playbook/default-playbook.ts';
import { createPlaybookRegistry } from '../../src/domain/playbook/registry.ts';
import type { RecordedCall, SlackEmulator } from '../../src/emulator/index.ts';
import type { Delivery } from '../../src/jobs/deliveries/delivery.ts';
import { DEFAULT_OUTBOX_OPTIONS, OutboxDispatcher } from '../../src/jobs/outbox-dispatcher.ts';
import { createLogger } from '../../src/logger.ts';
import { type Database, forEachBackend, resetDatabase } from '../support/database.ts';
import { aDeskConfig, DESK_CHANNEL, PEOPLE } from '../support/desk-config.ts';
import { eventually, startEmulator } from '../support/desk-harness.ts';

const INTERVAL_MS = 150;
// Timers and the emulator's millisecond timestamps may round a spacing down by a millisecond or two.
const TOLERANCE_MS = 3;
const OTHER_CHANNEL = 'C0OTHER';
const t0 = new Date('2026-11-23T10:00:00Z');

interface TestArgs {
  channel: string;
  text: string;
}

const DELIVERIES: Record<string, Delivery> = {
  'test.post': async (row, ctx) => {
    const { channel, text } = row.args as unknown as TestArgs;
    const posted = await ctx.slack.chat.postMessage({ channel, text });
    return { ts: String(posted.ts) };
  },
  'test.ephemeral': async (row, ctx) => {
    const { channel, text } = row.args as unknown as TestArgs;
    await ctx.slack.chat.postEphemeral({ channel, user: PEOPLE.rep.id, text });
    return {};
  },
};

forEachBackend('pacing posts per channel', (backend) => {
  let emulator: SlackEmulator;
  let database: Database;
  let dispatcher: OutboxDispatcher | undefined;
  let sequence = 0;

  beforeAll(async () => {
    emulator = await startEmulator();
    emulator.addChannel({ id: OTHER_CHANNEL, name: 'other' });
    database = await backend.create();
  });
  afterAll(async () => {
    await emulator.close();
    await database.close();
  });
  beforeEach(async () => {
    emulator.reset();
    await resetDatabase(database.prisma);
  });
  afterEach(async () => {
    await dispatcher?.stop();
    dispatcher = undefined;
    emulator.assertNoViolations();
  });

  function startDispatcher(clock = new ManualClock(t0)): OutboxDispatcher {
    dispatcher = new OutboxDispatcher({
      db: database.prisma,
      slack: new WebClient(emulator.botToken, { slackApiUrl: emulator.apiUrl, retryConfig: { retries: 0 } }),
      playbooks: createPlaybookRegistry([DEFAULT_PLAYBOOK]),
      config: aDeskConfig(),
      clock,
      logger: createLogger('silent'),
      deliveries: DELIVERIES,
      options: {
        ...DEFAULT_OUTBOX_OPTIONS,
        owner: 'pacing-test',
        pollMs: 50,
        channelIntervalMs: INTERVAL_MS,
      },
    });
    return dispatcher;
  }

  /** Each row has its own ordering key, so all of them may be in flight at once. */
  async function enqueue(kind: string, channel: string, text: string): Promise<void> {
    sequence += 1;
    const entry: OutboxEntry = {
      requestId: null,
      kind,
      method: kind === 'test.post' ? 'chat.postMessage' : 'chat.postEphemeral',
      args: { channel, text },
      idempotencyKey: `pacing-${sequence}`,
      orderingKey: `pacing-${sequence}`,
      at: t0,
    };
    await database.prisma.$transaction((tx) => enqueueOutbox(tx, [entry]));
  }

  function postsInto(channel: string): RecordedCall[] {
    return [...emulator.callsTo('chat.postMessage'), ...emulator.callsTo('chat.postEphemeral')]
      .filter((call) => call.args.channel === channel)
      .sort((a, b) => a.at - b.at);
  }

  function gaps(calls: readonly RecordedCall[]): number[] {
    return calls.slice(1).map((call, index) => call.at - calls[index]!.at);
  }

  it('spaces posts into one channel, ephemeral ones included, and lets another channel go in parallel', async () => {
    for (const text of ['one', 'two', 'three']) await enqueue('test.post', DESK_CHANNEL, text);
    await enqueue('test.ephemeral', DESK_CHANNEL, 'four');
    for (const text of ['a', 'b']) await enqueue('test.post', OTHER_CHANNEL, text);

    const started = performance.now();
    expect(await startDispatcher().drainOnce()).toBe(6);
    expect(performance.now() - started).toBeGreaterThanOrEqual(3 * INTERVAL_MS - TOLERANCE_MS);

    const desk = postsInto(DESK_CHANNEL);
    const other = postsInto(OTHER_CHANNEL);
    expect(desk).toHaveLength(4);
    expect(other).toHaveLength(2);
    for (const gap of [...gaps(desk), ...gaps(other)])
      expect(gap).toBeGreaterThanOrEqual(INTERVAL_MS - TOLERANCE_MS);
    // The other channel did not wait for the desk channel's queue: it was done before the desk was.
    expect(other.at(-1)!.at).toBeLessThan(desk.at(-1)!.at);
    // Oldest rows first in a busy channel.
    expect(emulator.messagesIn(DESK_CHANNEL).map((message) => message.text)).toEqual(['one', 'two', 'three']);
  });

  it('delivers a row for a quiet channel while a busy channel is still working through its queue', async () => {
    for (const text of ['one', 'two', 'three', 'four', 'five'])
      await enqueue('test.post', DESK_CHANNEL, text);
    const running = startDispatcher();
    running.start();
    await eventually(() => postsInto(DESK_CHANNEL).length >= 1, 'the first desk post');
    await enqueue('test.post', OTHER_CHANNEL, 'meanwhile');
    running.wake();

    await eventually(() => postsInto(DESK_CHANNEL).length === 5, 'all desk posts');
    const [meanwhile] = postsInto(OTHER_CHANNEL);
    expect(meanwhile).toBeDefined();
    expect(meanwhile!.at).toBeLessThan(postsInto(DESK_CHANNEL).at(-1)!.at);
    for (const gap of gaps(postsInto(DESK_CHANNEL)))
      expect(gap).toBeGreaterThanOrEqual(INTERVAL_MS - TOLERANCE_MS);
  });

  it('does not send a row twice when the business clock jumps past its lease while it waits its turn', async () => {
    for (const text of ['one', 'two', 'three']) await enqueue('test.post', DESK_CHANNEL, text);
    const clock = new ManualClock(t0);
    const running = startDispatcher(clock);
    running.start();
    await eventually(() => postsInto(DESK_CHANNEL).length >= 1, 'the first desk post');
    clock.advanceMinutes(120);
    running.wake();

    await eventually(() => postsInto(DESK_CHANNEL).length === 3, 'all desk posts');
    await new Promise((resolve) => setTimeout(resolve, 3 * INTERVAL_MS));
    expect(emulator.messagesIn(DESK_CHANNEL).map((message) => message.text)).toEqual(['one', 'two', 'three']);
  });
});
