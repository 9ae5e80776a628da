// The quarterly satisfaction survey end to end, with the desk's clock held by the test: everyone who
// submitted a request last quarter gets one DM at the first business day's opening in their region,
// one reminder three business days later unless they answered, answers once through the Rate the
// desk form, and is refused politely when they answer again or too late.

import { describe, expect, it } from 'vitest';
import { satisfactionByRegion } from '../../src/app/survey.ts';
import { ManualClock } from '../../src/domain/clock.ts';
import type { Region } from '../../src/domain/regions.ts';
import type { SlackEmulator, StoredMessage } from '../../src/emulator/index.ts';
import { ACTION } from '../../src/slack/ids.ts';
import { aDeskConfig, DESK_CHANNEL, PEOPLE } from '../support/desk-config.ts';
import { type DeskHarness, eventually, outboxIdle } from '../support/desk-harness.ts';
import { useDesk } from '../support/use-desk.ts';

const utc = (iso: string) => new Date(`${iso}Z`);
const rep = PEOPLE.rep.id;
const apacRep = PEOPLE.apacRep.id;
const lead = PEOPLE.lead.id;

let sequence = 0;

/** A request as the survey sees it: who submitted it, where and when (the rest is filler). */
async function submitted(harness: DeskHarness, requesterId: string, region: Region, at: string) {
  sequence += 1;
  await harness.database.prisma.bookingRequest.create({
    data: {
      reference: `BK-2026-${String(sequence).padStart(6, '0')}`,
      requesterId,
      region,
      status: 'completed',
      quoteNumber: `Q-${sequence}`,
      deskChannel: DESK_CHANNEL,
      playbookId: 'default',
      playbookVersion: 1,
      workflow: {},
      submittedAt: utc(at),
    },
  });
}

/** Moves the desk's clock and runs the survey job, as the quarter-hour cron would then. */
async function runAt(harness: DeskHarness, clock: ManualClock, iso: string) {
  clock.set(utc(iso));
  const summary = await harness.desk.survey.runNow();
  await outboxIdle(harness.database.prisma);
  return summary;
}

function surveyDms(emulator: SlackEmulator, userId: string): StoredMessage[] {
  return emulator
    .dmWith(userId)
    .filter((message) => JSON.stringify(message.blocks ?? []).includes(ACTION.surveyRate));
}

async function clickRate(emulator: SlackEmulator, userId: string, message: StoredMessage) {
  await emulator.clickButton({
    userId,
    actionId: ACTION.surveyRate,
    channel: message.channel,
    messageTs: message.ts,
  });
}

async function openedView(emulator: SlackEmulator, userId: string, what: string) {
  return eventually(() => emulator.openViewsOf(userId)[0], what);
}

