// SLA clocks end to end, with the desk's clock held by the test: a request submitted through Slack is
// nudged at 50 % and 75 % of its approval SLA, breaches, and climbs the escalation levels — each
// ping once, at its minute, in the thread — and the card says so. Changes requested pause the clock;
// a restart in the middle neither repeats nor misses a ping.

import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.ts';
import { APPROVAL_KEY } from '../../src/domain/sla/plan.ts';
import { ACTION } from '../../src/slack/ids.ts';
import { createTestDatabase } from '../support/database.ts';
import { aDeskConfig, DESK_CHANNEL, PEOPLE } from '../support/desk-config.ts';
import {
  type DeskHarness,
  eventually,
  outboxIdle,
  startDesk,
  startEmulator,
} from '../support/desk-harness.ts';
import { bookThroughSlack, cardsIn } from '../support/flows.ts';
import { intakeValues } from '../support/intake-values.ts';
import { specialistFor, stepOf, waitForStepMessage } from '../support/sop-flows.ts';
import { useDesk } from '../support/use-desk.ts';

const rep = PEOPLE.rep.id;
const utc = (iso: string) => new Date(`${iso}Z`);

/** EMEA order management has a lead; the desk lead is the desk-admin group. */
function configWithLead() {
  const config = aDeskConfig();
  config.regions.EMEA.roles.order_management.lead = PEOPLE.lead.id;
  return config;
}

function threadTexts(harness: DeskHarness): string[] {
  const card = cardsIn(harness.emulator)[0];
  if (!card) return [];
  return harness.emulator.threadOf(DESK_CHANNEL, card.ts).map((message) => message.text);
}

const reminders = (harness: DeskHarness) => threadTexts(harness).filter((text) => text.includes('% of its'));
const escalations = (harness: DeskHarness) =>
  threadTexts(harness).filter((text) => text.includes('*Escalation level'));

/** Moves the desk's clock and runs the minute sweep, as node-cron would at that minute. */
async function sweepAt(harness: DeskHarness, clock: ManualClock, at: Date): Promise<void> {
  clock.set(at);
  await harness.desk.sla.sweepNow();
  await outboxIdle(harness.database.prisma);
}

async function approvalClock(harness: DeskHarness) {
  return harness.database.prisma.slaClock.findFirstOrThrow({ where: { key: APPROVAL_KEY } });
}

