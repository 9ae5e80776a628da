// Changes requested → the requester amends from their DM → the thread shows the differences →
// the playbook resumes where it says (step 1 after a commercial change). And withdrawing.

import { describe, expect, it } from 'vitest';
import { ACTION } from '../../src/slack/ids.ts';
import { DESK_CHANNEL, PEOPLE } from '../support/desk-config.ts';
import { eventually } from '../support/desk-harness.ts';
import { bookThroughSlack, cardsIn } from '../support/flows.ts';
import { intakeValues } from '../support/intake-values.ts';
import { specialistFor, stepOf, waitForStepMessage, workStep } from '../support/sop-flows.ts';
import { useDesk } from '../support/use-desk.ts';

const rep = PEOPLE.rep.id;

describe('amending and withdrawing', () => {
  const start = useDesk();

  it('request changes → amend → diff in the thread → back to step 1', async () => {
    const harness = await start();
    const { emulator, database } = harness;
    await bookThroughSlack(emulator);
    await workStep(harness, stepOf(0));
    const terms = stepOf(1);
    const analyst = specialistFor(terms);
    const message = await waitForStepMessage(emulator, terms);
    await emulator.clickButton({
      userId: analyst,
      actionId: ACTION.stepRequestChanges,
      channel: DESK_CHANNEL,
      messageTs: message.ts,
    });
    await eventually(() => emulator.openViewsOf(analyst).length === 1, 'the request-changes modal');
    await emulator.submitView({ userId: analyst, values: { note: 'The quote says 30 seats, not 25.' } });

    const dm = await eventually(
      () => emulator.dmWith(rep).find((m) => JSON.stringify(m.blocks ?? []).includes(ACTION.requestAmend)),
      'the DM with Amend',
    );
    expect(JSON.stringify(dm.blocks)).toContain('30 seats');
    expect((await database.prisma.bookingRequest.findFirstOrThrow()).status).toBe('changes_requested');

    await emulator.clickButton({
      userId: rep,
      actionId: ACTION.requestAmend,
      channel: dm.channel,
      messageTs: dm.ts,
    });
    const form = await eventually(() => emulator.openViewsOf(rep)[0], 'the amendment form');
    expect(JSON.stringify(form.blocks)).toContain('PRO-SEAT | Pro seat licence | 25 | 40.00 | 10');
    const unchanged = await emulator.submitView({ userId: rep, values: {} });
    expect(JSON.stringify(unchanged.body)).toContain('Nothing changed');
    const answer = await emulator.submitView({
      userId: rep,
      values: intakeValues({
        lines: 'PRO-SEAT | Pro seat licence | 30 | 40.00 | 10\nSUPPORT | Premium support | 1 | 500.00',
      }),
    });
    expect(answer.outcome).toBe('close');

    const card = cardsIn(emulator)[0]!;
    const note = await eventually(
      () => emulator.threadOf(DESK_CHANNEL, card.ts).find((m) => m.text.includes('amended the request')),
      'the amendment note',
    );
    expect(note.text).toContain('quantity of PRO-SEAT: 25 → 30');
    expect(note.text).toContain('starts again at step 1');
    const request = await database.prisma.bookingRequest.findFirstOrThrow();
    expect(request.commercialVersion).toBe(2);
    // Step 1 is posted again, ready to be worked.
    await eventually(
      () =>
        emulator.threadOf(DESK_CHANNEL, card.ts).filter((m) => m.text.includes(stepOf(0).title)).length === 2,
      'step 1 posted again',
    );
    await eventually(
      () => JSON.stringify(cardsIn(emulator)[0]?.blocks).includes('GBP 18,960.00'),
      'the card with the new total',
    );
  }, 30_000);

  it('lets the requester withdraw before booking, and closes the step', async () => {
    const harness = await start();
    const { emulator, database } = harness;
    await bookThroughSlack(emulator);
    await workStep(harness, stepOf(0));
    const dm = await eventually(
      () => emulator.dmWith(rep).find((m) => JSON.stringify(m.blocks ?? []).includes(ACTION.requestWithdraw)),
      'a DM with Withdraw',
    );
    await emulator.clickButton({
      userId: rep,
      actionId: ACTION.requestWithdraw,
      channel: dm.channel,
      messageTs: dm.ts,
    });
    await eventually(
      async () => (await database.prisma.bookingRequest.findFirstOrThrow()).status === 'withdrawn',
      'withdrawn',
    );
    await waitForStepMessage(
      emulator,
      stepOf(1),
      (m) => !JSON.stringify(m.blocks).includes(ACTION.stepComplete),
    );
    expect(
      await database.prisma.auditEvent.count({ where: { action: 'workflow.withdraw', actorId: rep } }),
    ).toBe(1);
  });
});
