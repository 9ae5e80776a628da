// The whole booking SOP in the order's thread: seven steps, each worked by the role that owns it,
// through the buttons and modals the bot posted; the card and the requester's DMs follow along.

import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../src/domain/playbook/default-playbook.ts';
import { ACTION } from '../../src/slack/ids.ts';
import { mrkdwnTexts } from '../support/block-text.ts';
import { DESK_CHANNEL, PEOPLE } from '../support/desk-config.ts';
import { eventually } from '../support/desk-harness.ts';
import { bookThroughSlack, cardsIn, waitForMessages } from '../support/flows.ts';
import { hasButton, stepMessageIn, stepOf, waitForStepMessage, workStep } from '../support/sop-flows.ts';
import { useDesk } from '../support/use-desk.ts';

const rep = PEOPLE.rep.id;

describe('the booking SOP in the thread', () => {
  const start = useDesk();

  it('walks all seven steps by clicking the posted buttons, and the card tells the truth throughout', async () => {
    const harness = await start();
    await bookThroughSlack(harness.emulator);
    await waitForMessages(() => cardsIn(harness.emulator), 1, 'the card');

    for (const step of DEFAULT_PLAYBOOK.steps) await workStep(harness, step);

    const request = await eventually(async () => {
      const row = await harness.database.prisma.bookingRequest.findFirstOrThrow();
      return row.status === 'completed' ? row : null;
    }, 'the request completed');
    expect(request.version).toBeGreaterThan(20);

    // Every step message ended with its outcome and without buttons.
    for (const step of DEFAULT_PLAYBOOK.steps) {
      const message = await waitForStepMessage(
        harness.emulator,
        step,
        (m) => !hasButton(m, ACTION.stepComplete),
      );
      expect(hasButton(message, ACTION.stepTake)).toBe(false);
    }
    // The card, edited in place, shows the final state.
    await eventually(
      () => JSON.stringify(cardsIn(harness.emulator)[0]?.blocks).includes('7/7'),
      'the card at 7/7',
    );
    expect(cardsIn(harness.emulator)).toHaveLength(1);
    // The requester heard about the milestones.
    const dms = harness.emulator
      .dmWith(rep)
      .map((message) => message.text)
      .join('\n');
    for (const word of ['booked', 'billing', 'provisioning', 'completed'])
      expect(dms.toLowerCase()).toContain(word);
    // Every action is on the audit log, append-only.
    const actions = (await harness.database.prisma.auditEvent.findMany({ orderBy: { id: 'asc' } })).map(
      (e) => e.action,
    );
    expect(actions.filter((action) => action === 'workflow.complete')).toHaveLength(7);
    expect(actions.filter((action) => action === 'workflow.take')).toHaveLength(7);
    // The approval clock stopped at booking, step 7's own clock at its completion: both met.
    const clocks = await harness.database.prisma.slaClock.findMany({ orderBy: { key: 'asc' } });
    const lastStep = DEFAULT_PLAYBOOK.steps.at(-1)!;
    expect(clocks.map((clock) => [clock.key, clock.status, clock.outcome, clock.targetMinutes])).toEqual([
      ['approval', 'stopped', 'met', 720],
      [`step:${lastStep.id}`, 'stopped', 'met', 480],
    ]);
  }, 60_000);

  it('mentions the role group of the request region on each step', async () => {
    const harness = await start();
    await bookThroughSlack(harness.emulator);
    const message = await waitForStepMessage(harness.emulator, stepOf(0));
    expect(mrkdwnTexts(message.blocks).join(' ')).toContain('<!subteam^S0ORDERMANAGEMENTEMEA>');
    expect(stepMessageIn(harness.emulator, stepOf(1))).toBeUndefined();
    expect(harness.emulator.threadOf(DESK_CHANNEL, cardsIn(harness.emulator)[0]!.ts)).toHaveLength(1);
  });
});