describe('the quarterly satisfaction survey', () => {
  let clock = new ManualClock(utc('2027-01-01T12:00:00'));
  let deskConfig = aDeskConfig();
  const start = useDesk(() => ({ clock, deskConfig }));

  it('asks once per quarter per person, reminds once, takes one answer and refuses late ones', async () => {
    clock = new ManualClock(utc('2027-01-01T12:00:00'));
    deskConfig = aDeskConfig();
    const harness = await start();
    const { emulator, database } = harness;
    // Q4 2026: Rita in APAC then EMEA (latest: EMEA), Arjun in APAC; Dana only in Q3.
    await submitted(harness, rep, 'APAC', '2026-10-05T10:00:00');
    await submitted(harness, rep, 'EMEA', '2026-11-10T10:00:00');
    await submitted(harness, apacRep, 'APAC', '2026-12-01T01:00:00');
    await submitted(harness, lead, 'EMEA', '2026-09-15T10:00:00');

    // New Year's Day is a holiday everywhere: nothing yet.
    expect(await runAt(harness, clock, '2027-01-01T12:00:00')).toEqual({ invited: 0, reminded: 0 });

    // Monday 08:05 in Sydney (Sunday evening in London): APAC's survey goes out, EMEA's waits.
    expect(await runAt(harness, clock, '2027-01-03T21:05:00')).toEqual({ invited: 1, reminded: 0 });
    const [apacDm] = surveyDms(emulator, apacRep);
    expect(apacDm?.text).toContain('Q4 FY2026');
    expect(surveyDms(emulator, rep)).toHaveLength(0);

    // Monday 08:00 in London: Rita is asked, in EMEA; running again asks nobody twice.
    expect(await runAt(harness, clock, '2027-01-04T08:00:00')).toEqual({ invited: 1, reminded: 0 });
    expect(await runAt(harness, clock, '2027-01-04T08:15:00')).toEqual({ invited: 0, reminded: 0 });
    expect(surveyDms(emulator, rep)).toHaveLength(1);
    expect(surveyDms(emulator, lead)).toHaveLength(0);
    const invitations = await database.prisma.surveyInvitation.findMany({ orderBy: { sentAt: 'asc' } });
    expect(
      invitations.map(({ quarter, userId, region, reminderDueAt }) => ({
        quarter,
        userId,
        region,
        reminderDueAt,
      })),
    ).toEqual([
      { quarter: '2026-Q4', userId: apacRep, region: 'APAC', reminderDueAt: utc('2027-01-06T21:00:00') },
      { quarter: '2026-Q4', userId: rep, region: 'EMEA', reminderDueAt: utc('2027-01-07T08:00:00') },
    ]);

    // Rita rates the desk: the form, then a thank-you in its place.
    clock.set(utc('2027-01-05T10:00:00'));
    await clickRate(emulator, rep, surveyDms(emulator, rep)[0]!);
    const form = await openedView(emulator, rep, 'the survey form');
    expect(form.callback_id).toBe('survey_answer');
    const answered = await emulator.submitView({
      userId: rep,
      values: { score: '5', comment: 'Quick & friendly <3' },
    });
    expect(answered.outcome).toBe('update');
    expect(JSON.stringify(answered.body)).toContain('Thank you');
    expect(await database.prisma.surveyAnswer.findFirstOrThrow()).toMatchObject({
      quarter: '2026-Q4',
      region: 'EMEA',
      userId: rep,
      score: 5,
      comment: 'Quick & friendly <3',
    });

    // A click after answering says so; no second answer.
    await emulator.closeView({ userId: rep });
    await clickRate(emulator, rep, surveyDms(emulator, rep)[0]!);
    const notice = await openedView(emulator, rep, 'the already-answered notice');
    expect(JSON.stringify(notice.blocks)).toContain('You already answered for Q4 FY2026 — thank you');
    expect(await database.prisma.surveyAnswer.count()).toBe(1);

    // Thursday 08:00 in Sydney: Arjun's one reminder; Rita answered, so none for her, ever.
    expect(await runAt(harness, clock, '2027-01-06T21:00:00')).toEqual({ invited: 0, reminded: 1 });
    expect(await runAt(harness, clock, '2027-01-07T09:00:00')).toEqual({ invited: 0, reminded: 0 });
    expect(await runAt(harness, clock, '2027-01-14T09:00:00')).toEqual({ invited: 0, reminded: 0 });
    const apacDms = surveyDms(emulator, apacRep);
    expect(apacDms).toHaveLength(2);
    expect(apacDms[1]?.text).toContain('A reminder');
    expect(surveyDms(emulator, rep)).toHaveLength(1);

    // Arjun opens the form in time but submits after the quarter ended in Sydney: refused politely.
    clock.set(utc('2027-03-31T12:00:00'));
    await clickRate(emulator, apacRep, apacDms[1]!);
    await openedView(emulator, apacRep, 'the survey form');
    clock.set(utc('2027-03-31T13:00:00'));
    const late = await emulator.submitView({ userId: apacRep, values: { score: '2' } });
    expect(late.outcome).toBe('update');
    expect(JSON.stringify(late.body)).toContain('closed');
    expect(JSON.stringify(late.body)).toContain('no longer taken');
    expect(await database.prisma.surveyAnswer.count()).toBe(1);

    const audit = await database.prisma.auditEvent.findMany({
      where: { action: { contains: 'survey' } },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((event) => event.action)).toEqual([
      'survey.invited',
      'survey.invited',
      'survey.answered',
      'refused.survey_answer',
      'survey.reminded',
      'refused.survey_answer',
    ]);

    const report = await satisfactionByRegion(database.prisma, '2026-Q4', 92);
    expect(report.regions.EMEA).toEqual({ answers: 1, satisfied: 1, percent: 100, meetsTarget: true });
    expect(report.regions.APAC).toEqual({ answers: 0, satisfied: 0, percent: null, meetsTarget: null });
    expect(report.overall.percent).toBe(100);

    // Next quarter: Rita submitted again in Q1, so she is asked again, about Q1.
    await submitted(harness, rep, 'EMEA', '2027-02-10T10:00:00');
    expect(await runAt(harness, clock, '2027-04-01T06:59:00')).toEqual({ invited: 0, reminded: 0 });
    expect(await runAt(harness, clock, '2027-04-01T07:00:00')).toEqual({ invited: 1, reminded: 0 });
    const dms = surveyDms(emulator, rep);
    expect(dms).toHaveLength(2);
    expect(dms[1]?.text).toContain('Q1 FY2027');
  }, 60_000);

  it('sends nothing when the survey is turned off', async () => {
    clock = new ManualClock(utc('2027-01-04T09:00:00'));
    deskConfig = aDeskConfig();
    deskConfig.survey.enabled = false;
    const harness = await start();
    await submitted(harness, rep, 'EMEA', '2026-11-10T10:00:00');
    expect(await harness.desk.survey.runNow()).toEqual({ invited: 0, reminded: 0 });
    expect(await harness.database.prisma.surveyInvitation.count()).toBe(0);
  });
});
