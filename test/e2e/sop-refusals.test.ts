// Who may act, and exactly once: every refused click changes nothing, is audited, and is explained
// to the clicker only; the same click sent many times at once applies once.

import { describe, expect, it } from 'vitest';
import { ACTION, stepTargetValue } from '../../src/slack/ids.ts';
import { DESK_CHANNEL, PEOPLE } from '../support/desk-config.ts';
import { type DeskHarness, eventually } from '../support/desk-harness.ts';
import { bookThroughSlack } from '../support/flows.ts';
import { specialistFor, stepOf, waitForStepMessage, workStep } from '../support/sop-flows.ts';
import { useDesk } from '../support/use-desk.ts';

const verifyQuote = stepOf(0);

async function bookedAndPosted(harness: DeskHarness) {
  await bookThroughSlack(harness.emulator);
  return waitForStepMessage(harness.emulator, verifyQuote);
}

async function ephemeralFor(harness: DeskHarness, userId: string, count = 1) {
  return eventually(() => {
    const messages = harness.emulator.ephemeralsFor(userId);
    return messages.length >= count ? messages[count - 1] : null;
  }, `ephemeral ${count} for ${userId}`);
}

async function stateOfRequest(harness: DeskHarness) {
  return harness.database.prisma.bookingRequest.findFirstOrThrow();
}

describe('who may act on a step', () => {
  const start = useDesk();

  it('refuses someone without the role, says who may, audits it, and changes nothing', async () => {
    const harness = await start();
    const message = await bookedAndPosted(harness);
    const before = await stateOfRequest(harness);
    await harness.emulator.clickButton({
      userId: PEOPLE.billing.id,
      actionId: ACTION.stepTake,
      channel: DESK_CHANNEL,
      messageTs: message.ts,
    });
    const told = await ephemeralFor(harness, PEOPLE.billing.id);
    expect(told?.text).toContain('<!subteam^S0ORDERMANAGEMENTEMEA>');
    expect((await stateOfRequest(harness)).version).toBe(before.version);
    const refused = await harness.database.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'refused.take' },
    });
    expect(refused.actorId).toBe(PEOPLE.billing.id);
  });

  it('refuses the same role from another region', async () => {
    const harness = await start();
    await bookThroughSlack(harness.emulator);
    await workStep(harness, stepOf(0));
    await workStep(harness, stepOf(1));
    const billing = await waitForStepMessage(harness.emulator, stepOf(2));
    await harness.emulator.clickButton({
      userId: PEOPLE.apacBilling.id,
      actionId: ACTION.stepTake,
      channel: DESK_CHANNEL,
      messageTs: billing.ts,
    });
    expect((await ephemeralFor(harness, PEOPLE.apacBilling.id))?.text).toContain('<!subteam^S0BILLINGEMEA>');
  }, 30_000);

  it('never lets the requester act on their own request, even holding the role', async () => {
    const harness = await start();
    // The order-management specialist books a request of their own.
    await bookThroughSlack(harness.emulator, { quoteNumber: 'Q-OWN' }, PEOPLE.orderManagement.id);
    const message = await waitForStepMessage(harness.emulator, verifyQuote);
    await harness.emulator.clickButton({
      userId: PEOPLE.orderManagement.id,
      actionId: ACTION.stepTake,
      channel: DESK_CHANNEL,
      messageTs: message.ts,
    });
    const told = await ephemeralFor(harness, PEOPLE.orderManagement.id);
    expect(told?.text.toLowerCase()).toContain('requested this booking');
    expect((await stateOfRequest(harness)).status).toBe('submitted');
  });

  it('refuses Complete until every mandatory item is ticked, naming what is missing', async () => {
    const harness = await start();
    const message = await bookedAndPosted(harness);
    const userId = specialistFor(verifyQuote);
    await harness.emulator.clickButton({
      userId,
      actionId: ACTION.stepComplete,
      channel: DESK_CHANNEL,
      messageTs: message.ts,
    });
    const told = await ephemeralFor(harness, userId);
    expect(told?.text).toContain(verifyQuote.checklist[0]!.label);
    expect(harness.emulator.openViewsOf(userId)).toHaveLength(0);
  });

  it('shows invalid evidence inline in the Complete modal', async () => {
    const harness = await start();
    await bookThroughSlack(harness.emulator);
    await workStep(harness, stepOf(0));
    await workStep(harness, stepOf(1));
    await workStep(harness, stepOf(2));
    const createOrder = stepOf(3);
    const userId = specialistFor(createOrder);
    let message = await waitForStepMessage(harness.emulator, createOrder);
    await harness.emulator.checkBoxes({
      userId,
      actionId: ACTION.stepChecklist,
      channel: DESK_CHANNEL,
      messageTs: message.ts,
      values: createOrder.checklist.map((item) => item.id),
    });
    await eventually(
      async () =>
        (await stateOfRequest(harness)).version > 0 &&
        (await harness.database.prisma.auditEvent.count({ where: { action: 'workflow.tick' } })) >=
          createOrder.checklist.length +
            stepOf(0).checklist.length +
            stepOf(1).checklist.length +
            stepOf(2).checklist.length,
      'ticks',
    );
    message = await waitForStepMessage(harness.emulator, createOrder);
    await harness.emulator.clickButton({
      userId,
      actionId: ACTION.stepComplete,
      channel: DESK_CHANNEL,
      messageTs: message.ts,
    });
    await eventually(() => harness.emulator.openViewsOf(userId).length === 1, 'the modal');
    const answer = await harness.emulator.submitView({ userId, values: { crm_order_id: 'not an id!' } });
    expect(answer.outcome).toBe('errors');
    expect(JSON.stringify(answer.body)).toContain('crm_order_id');
    expect((await stateOfRequest(harness)).status).not.toBe('booked');
  }, 30_000);
});

