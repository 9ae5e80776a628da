// The requester's escalation end to end: Escalate on the card → the form (inline errors) → Sales
// Support pinged in the thread, a case with the 6-hour response SLA → refused while open, to anyone
// else and in a period-end window → a reply from the desk in the thread answers it.

import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.ts';
import type { SlackEmulator } from '../../src/emulator/index.ts';
import { ACTION } from '../../src/slack/ids.ts';
import { DESK_CHANNEL, EMEA_SPECIALISTS, PEOPLE } from '../support/desk-config.ts';
import { eventually, outboxIdle } from '../support/desk-harness.ts';
import { bookThroughSlack, cardsIn, waitForMessages } from '../support/flows.ts';
import { useDesk } from '../support/use-desk.ts';

const rep = PEOPLE.rep.id;
const utc = (iso: string) => new Date(`${iso}Z`);
const REASON = 'The customer signs on Friday and the deal is at risk without the order.';

async function clickEscalate(emulator: SlackEmulator, userId: string): Promise<void> {
  const card = (await waitForMessages(() => cardsIn(emulator), 1, 'the card'))[0]!;
  await eventually(
    () => JSON.stringify(cardsIn(emulator)[0]?.blocks).includes(ACTION.requestEscalate),
    'Escalate',
  );
  await emulator.clickButton({
    userId,
    actionId: ACTION.requestEscalate,
    channel: DESK_CHANNEL,
    messageTs: card.ts,
  });
}

function threadTexts(emulator: SlackEmulator): string[] {
  return emulator.threadOf(DESK_CHANNEL, cardsIn(emulator)[0]!.ts).map((message) => message.text);
}

async function lastEphemeral(emulator: SlackEmulator, userId: string, before: number): Promise<string> {
  const message = await eventually(() => emulator.ephemeralsFor(userId)[before], 'an ephemeral answer');
  return message.text;
}

