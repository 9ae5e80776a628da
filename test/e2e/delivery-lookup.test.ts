// A retry after a lost answer looks for the earlier post by its outbox id before posting again; in a
// busy channel that post may be older than the newest 200 messages, and must still be found.

import { describe, expect, it } from 'vitest';
import { DESK_CHANNEL, PEOPLE } from '../support/desk-config.ts';
import { eventually } from '../support/desk-harness.ts';
import { bookThroughSlack, cardsIn } from '../support/flows.ts';
import { outboxIdOf } from '../support/outbox-audit.ts';
import { useDesk } from '../support/use-desk.ts';

/** More than one page of conversations.history (200) arrives between the post and its retry. */
const NEWER_MESSAGES = 250;

describe('looking for an earlier post', () => {
  // The retry comes seconds later, time enough for the channel to fill up first.
  const start = useDesk(() => ({ outbox: { baseBackoffMs: 3000 } }));

  it('finds it past the newest 200 messages of the channel and does not post it again', async () => {
    const harness = await start();
    const { emulator } = harness;
    emulator.fault('chat.postMessage', { loseResponse: true });
    await bookThroughSlack(emulator);
    const [card] = await eventually(
      () => (cardsIn(emulator).length === 1 ? cardsIn(emulator) : null),
      'the card',
    );
    for (let index = 0; index < NEWER_MESSAGES; index++)
      emulator.addMessage({ channel: DESK_CHANNEL, user: PEOPLE.lead.id, text: `chatter ${index}` });

    await eventually(() => emulator.dmWith(PEOPLE.rep.id).length === 1, 'the confirmation DM', 20_000);
    const row = await harness.database.prisma.outboxMessage.findFirstOrThrow({
      where: { kind: 'status_card.post' },
    });
    expect(row).toMatchObject({ status: 'sent', attempts: 2, result: { ts: card!.ts, recovered: true } });
    expect(cardsIn(emulator).filter((message) => outboxIdOf(message) !== undefined)).toHaveLength(1);
  }, 60_000);
});