describe('exactly once', () => {
  const start = useDesk();

  it('applies one take of many identical clicks sent at once, and answers the rest', async () => {
    const harness = await start();
    const message = await bookedAndPosted(harness);
    const userId = specialistFor(verifyQuote);
    const before = (await stateOfRequest(harness)).version;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        harness.emulator.clickButton({
          userId,
          actionId: ACTION.stepTake,
          channel: DESK_CHANNEL,
          messageTs: message.ts,
        }),
      ),
    );
    await eventually(
      async () =>
        (await harness.database.prisma.auditEvent.count({
          where: { action: { in: ['workflow.take', 'refused.take'] } },
        })) === 8,
      'all clicks handled',
    );
    expect(await harness.database.prisma.auditEvent.count({ where: { action: 'workflow.take' } })).toBe(1);
    expect((await stateOfRequest(harness)).version).toBe(before + 1);
  });

  it('answers a click on a finished step with who finished it, and changes nothing', async () => {
    const harness = await start();
    await bookThroughSlack(harness.emulator);
    await waitForStepMessage(harness.emulator, verifyQuote);
    await workStep(harness, verifyQuote);
    await eventually(async () => (await stateOfRequest(harness)).status === 'in_review', 'step 1 done');
    const request = await stateOfRequest(harness);
    // A stale client (or a Slack retry) sends Complete for step 1 after it was completed.
    const colleague = specialistFor(verifyQuote);
    const payload = {
      type: 'block_actions',
      team: { id: harness.emulator.teamId },
      user: { id: colleague, username: 'omar', team_id: harness.emulator.teamId },
      api_app_id: 'A0BOOKINGDESK',
      token: 'legacy',
      trigger_id: '1.2.3',
      container: { type: 'message', channel_id: DESK_CHANNEL, message_ts: '1.1' },
      channel: { id: DESK_CHANNEL },
      actions: [
        {
          type: 'button',
          action_id: ACTION.stepTake,
          block_id: 'step_actions',
          value: stepTargetValue({ requestId: request.id, stepId: verifyQuote.id }),
          action_ts: '1.1',
        },
      ],
    };
    const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
    const answer = await harness.emulator.postRaw({
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...harness.emulator.signRequest(body) },
    });
    expect(answer.status).toBe(200);
    const told = await ephemeralFor(harness, colleague);
    expect(told?.text).toMatch(/already/i);
    expect(told?.text).toContain(`<@${colleague}>`);
    expect((await stateOfRequest(harness)).version).toBe(request.version);
  });
});