describe('the requester escalates', () => {
  let clock = new ManualClock(utc('2026-11-23T09:00:00'));
  const start = useDesk(() => ({ clock }));

  it('pings Sales Support with a response SLA, once, until the desk answers in the thread', async () => {
    clock = new ManualClock(utc('2026-11-23T09:00:00'));
    const harness = await start();
    const { emulator, database } = harness;
    await bookThroughSlack(emulator);
    await outboxIdle(harness.database.prisma);

    await clickEscalate(emulator, rep);
    await eventually(() => emulator.openViewsOf(rep).length === 1, 'the escalation form');
    // Slack's client enforces the 20-character minimum; padding with spaces does not get past us.
    const tooShort = await emulator.submitView({
      userId: rep,
      values: { category: 'deal_at_risk', reason: 'Urgent!'.padEnd(24, ' ') },
    });
    expect(tooShort.outcome).toBe('errors');
    expect(JSON.stringify(tooShort.body)).toContain('at least 20 characters (7 so far)');
    const accepted = await emulator.submitView({
      userId: rep,
      values: { category: 'deal_at_risk', reason: REASON },
    });
    expect(accepted.outcome).toBe('close');
    await outboxIdle(harness.database.prisma);

    const ping = threadTexts(emulator).find((text) => text.includes(':sos:'));
    expect(ping).toContain('<!subteam^S0SALESSUP>');
    expect(ping).toContain('*Deal at risk*');
    expect(ping).toContain('Response due Mon 23 Nov 15:00 GMT (6 business hours)');
    const open = await database.prisma.escalationCase.findFirstOrThrow();
    expect(open).toMatchObject({ status: 'open', category: 'deal_at_risk', openedBy: rep });
    const response = await database.prisma.slaClock.findFirstOrThrow({ where: { kind: 'response' } });
    expect(response).toMatchObject({ status: 'running', dueAt: utc('2026-11-23T15:00:00') });
    await eventually(() => JSON.stringify(cardsIn(emulator)[0]?.blocks).includes('Escalated by'), 'the card');

    // /book status shows the due times and the open escalation.
    await emulator.slashCommand({
      userId: rep,
      command: '/book',
      text: 'status BK-2026-000001',
      channelId: DESK_CHANNEL,
    });
    const status = await eventually(() => emulator.ephemeralsFor(rep)[0], 'the /book status answer');
    const statusText = JSON.stringify(status.blocks);
    expect(statusText).toContain('*Approval SLA* (12 h): due Tue 24 Nov 12:00 GMT · 12 h left');
    expect(statusText).toContain('*Response SLA* (6 h): due Mon 23 Nov 15:00 GMT · 6 h left');
    expect(statusText).toContain(`Escalated by <@${rep}>* (Deal at risk)`);

    // While it is open: refused, and so is anyone but the requester.
    const seen = emulator.ephemeralsFor(rep).length;
    expect(seen).toBe(1);
    await clickEscalate(emulator, rep);
    expect(await lastEphemeral(emulator, rep, seen)).toContain('already has an open escalation');
    const other = PEOPLE.apacRep.id;
    await clickEscalate(emulator, other);
    expect(await lastEphemeral(emulator, other, 0)).toContain(`Only the requester, <@${rep}>, can escalate`);
    expect(emulator.openViewsOf(rep)).toHaveLength(0);
    expect(await database.prisma.escalationCase.count()).toBe(1);

    // The requester's own reply does not answer it; one from order management does.
    const reply = async (userId: string, text: string) => {
      const card = cardsIn(emulator)[0]!;
      const message = emulator.addMessage({ channel: DESK_CHANNEL, user: userId, text, threadTs: card.ts });
      const answer = await emulator.sendEvent({
        type: 'message',
        channel: DESK_CHANNEL,
        channel_type: 'channel',
        user: userId,
        text,
        ts: message.ts,
        thread_ts: card.ts,
      });
      expect(answer.status).toBe(200);
    };
    clock.set(utc('2026-11-23T10:30:00'));
    await reply(rep, 'Any news?');
    await reply(EMEA_SPECIALISTS.order_management, 'Looking at it now.');
    const answered = await eventually(
      () => database.prisma.escalationCase.findFirst({ where: { status: 'responded' } }),
      'the case answered',
    );
    expect(answered).toMatchObject({
      respondedBy: EMEA_SPECIALISTS.order_management,
      respondedAt: utc('2026-11-23T10:30:00'),
    });
    expect(await database.prisma.slaClock.findFirstOrThrow({ where: { kind: 'response' } })).toMatchObject({
      status: 'stopped',
      outcome: 'met',
    });
    const audit = (await database.prisma.auditEvent.findMany()).map((event) => event.action);
    expect(audit).toContain('escalation.opened');
    expect(audit).toContain('escalation.responded');
    expect(audit.filter((action) => action === 'refused.request_escalation')).toHaveLength(2);
  }, 60_000);

  it('escalates a response SLA nobody answered', async () => {
    clock = new ManualClock(utc('2026-11-23T09:00:00'));
    const harness = await start();
    const { emulator } = harness;
    await bookThroughSlack(emulator);
    await outboxIdle(harness.database.prisma);
    await clickEscalate(emulator, rep);
    await eventually(() => emulator.openViewsOf(rep).length === 1, 'the escalation form');
    await emulator.submitView({ userId: rep, values: { category: 'customer_deadline', reason: REASON } });
    await outboxIdle(harness.database.prisma);

    clock.set(utc('2026-11-23T15:00:00'));
    await harness.desk.sla.sweepNow();
    await outboxIdle(harness.database.prisma);
    const breach = threadTexts(emulator).filter((text) => text.includes('escalation response SLA'));
    expect(breach).toHaveLength(1);
    expect(breach[0]).toContain('*Escalation level 1*');
    expect(breach[0]).toContain('<!subteam^S0ORDERMANAGEMENTEMEA>');
  }, 60_000);

  it('is refused in a period-end window, saying until when', async () => {
    // Thursday 26 November: the EMEA month-end window runs to Monday 30 November's extended close.
    clock = new ManualClock(utc('2026-11-26T10:00:00'));
    const harness = await start();
    const { emulator, database } = harness;
    await bookThroughSlack(emulator);
    await outboxIdle(harness.database.prisma);
    await clickEscalate(emulator, rep);
    const text = await lastEphemeral(emulator, rep, 0);
    expect(text).toContain('month-end window');
    expect(text).toContain('escalations are paused until Mon 30 Nov 20:00 GMT');
    expect(emulator.openViewsOf(rep)).toHaveLength(0);
    expect(await database.prisma.escalationCase.count()).toBe(0);
  }, 60_000);

  it('shows the requester the approval due time in their own time zone', async () => {
    clock = new ManualClock(utc('2026-11-23T09:00:00'));
    const harness = await start();
    const { emulator } = harness;
    const sydney = PEOPLE.apacRep.id;
    await bookThroughSlack(emulator, { region: 'EMEA' }, sydney);
    const dm = await eventually(
      () =>
        emulator.dmWith(sydney).find((message) => JSON.stringify(message.blocks).includes('Approval due')),
      'the confirmation DM',
    );
    expect(JSON.stringify(dm.blocks)).toContain('Approval due *Tue 24 Nov 23:00 GMT+11* (your time)');
  }, 60_000);
});
