// The quarterly satisfaction survey's answers: checked at the click (so a refused one never opens
// the form) and recorded once, in one transaction with its audit event, on submission. Also the
// satisfaction figures per region that /book stats and the lead's Home show.

import { recordAudit } from '../db/audit-log.ts';
import { countAnswersByRegion, lockInvitation } from '../db/surveys.ts';
import type { DbOrTx, Tx } from '../db/types.ts';
import type { BusinessCalendar } from '../domain/calendar/index.ts';
import { parseRegion, REGIONS, type Region } from '../domain/regions.ts';
import {
  meetsTarget,
  type SatisfactionFigure,
  type SurveyAnswerInput,
  type SurveyRefusal,
  satisfactionOf,
  surveyAnswerRefusal,
  surveyRoundAt,
} from '../domain/survey/index.ts';
import type { ServiceContext } from './context.ts';

/** The desk config's default `kpis.satisfactionTarget`, in percent. */
export const DEFAULT_SATISFACTION_TARGET = 92;

export type SurveyCheck =
  | { ok: true; quarter: string; region: Region }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'refused'; refusal: SurveyRefusal; quarter: string; region: Region };

export type SurveyAnswerResult =
  | { ok: true; quarter: string; region: Region; score: number }
  | Exclude<SurveyCheck, { ok: true }>;

async function checkLocked(tx: Tx, invitationId: string, userId: string, now: Date): Promise<SurveyCheck> {
  const invitation = await lockInvitation(tx, invitationId);
  if (!invitation) return { ok: false, reason: 'not_found' };
  const region = parseRegion(invitation.region);
  const refusal = surveyAnswerRefusal(invitation, userId, now);
  if (refusal) {
    await recordAudit(tx, {
      requestId: null,
      actorId: userId,
      action: 'refused.survey_answer',
      at: now,
      after: { invitationId, quarter: invitation.quarter, refusal },
    });
    return { ok: false, reason: 'refused', refusal, quarter: invitation.quarter, region };
  }
  return { ok: true, quarter: invitation.quarter, region };
}

/** May this person answer this survey now? A refusal is audited. */
export async function checkSurveyAnswer(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  invitationId: string,
  userId: string,
): Promise<SurveyCheck> {
  const now = ctx.clock.now();
  return ctx.db.$transaction((tx) => checkLocked(tx, invitationId, userId, now));
}

/**
 * Records the answer once: the invitation is locked, checked (theirs, not answered, not closed) and
 * marked answered — its reminder cancelled — in the same transaction as the answer and its audit
 * event. A second submission is refused with `already_answered`.
 */
export async function answerSurvey(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  input: SurveyAnswerInput & { invitationId: string; userId: string },
): Promise<SurveyAnswerResult> {
  const now = ctx.clock.now();
  return ctx.db.$transaction(async (tx): Promise<SurveyAnswerResult> => {
    const check = await checkLocked(tx, input.invitationId, input.userId, now);
    if (!check.ok) return check;
    await tx.surveyAnswer.create({
      data: {
        invitationId: input.invitationId,
        quarter: check.quarter,
        region: check.region,
        userId: input.userId,
        score: input.score,
        comment: input.comment,
        answeredAt: now,
      },
    });
    await tx.surveyInvitation.update({
      where: { id: input.invitationId },
      data: { answeredAt: now, reminderDueAt: null },
    });
    await recordAudit(tx, {
      requestId: null,
      actorId: input.userId,
      action: 'survey.answered',
      at: now,
      after: {
        invitationId: input.invitationId,
        quarter: check.quarter,
        region: check.region,
        score: input.score,
        comment: input.comment,
      },
    });
    return { ok: true, quarter: check.quarter, region: check.region, score: input.score };
  });
}

export interface RegionSatisfaction extends SatisfactionFigure {
  /** Whether the share meets the target; null without answers. */
  meetsTarget: boolean | null;
}

export interface SatisfactionReport {
  quarter: string;
  /** The target share of 4s and 5s, in percent. */
  target: number;
  regions: Record<Region, RegionSatisfaction>;
  /** Every region together. */
  overall: RegionSatisfaction;
}

function withTarget(figure: SatisfactionFigure, target: number): RegionSatisfaction {
  return { ...figure, meetsTarget: meetsTarget(figure, target) };
}

/**
 * Satisfaction of one surveyed quarter (e.g. "2026-Q4"), per region: answers, how many were 4 or 5,
 * their share in percent (null without answers), against `target` (pass the desk config's
 * `kpis.satisfactionTarget`).
 */
export async function satisfactionByRegion(
  db: DbOrTx,
  quarterKey: string,
  target: number = DEFAULT_SATISFACTION_TARGET,
): Promise<SatisfactionReport> {
  const counts = await countAnswersByRegion(db, quarterKey);
  const byRegion = new Map(counts.map((row) => [row.region, row]));
  const regions = Object.fromEntries(
    REGIONS.map((region) => {
      const row = byRegion.get(region);
      return [region, withTarget(satisfactionOf(row ?? { answers: 0, satisfied: 0 }), target)];
    }),
  ) as Record<Region, RegionSatisfaction>;
  const total = counts.reduce(
    (sum, row) => ({ answers: sum.answers + row.answers, satisfied: sum.satisfied + row.satisfied }),
    { answers: 0, satisfied: 0 },
  );
  return { quarter: quarterKey, target, regions, overall: withTarget(satisfactionOf(total), target) };
}

/**
 * The quarter the latest survey asked about, in a region's calendar at `now` (the one before the
 * current fiscal quarter): what /book stats and the Home show by default.
 */
export function latestSurveyedQuarter(calendar: BusinessCalendar, now: Date): string {
  return surveyRoundAt(calendar, now).surveyed.key;
}
