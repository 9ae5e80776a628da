// The App Home per person, rendered by the real app into the emulator (which checks Block Kit and
// the 100-block limit): a rep's requests, a specialist's queue with Take it and paging through
// 500 queued steps, a desk lead's overview; and the Homes refreshed after a change.

import { describe, expect, it } from 'vitest';
import { submitBooking } from '../../src/app/submit-booking.ts';
import { defaultRegionCalendars } from '../../src/domain/calendar/index.ts';
import { DEFAULT_PLAYBOOK } from '../../src/domain/playbook/default-playbook.ts';
import { createPlaybookRegistry } from '../../src/domain/playbook/registry.ts';
import { DEFAULT_SLA_POLICY } from '../../src/domain/sla/policy.ts';
import type { SlackEmulator, StoredView } from '../../src/emulator/index.ts';
import { ACTION, homePageActionId, homeTakeActionId } from '../../src/slack/ids.ts';
import type { ShiftedClock } from '../../src/system-clock.ts';
import { DESK_CHANNEL, EMEA_SPECIALISTS, PEOPLE, roleGroupId } from '../support/desk-config.ts';
import { type DeskHarness, eventually, outboxIdle } from '../support/desk-harness.ts';
import { bookThroughSlack, cardsIn, waitForMessages } from '../support/flows.ts';
import { aDraft } from '../support/services.ts';
import { hasButton, stepOf, waitForStepMessage } from '../support/sop-flows.ts';
import { useDesk } from '../support/use-desk.ts';

const rep = PEOPLE.rep.id;
const om = EMEA_SPECIALISTS.order_management;
const lead = PEOPLE.lead.id;

async function openHome(emulator: SlackEmulator, userId: string): Promise<StoredView> {
  const before = emulator.homeOf(userId)?.hash;
  await emulator.sendEvent({ type: 'app_home_opened', user: userId, tab: 'home' });
  return eventually(() => {
    const home = emulator.homeOf(userId);
    return home && home.hash !== before ? home : null;
  }, `the Home of ${userId}`);
}

/** Every text of the view, headers and fields included. */
function textOf(view: StoredView | undefined): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.text === 'string') texts.push(record.text);
      Object.values(record).forEach(walk);
    }
  };
  walk(view?.blocks ?? []);
  return texts.join('\n');
}

/** Many requests written straight through the submission service (fast), all at step 1 in EMEA. */
async function queueMany(harness: DeskHarness, count: number): Promise<void> {
  const ctx = {
    db: harness.database.prisma,
    clock: harness.clock,
    playbooks: createPlaybookRegistry([DEFAULT_PLAYBOOK]),
    playbook: DEFAULT_PLAYBOOK,
    calendars: defaultRegionCalendars(),
    slaPolicy: DEFAULT_SLA_POLICY,
    outboxWritten: () => {},
  };
  // A few at a time, as a busy desk would submit them (and much faster than one by one).
  const concurrency = 5;
  for (let start = 0; start < count; start += concurrency) {
    const batch = Array.from({ length: Math.min(concurrency, count - start) }, (_, offset) =>
      submitBooking(ctx, {
        requesterId: PEOPLE.apacRep.id,
        deskChannel: DESK_CHANNEL,
        intakeViewId: null,
        draft: aDraft({ quoteNumber: `Q-${9000 + start + offset}` }),
      }),
    );
    for (const result of await Promise.all(batch)) expect(result.ok).toBe(true);
  }
  // These rows were written without Slack: nothing of theirs needs delivering for this test.
  await harness.database.prisma.outboxMessage.updateMany({
    where: { status: 'pending' },
    data: { status: 'sent' },
  });
}

