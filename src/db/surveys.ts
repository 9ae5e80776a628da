// Survey invitations and answers: the requesters of a quarter, the invitations written once per
// (quarter, person), and the reminder claim. A claim is a row lock taken with FOR UPDATE SKIP
// LOCKED inside the job's transaction, so two instances never remind the same person.

import { parseRegion } from '../domain/regions.ts';
import type { SubmittedRequest } from '../domain/survey/index.ts';
import type { SurveyInvitation } from './generated/client.ts';
import type { DbOrTx, Tx } from './types.ts';

/**
 * Each person's latest request submitted in [from, until), leaving out people already invited for
 * `quarter` (so a run after the invitations went out reads next to nothing).
 */
export async function latestRequestsOfUninvited(
  db: DbOrTx,
  range: { from: Date; until: Date; quarter: string },
): Promise<SubmittedRequest[]> {
  const rows = await db.$queryRaw<{ requesterId: string; region: string; submittedAt: Date }[]>`
    SELECT DISTINCT ON (r."requesterId") r."requesterId", r."region", r."submittedAt"
    FROM "BookingRequest" r
    WHERE r."submittedAt" >= ${range.from} AND r."submittedAt" < ${range.until}
      AND NOT EXISTS (
        SELECT 1 FROM "SurveyInvitation" i
        WHERE i."quarter" = ${range.quarter} AND i."userId" = r."requesterId"
      )
    ORDER BY r."requesterId", r."submittedAt" DESC, r."id" DESC`;
  return rows.map((row) => ({
    requesterId: row.requesterId,
    region: parseRegion(row.region),
    submittedAt: row.submittedAt,
  }));
}

export interface NewInvitation {
  quarter: string;
  userId: string;
  region: string;
  sentAt: Date;
  reminderDueAt: Date;
  closesAt: Date;
}

/** Inserts the invitations not there yet; returns only the ones this call created. */
export async function insertInvitations(
  tx: Tx,
  invitations: readonly NewInvitation[],
): Promise<SurveyInvitation[]> {
  if (invitations.length === 0) return [];
  return tx.surveyInvitation.createManyAndReturn({ data: [...invitations], skipDuplicates: true });
}

/** Locks up to `limit` invitations whose reminder is due, oldest first, skipping rows others hold. */
export async function claimDueReminders(tx: Tx, now: Date, limit: number): Promise<SurveyInvitation[]> {
  const ids = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "SurveyInvitation"
    WHERE "reminderDueAt" <= ${now}
    ORDER BY "reminderDueAt"
    LIMIT ${limit}
    FOR UPDATE SKIP LOCKED`;
  if (ids.length === 0) return [];
  return tx.surveyInvitation.findMany({
    where: { id: { in: ids.map((row) => row.id) } },
    orderBy: { reminderDueAt: 'asc' },
  });
}

/** The invitation, locked for this transaction (an answer and a reminder never cross). */
export async function lockInvitation(tx: Tx, id: string): Promise<SurveyInvitation | null> {
  await tx.$executeRaw`SELECT 1 FROM "SurveyInvitation" WHERE "id" = ${id}::uuid FOR UPDATE`;
  return tx.surveyInvitation.findUnique({ where: { id } });
}

/** Answers per region for one quarter: how many, and how many scored 4 or 5. */
export async function countAnswersByRegion(
  db: DbOrTx,
  quarter: string,
): Promise<{ region: string; answers: number; satisfied: number }[]> {
  const rows = await db.$queryRaw<{ region: string; answers: bigint; satisfied: bigint }[]>`
    SELECT "region", COUNT(*) AS "answers", COUNT(*) FILTER (WHERE "score" >= 4) AS "satisfied"
    FROM "SurveyAnswer" WHERE "quarter" = ${quarter}
    GROUP BY "region"`;
  return rows.map((row) => ({
    region: row.region,
    answers: Number(row.answers),
    satisfied: Number(row.satisfied),
  }));
}