describe('SLA clocks, reminders and escalation', () => {
  let clock = new ManualClock(utc('2026-11-23T09:00:00'));
  const start = useDesk(() => ({ clock, deskConfig: configWithLead() }));

  it('nudges at 50 % and 75 %, then escalates level by level, each once at its minute', async () => {
    // Monday 23 November 09:00 London: 12 business hours run to Tuesday 12:00.
    clock = new ManualClock(utc('2026-11-23T09:00:00'));
    const harness = await start();
    await bookThroughSlack(harness.emulator);
    await outboxIdle(harness.database.prisma);
    expect((await approvalClock(harness)).dueAt).toEqual(utc('2026-11-24T12:00:00'));

    // Sweeping every minute around each threshold, and hourly in between, as the cron would.
    const expected: [string, number, number][] = [];
    const around = (iso: string, before: [number, number], after: [number, number]) => {
      const at = utc(iso).getTime();
      for (let minute = -2; minute <= 2; minute++) {
        const counts = minute < 0 ? before : after;
        expected.push([new Date(at + minute * 60_000).toISOString(), ...counts]);
      }
    };
    around('2026-11-23T15:00:00', [0, 0], [1, 0]); // 50 % of 720 minutes
    expected.push(['2026-11-23T20:00:00.000Z', 1, 0], ['2026-11-24T03:00:00.000Z', 1, 0]);
    around('2026-11-24T09:00:00', [1, 0], [2, 0]); // 75 %
    around('2026-11-24T12:00:00', [2, 0], [2, 1]); // breach: level 1
    around('2026-11-24T14:00:00', [2, 1], [2, 2]); // + 120 business minutes: level 2
    around('2026-11-24T16:00:00', [2, 2], [2, 3]); // + 240: level 3
    expected.push(['2026-11-25T10:00:00.000Z', 2, 3]);
    for (const [iso, reminderCount, escalationCount] of expected) {
      await sweepAt(harness, clock, new Date(iso));
      expect([iso, reminders(harness).length, escalations(harness).length]).toEqual([
        iso,
        reminderCount,
        escalationCount,
      ]);
    }

    const [half, threeQuarters] = reminders(harness);
    // Nobody took step 1: the nudge goes to the role group.
    expect(half).toContain('<!subteam^S0ORDERMANAGEMENTEMEA>');
    expect(half).toContain('50 % of its approval SLA: due Tue 24 Nov 12:00 GMT, 6 h of business time left');
    expect(threeQuarters).toContain('75 %');
    const [one, two, three] = escalations(harness);
    expect(one).toContain('*Escalation level 1*');
    expect(one).toContain('<!subteam^S0ORDERMANAGEMENTEMEA>');
    expect(two).toContain(`<@${PEOPLE.lead.id}>`);
    expect(three).toContain('<!subteam^S0DESKADMIN>');

    const audit = await harness.database.prisma.auditEvent.findMany({
      where: { action: { startsWith: 'sla.' } },
    });
    expect(audit.map((event) => event.action).sort()).toEqual([
      'sla.breached',
      'sla.escalated',
      'sla.escalated',
      'sla.escalated',
      'sla.reminder',
      'sla.reminder',
    ]);
    // The card, edited in place, shows the breach and how far it went.
    const card = JSON.stringify(cardsIn(harness.emulator)[0]?.blocks);
    expect(card).toContain('*breached*, was due Tue 24 Nov 12:00 GMT');
    expect(card).toContain('escalated to level 3');
    expect(cardsIn(harness.emulator)).toHaveLength(1);
  }, 60_000);

  it('pauses while changes are requested and resumes on amendment, in period-end hours', async () => {
    clock = new ManualClock(utc('2026-11-23T09:00:00'));
    const harness = await start();
    const { emulator } = harness;
    await bookThroughSlack(emulator);
    const verify = stepOf(0);
    const specialist = specialistFor(verify);
    const message = await waitForStepMessage(emulator, verify);
    clock.set(utc('2026-11-23T10:00:00'));
    await emulator.clickButton({
      userId: specialist,
      actionId: ACTION.stepRequestChanges,
      channel: DESK_CHANNEL,
      messageTs: message.ts,
    });
    await eventually(() => emulator.openViewsOf(specialist).length === 1, 'the request-changes modal');
    await emulator.submitView({
      userId: specialist,
      values: { note: 'The quote number is for another customer.' },
    });
    await eventually(async () => (await approvalClock(harness)).status === 'paused', 'the clock paused');
    expect((await approvalClock(harness)).consumedMinutes).toBe(60);

    // Two days pass on the requester's side: no nudge, no breach.
    for (const iso of ['2026-11-23T15:00:00', '2026-11-24T12:00:00', '2026-11-25T09:59:00']) {
      await sweepAt(harness, clock, utc(iso));
    }
    expect(reminders(harness)).toEqual([]);
    expect(escalations(harness)).toEqual([]);

    // Wednesday 10:00 the rep amends: 660 minutes remain, 420 on Wednesday, the rest on Thursday
    // 26 November, inside the month-end window, whose extended hours open at 07:00.
    clock.set(utc('2026-11-25T10:00:00'));
    const dm = await eventually(
      () => emulator.dmWith(rep).find((m) => JSON.stringify(m.blocks ?? []).includes(ACTION.requestAmend)),
      'the DM with Amend',
    );
    await emulator.clickButton({
      userId: rep,
      actionId: ACTION.requestAmend,
      channel: dm.channel,
      messageTs: dm.ts,
    });
    await eventually(() => emulator.openViewsOf(rep)[0], 'the amendment form');
    const answer = await emulator.submitView({
      userId: rep,
      values: intakeValues({ quoteNumber: 'Q-2026-7788' }),
    });
    expect(answer.outcome).toBe('close');
    await eventually(
      async () => (await approvalClock(harness)).status === 'running',
      'the clock running again',
    );
    expect((await approvalClock(harness)).dueAt).toEqual(utc('2026-11-26T11:00:00'));
  }, 60_000);

  it('a restart in the middle repeats nothing and misses nothing', async () => {
    const emulator = await startEmulator();
    const database = await createTestDatabase();
    const shared = new ManualClock(utc('2026-11-23T09:00:00'));
    const options = { emulator, database, clock: shared, deskConfig: configWithLead() };
    let harness = await startDesk(options);
    try {
      await bookThroughSlack(emulator);
      await outboxIdle(harness.database.prisma);
      await sweepAt(harness, shared, utc('2026-11-23T15:00:00'));
      expect(reminders(harness)).toHaveLength(1);
      await harness.stop();

      // Down from Monday afternoon to Tuesday 12:30: the 75 % nudge is overtaken by the breach.
      harness = await startDesk(options);
      await sweepAt(harness, shared, utc('2026-11-24T12:30:00'));
      await sweepAt(harness, shared, utc('2026-11-24T12:31:00'));
      expect(reminders(harness)).toHaveLength(1);
      expect(escalations(harness)).toHaveLength(1);
      expect(escalations(harness)[0]).toContain('*Escalation level 1*');
      expect((await approvalClock(harness)).alertsFired).toBe(3);
    } finally {
      await harness.stop();
      await emulator.close();
      await database.close();
    }
  }, 60_000);

  it('holds a breach at the close until the next opening', async () => {
    // Monday 14:00 + 12 business hours = Tuesday 17:00, the closing minute: pinged Wednesday 08:00.
    clock = new ManualClock(utc('2026-11-23T14:00:00'));
    const harness = await start();
    await bookThroughSlack(harness.emulator);
    await outboxIdle(harness.database.prisma);
    expect((await approvalClock(harness)).dueAt).toEqual(utc('2026-11-24T17:00:00'));
    for (const iso of ['2026-11-24T17:00:00', '2026-11-24T23:00:00', '2026-11-25T07:59:00']) {
      await sweepAt(harness, clock, utc(iso));
      expect(escalations(harness)).toEqual([]);
    }
    expect((await approvalClock(harness)).nextCheckAt).toEqual(utc('2026-11-25T08:00:00'));
    await sweepAt(harness, clock, utc('2026-11-25T08:00:00'));
    expect(escalations(harness)).toHaveLength(1);
  }, 60_000);
});