describe('the App Home', () => {
  const start = useDesk();

  it('shows a rep their requests, a specialist their queue with Take it, a lead the desk', async () => {
    const harness = await start();
    const { emulator } = harness;
    await bookThroughSlack(emulator);
    await waitForMessages(() => cardsIn(emulator), 1, 'the card');
    await outboxIdle(harness.database.prisma);

    const repHome = textOf(await openHome(emulator, rep));
    expect(repHome).toContain('BK-2026-000001');
    expect(repHome).toContain('step 1/7 Verify the quote');
    expect(repHome).toContain('12 h left');
    expect(repHome).not.toContain('Waiting on your roles');

    const omHome = await openHome(emulator, om);
    expect(textOf(omHome)).toContain('Waiting on your roles');
    expect(JSON.stringify(omHome.blocks)).toContain(homeTakeActionId(0));
    await emulator.clickButton({ userId: om, actionId: homeTakeActionId(0), viewId: omHome.id });
    // Taking it refreshes the Home through the outbox: the step moves to "You hold".
    await eventually(() => textOf(emulator.homeOf(om)).includes('You hold (1)'), 'the Home refreshed');
    expect(textOf(emulator.homeOf(om))).toContain(`taken by <@${om}>`);

    const leadHome = textOf(await openHome(emulator, lead));
    expect(leadHome).toContain('*Open requests*\n1');
    expect(leadHome).toContain('*1. Verify the quote*: 1 (EMEA 1)');
    expect(leadHome).toContain('1 submitted');
    expect(leadHome).toContain('Desk KPIs');
  }, 60_000);

  it('pushes changes only to the Homes of people who opened theirs in the last 12 hours', async () => {
    const harness = await start();
    const { emulator } = harness;
    const opened = await openHome(emulator, om);
    await bookThroughSlack(emulator);
    await outboxIdle(harness.database.prisma);
    // The order manager may be looking: their Home shows the new request at once.
    await eventually(() => emulator.homeOf(om)?.hash !== opened.hash, 'the open Home refreshed');
    expect(textOf(emulator.homeOf(om))).toContain('BK-2026-000001');
    // The rep and the lead never opened theirs: nothing is published until they do.
    expect(emulator.homeOf(rep)).toBeUndefined();
    expect(emulator.homeOf(lead)).toBeUndefined();
    expect(textOf(await openHome(emulator, lead))).toContain('*Open requests*\n1');

    // Thirteen hours on, the order manager's Home is no longer pushed to; opening it shows it fresh.
    (harness.clock as ShiftedClock).advanceMinutes(13 * 60);
    const stale = emulator.homeOf(om)?.hash;
    await bookThroughSlack(emulator, { quoteNumber: 'Q-2026-4242' });
    await outboxIdle(harness.database.prisma);
    expect(emulator.homeOf(om)?.hash).toBe(stale);
    expect(textOf(await openHome(emulator, om))).toContain('BK-2026-000002');
  }, 60_000);

  it('refreshes a role’s pool when a step joins or leaves its queue, not for a tick on a taken step', async () => {
    const harness = await start();
    const { emulator } = harness;
    // A second order manager in EMEA: in the pool, never the holder.
    const colleague = 'U0OMTWO';
    emulator.addUser({ id: colleague, name: 'otto', realName: 'Otto Orders', tz: 'Europe/London' });
    emulator.addUsergroup({
      id: roleGroupId('order_management', 'EMEA'),
      handle: 'order-management-emea',
      users: [om, colleague],
    });
    await openHome(emulator, colleague);
    await openHome(emulator, om);
    const publishedTo = (userId: string) =>
      emulator.callsTo('views.publish').filter((call) => call.args.user_id === userId && call.status === 200)
        .length;

    await bookThroughSlack(emulator);
    await outboxIdle(harness.database.prisma);
    expect(textOf(emulator.homeOf(colleague))).toContain('BK-2026-000001');

    const verify = stepOf(0);
    const message = await waitForStepMessage(emulator, verify, (m) => hasButton(m, ACTION.stepTake));
    await emulator.clickButton({
      userId: om,
      actionId: ACTION.stepTake,
      channel: DESK_CHANNEL,
      messageTs: message.ts,
    });
    // The click is acknowledged first and applied after: wait for the change, then its deliveries.
    await eventually(async () => {
      const row = await harness.database.prisma.bookingRequest.findFirstOrThrow();
      return JSON.stringify(row.workflow).includes(`"userId":"${om}"`);
    }, 'the step taken');
    await outboxIdle(harness.database.prisma);
    // Taken: it leaves the pool's queue, so the colleague's Home is published without it.
    expect(textOf(emulator.homeOf(colleague))).not.toContain('BK-2026-000001');

    const afterTake = publishedTo(colleague);
    const holderBefore = publishedTo(om);
    const taken = await waitForStepMessage(emulator, verify);
    await emulator.checkBoxes({
      userId: om,
      actionId: ACTION.stepChecklist,
      channel: DESK_CHANNEL,
      messageTs: taken.ts,
      values: [verify.checklist[0]!.id],
    });
    await eventually(async () => {
      const row = await harness.database.prisma.bookingRequest.findFirstOrThrow();
      return JSON.stringify(row.workflow).includes('"ticked":true');
    }, 'the tick recorded');
    await outboxIdle(harness.database.prisma);
    // The holder's Home shows the tick's step; the pool's does not list a taken step at all.
    expect(publishedTo(om)).toBeGreaterThan(holderBefore);
    expect(publishedTo(colleague)).toBe(afterTake);
  }, 60_000);

  it('shows the lead KPIs read at most every 5 minutes, and says when they were read', async () => {
    const harness = await start();
    const { emulator } = harness;
    await bookThroughSlack(emulator);
    await outboxIdle(harness.database.prisma);
    const first = textOf(await openHome(emulator, lead));
    expect(first).toContain('*1* submitted · *0* booked');
    expect(first).toContain('read again every 5 minutes');

    // A second booking a minute later: the desk overview moves at once, the KPIs keep their read.
    (harness.clock as ShiftedClock).advanceMinutes(1);
    await bookThroughSlack(emulator, { quoteNumber: 'Q-2026-5151' });
    await outboxIdle(harness.database.prisma);
    const soon = textOf(emulator.homeOf(lead));
    expect(soon).toContain('*Open requests*\n2');
    expect(soon).toContain('*1* submitted · *0* booked');

    (harness.clock as ShiftedClock).advanceMinutes(5);
    expect(textOf(await openHome(emulator, lead))).toContain('*2* submitted · *0* booked');
  }, 60_000);

  it('pages through 500 queued steps within Slack’s 100-block limit', async () => {
    const harness = await start();
    const { emulator } = harness;
    await queueMany(harness, 500);
    const first = await openHome(emulator, om);
    expect(first.blocks.length).toBeLessThanOrEqual(100);
    expect(textOf(first)).toContain('Waiting on your roles (500)');
    expect(textOf(first)).toContain('Page 1 of 63');

    await emulator.clickButton({ userId: om, actionId: homePageActionId('queue', 'next'), viewId: first.id });
    const second = await eventually(() => {
      const home = emulator.homeOf(om);
      return home && textOf(home).includes('Page 2 of 63') ? home : null;
    }, 'page 2');
    expect(second.blocks.length).toBeLessThanOrEqual(100);
    expect(JSON.stringify(second.blocks)).toContain(homeTakeActionId(8));
    expect(JSON.stringify(second.blocks)).toContain(homePageActionId('queue', 'previous'));
  }, 120_000);
});
