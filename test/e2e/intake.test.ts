// /book → modal → inline errors → valid submission → status card + DM, through the real Bolt
// receiver and the Slack emulator.

import { describe, expect, it } from 'vitest';
import type { StoredView } from '../../src/emulator/index.ts';
import { mrkdwnTexts } from '../support/block-text.ts';
import { DESK_CHANNEL, PEOPLE } from '../support/desk-config.ts';
import { eventually } from '../support/desk-harness.ts';
import { cardsIn, openForm, waitForMessages } from '../support/flows.ts';
import { intakeValues } from '../support/intake-values.ts';
import { useDesk } from '../support/use-desk.ts';

const rep = PEOPLE.rep.id;

function initialOf(view: StoredView, blockId: string): unknown {
  const block = view.blocks.find((candidate) => candidate.block_id === blockId) as
    | { element: { initial_value?: string; initial_option?: { value: string } } }
    | undefined;
  return block?.element.initial_value ?? block?.element.initial_option?.value;
}

describe('/book intake', () => {
  const start = useDesk();

  it('opens the form, guessing the region from the time zone and filling a quote number', async () => {
    const harness = await start();
    const view = await openForm(harness.emulator, 'q-77');
    expect(view.callback_id).toBe('booking_intake');
    expect(initialOf(view, 'quoteNumber')).toBe('Q-77');
    expect(initialOf(view, 'region')).toBe('EMEA');
    expect(harness.emulator.callsTo('users.info')).toHaveLength(1);

    const apac = await openForm(harness.emulator, '', PEOPLE.apacRep.id);
    expect(initialOf(apac, 'region')).toBe('APAC');
    expect(initialOf(apac, 'quoteNumber')).toBeUndefined();
  });

  it('answers /book help with the usage, only to the person who asked', async () => {
    const harness = await start();
    const ack = await harness.emulator.slashCommand({ userId: rep, command: '/book', text: 'help' });
    expect(ack.body).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('/book Q-1234'),
    });
    const odd = await harness.emulator.slashCommand({
      userId: rep,
      command: '/book',
      text: 'please book it',
    });
    expect(odd.body).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('did not understand'),
    });
    expect(harness.emulator.callsTo('views.open')).toHaveLength(0);
  });

  it('shows every problem inline, writes nothing, and records the corrected form', async () => {
    const harness = await start();
    await openForm(harness.emulator);
    const invalid = await harness.emulator.submitView({
      userId: rep,
      values: intakeValues({
        contactEmail: 'ada-at-acme',
        lines: 'PRO-SEAT | Pro seat | 0 | 40.00\nADDON | Add-on | 2 | -5',
        subscriptionStart: '2026-01-05',
      }),
    });
    expect(invalid.outcome).toBe('errors');
    expect(invalid.body).toMatchObject({
      response_action: 'errors',
      errors: {
        contactEmail: expect.stringContaining('not an e-mail address'),
        lines: expect.stringMatching(/Line 1: quantity .* · Line 2: unit price cannot be negative/),
        subscriptionStart: expect.stringContaining('at most 30 days in the past'),
      },
    });
    expect(await harness.database.prisma.bookingRequest.count()).toBe(0);
    expect(harness.emulator.openViewsOf(rep)).toHaveLength(1);

    const valid = await harness.emulator.submitView({ userId: rep, values: intakeValues() });
    expect(valid.outcome).toBe('close');
    expect(await harness.database.prisma.bookingRequest.count()).toBe(1);
  });

  it('posts the status card to the desk channel and DMs the requester a link to its thread', async () => {
    const harness = await start();
    await openForm(harness.emulator);
    await harness.emulator.submitView({ userId: rep, values: intakeValues({ urgent: ['urgent'] }) });

    const [card] = await waitForMessages(() => cardsIn(harness.emulator), 1, 'the status card');
    const cardText = JSON.stringify(card?.blocks);
    for (const expected of [
      'BK-2026-000001',
      'Acme Widgets Ltd',
      'GBP 16,800.00',
      `<@${rep}>`,
      'EMEA',
      'Submitted',
      'Urgent',
    ]) {
      expect(cardText).toContain(expected);
    }
    expect(card?.metadata?.event_type).toBe('booking_desk_outbox');

    const [dm] = await waitForMessages(() => harness.emulator.dmWith(rep), 1, 'the DM');
    expect(dm?.text).toContain('BK-2026-000001');
    const permalink = `/archives/${DESK_CHANNEL}/p${card!.ts.replace('.', '')}`;
    expect(JSON.stringify(dm?.blocks)).toContain(permalink);

    const request = await harness.database.prisma.bookingRequest.findFirstOrThrow();
    expect(request).toMatchObject({
      parentTs: card!.ts,
      deskChannel: DESK_CHANNEL,
      urgent: true,
      status: 'submitted',
    });
    await eventually(
      async () =>
        (await harness.database.prisma.outboxMessage.count({
          where: { status: 'sent', requestId: { not: null } },
        })) === 3,
      'every outbox row marked sent',
    );
    // The card, the first step in its thread, and the DM: each posted once.
    expect(harness.emulator.callsTo('chat.postMessage')).toHaveLength(3);
    const [step] = harness.emulator.threadOf(DESK_CHANNEL, card!.ts);
    expect(step?.text).toContain('Verify the quote');
  });

  it('refuses a quote that already has an open request, naming it with a link to its thread', async () => {
    const harness = await start();
    await openForm(harness.emulator);
    await harness.emulator.submitView({ userId: rep, values: intakeValues() });
    const [card] = await waitForMessages(() => cardsIn(harness.emulator), 1, 'the first card');

    await openForm(harness.emulator, 'Q-1234');
    const again = await harness.emulator.submitView({ userId: rep, values: intakeValues() });
    expect(again.outcome).toBe('errors');
    const message = (again.body as { errors: { quoteNumber: string } }).errors.quoteNumber;
    expect(message).toContain('Q-1234 already has a request: BK-2026-000001 (Submitted)');
    expect(message).toContain(`/archives/${DESK_CHANNEL}/p${card!.ts.replace('.', '')}`);
    expect(await harness.database.prisma.bookingRequest.count()).toBe(1);
  });

  it('keeps user text out of mrkdwn: no mentions or disguised links from form fields', async () => {
    const harness = await start();
    await openForm(harness.emulator);
    await harness.emulator.submitView({
      userId: rep,
      values: intakeValues({
        customerAccountName: 'Evil <!channel> & <https://evil.example|bank>',
        lines: 'X1 | <@U0LEAD> <!here> | 1 | 10.00',
      }),
    });
    const [card] = await waitForMessages(() => cardsIn(harness.emulator), 1, 'the card');
    // The message text and every mrkdwn object are parsed by Slack; plain_text never is.
    const everything = JSON.stringify([card?.text, ...mrkdwnTexts(card?.blocks)]);
    for (const raw of ['<!channel>', '<!here>', '<@U0LEAD>', '<https://evil.example|bank>']) {
      expect(everything).not.toContain(raw);
    }
    expect(everything).toContain('&lt;!channel&gt; &amp; &lt;https://evil.example|bank&gt;');
  });
});
