// The survey's store side on every backend: two job runs at once invite and remind each person
// once; two submissions at once record one answer; the satisfaction figures per region.

import { expect, it } from 'vitest';
import { answerSurvey, checkSurveyAnswer, satisfactionByRegion } from '../../src/app/survey.ts';
import { ManualClock } from '../../src/domain/clock.ts';
import type { Region } from '../../src/domain/regions.ts';
import { runSurvey } from '../../src/jobs/survey.ts';
import { createLogger } from '../../src/logger.ts';
import { forEachDatabase } from '../support/database.ts';
import { aDeskConfig } from '../support/desk-config.ts';

const utc = (iso: string) => new Date(`${iso}Z`);

forEachDatabase('the quarterly survey', (database) => {
  let sequence = 0;
  async function submitted(requesterId: string, region: Region, at: string) {
    sequence += 1;
    await database.prisma.bookingRequest.create({
      data: {
        reference: `BK-2026-${String(sequence).padStart(6, '0')}`,
        requesterId,
        region,
        status: 'completed',
        quoteNumber: `Q-${sequence}`,
        deskChannel: 'C0DESK',
        playbookId: 'default',
        playbookVersion: 1,
        workflow: {},
        submittedAt: utc(at),
      },
    });
  }

  function jobDeps(clock: ManualClock) {
    return {
      db: database.prisma,
      clock,
      config: aDeskConfig(),
      logger: createLogger('silent'),
      outboxWritten: () => {},
      batchSize: 2,
    };
  }

  it('invites and reminds each person once when two instances run at the same time', async () => {
    for (let index = 0; index < 5; index++) await submitted(`U${index}`, 'EMEA', '2026-11-10T10:00:00');
    const clock = new ManualClock(utc('2027-01-04T08:00:00'));
    const runs = await Promise.all([runSurvey(jobDeps(clock)), runSurvey(jobDeps(clock))]);
    expect(runs.reduce((sum, run) => sum + run.invited, 0)).toBe(5);
    expect(await database.prisma.surveyInvitation.count()).toBe(5);
    expect(await database.prisma.outboxMessage.count({ where: { kind: 'survey.invitation' } })).toBe(5);

    clock.set(utc('2027-01-07T08:00:00'));
    const reminders = await Promise.all([runSurvey(jobDeps(clock)), runSurvey(jobDeps(clock))]);
    expect(reminders.reduce((sum, run) => sum + run.reminded, 0)).toBe(5);
    expect(await database.prisma.outboxMessage.count({ where: { kind: 'survey.reminder' } })).toBe(5);
    expect(await database.prisma.surveyInvitation.count({ where: { reminderDueAt: null } })).toBe(5);
    expect((await runSurvey(jobDeps(clock))).reminded).toBe(0);
  });

  it('records one answer when the same person submits twice at once', async () => {
    await submitted('U1', 'EMEA', '2026-11-10T10:00:00');
    const clock = new ManualClock(utc('2027-01-04T08:00:00'));
    await runSurvey(jobDeps(clock));
    const invitation = await database.prisma.surveyInvitation.findFirstOrThrow();
    const ctx = { db: database.prisma, clock };
    expect(await checkSurveyAnswer(ctx, invitation.id, 'U2')).toMatchObject({
      ok: false,
      refusal: { code: 'not_invited' },
    });
    const answer = { invitationId: invitation.id, userId: 'U1', comment: '' };
    const results = await Promise.all([
      answerSurvey(ctx, { ...answer, score: 4 }),
      answerSurvey(ctx, { ...answer, score: 2 }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({
      reason: 'refused',
      refusal: { code: 'already_answered' },
      quarter: '2026-Q4',
    });
    expect(await database.prisma.surveyAnswer.count()).toBe(1);
    expect(await database.prisma.surveyInvitation.findFirstOrThrow()).toMatchObject({ reminderDueAt: null });
  });

  it('reports the share of 4s and 5s per region against the target', async () => {
    const scores: [string, Region, number][] = [
      ['U1', 'EMEA', 5],
      ['U2', 'EMEA', 4],
      ['U3', 'EMEA', 2],
      ['U4', 'APAC', 5],
    ];
    for (const [userId, region] of scores) await submitted(userId, region, '2026-11-10T10:00:00');
    const clock = new ManualClock(utc('2027-01-04T09:00:00'));
    await runSurvey(jobDeps(clock));
    for (const [userId, , score] of scores) {
      const invitation = await database.prisma.surveyInvitation.findFirstOrThrow({ where: { userId } });
      await answerSurvey(
        { db: database.prisma, clock },
        { invitationId: invitation.id, userId, score, comment: '' },
      );
    }
    const report = await satisfactionByRegion(database.prisma, '2026-Q4', 92);
    expect(report.target).toBe(92);
    expect(report.regions.EMEA).toEqual({ answers: 3, satisfied: 2, percent: 66.7, meetsTarget: false });
    expect(report.regions.APAC).toEqual({ answers: 1, satisfied: 1, percent: 100, meetsTarget: true });
    expect(report.regions.AMER).toEqual({ answers: 0, satisfied: 0, percent: null, meetsTarget: null });
    expect(report.overall).toEqual({ answers: 4, satisfied: 3, percent: 75, meetsTarget: false });
  });
});
