// Slack enforcing its rate limits (the emulator's `rateLimits`): the outbox does not pace itself
// here, so a burst of bookings meets 429s with Retry-After. Every message still arrives, once, each
// thread and DM in the order its rows were written, and no retry comes before Retry-After said.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGIONS } from '../../src/domain/regions.ts';
import { ROLES } from '../../src/domain/roles.ts';
import { type RecordedCall, type SlackEmulator, startSlackEmulator } from '../../src/emulator/index.ts';
import { contractsDir } from '../support/contracts.ts';
import { DESK_CHANNEL, EMEA_SPECIALISTS, PEOPLE, roleGroupId } from '../support/desk-config.ts';
import { SIGNING_SECRET } from '../support/desk-harness.ts';
import { bookThroughSlack, cardsIn } from '../support/flows.ts';
import { useDesk } from '../support/use-desk.ts';

const REQUESTS = 5;
const DRAIN_MS = 60_000;

/** The harness's workspace, on an emulator that enforces Slack's limits (four times Slack's pace). */
async function rateLimitedEmulator(): Promise<SlackEmulator> {
  const emulator = await startSlackEmulator({
    signingSecret: SIGNING_SECRET,
    contractsDir: contractsDir(),
    rateLimits: { speed: 4 },
  });
  for (const person of Object.values(PEOPLE)) emulator.addUser({ ...person });
  emulator.addChannel({ id: DESK_CHANNEL, name: 'booking-desk' });
  for (const region of REGIONS) {
    for (const role of ROLES) {
      emulator.addUsergroup({
        id: roleGroupId(role, region),
        handle: `${role.replaceAll('_', '-')}-${region.toLowerCase()}`,
        users: region === 'EMEA' ? [EMEA_SPECIALISTS[role]] : [],
      });
    }
  }
  emulator.addUsergroup({ id: 'S0DESKADMIN', handle: 'desk-admins', users: [PEOPLE.lead.id] });
  emulator.addUsergroup({ id: 'S0SALESSUP', handle: 'sales-support', users: [] });
  return emulator;
}

/** The outbox row a posted message belongs to, from the metadata every outbox message carries. */
function outboxIdOf(call: RecordedCall): string | undefined {
  const raw = call.args.metadata;
  const metadata = typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
  const id = (metadata as { event_payload?: { outbox_id?: unknown } } | undefined)?.event_payload?.outbox_id;
  return typeof id === 'string' ? id : undefined;
}

describe('delivering under Slack rate limits', () => {
  let emulator: SlackEmulator;
  beforeAll(async () => {
    emulator = await rateLimitedEmulator();
  });
  afterAll(async () => {
    await emulator.close();
  });
  const start = useDesk(() => ({ emulator, outbox: { channelIntervalMs: 0 } }));

  it('delivers a burst once each and in order, waiting out every Retry-After', async () => {
    const { database } = await start();
    for (let index = 0; index < REQUESTS; index++)
      await bookThroughSlack(emulator, { quoteNumber: `Q-RATE-${index + 1}` });

    const deadline = Date.now() + DRAIN_MS;
    while ((await database.prisma.outboxMessage.count({ where: { status: 'pending' } })) > 0) {
      expect(Date.now(), 'the outbox drained').toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await database.prisma.outboxMessage.count({ where: { status: { not: 'sent' } } })).toBe(0);

    const posts = emulator.callsTo('chat.postMessage');
    const limited = posts.filter((call) => call.status === 429);
    expect(limited.length, 'the burst met the per-channel limit').toBeGreaterThan(0);
    // Each retry of a refused message waited what Retry-After said (here always one second: the
    // limiter's waits are shorter, and Slack rounds up to whole seconds).
    for (const refused of limited) {
      const id = outboxIdOf(refused);
      const retry = posts.find((call) => call.at > refused.at && outboxIdOf(call) === id);
      expect(retry, `outbox row ${id} was posted after its 429`).toBeDefined();
      expect(retry!.at - refused.at).toBeGreaterThanOrEqual(1000);
    }

    // Each posted row is in Slack exactly once.
    const rows = await database.prisma.outboxMessage.findMany({
      where: { method: 'chat.postMessage' },
      orderBy: { id: 'asc' },
    });
    const delivered = posts.filter((call) => call.status === 200).map(outboxIdOf);
    for (const row of rows) expect(delivered.filter((id) => id === row.id.toString())).toHaveLength(1);

    // Each thread and the rep's DMs read in the order their rows were written.
    const tsOf = (row: (typeof rows)[number]) => (row.result as { ts?: string } | null)?.ts;
    const cards = cardsIn(emulator);
    expect(cards).toHaveLength(REQUESTS);
    for (const card of cards) {
      const request = await database.prisma.bookingRequest.findFirstOrThrow({ where: { parentTs: card.ts } });
      const threadRows = rows.filter(
        (row) => row.requestId === request.id && row.kind !== 'status_card.post',
      );
      const dmRows = threadRows.filter((row) => row.kind.startsWith('requester.'));
      const inThread = threadRows.filter((row) => !row.kind.startsWith('requester.'));
      expect(emulator.threadOf(DESK_CHANNEL, card.ts).map((message) => message.ts)).toEqual(
        inThread.map(tsOf),
      );
      const dms = emulator.dmWith(PEOPLE.rep.id).map((message) => message.ts);
      expect(dms.filter((ts) => dmRows.some((row) => tsOf(row) === ts))).toEqual(dmRows.map(tsOf));
    }
  }, 90_000);
});
