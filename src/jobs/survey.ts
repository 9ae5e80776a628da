// The quarterly satisfaction survey job: every 15 minutes (node-cron), for each region whose survey
// round has opened (the first business day of the quarter, at its opening), invite everyone whose
// latest request last quarter was in that region — invitation, audit event and DM in the outbox in
// one transaction, once per person per quarter (a unique key) — and send the reminders that are
// due, each once (rows claimed with FOR UPDATE SKIP LOCKED, then marked reminded in the same commit).

import { OUTBOX_KIND } from '../app/outbox-kinds.ts';
import { type DeskConfig, deskCalendars } from '../config/desk-config.ts';
import { recordAudit } from '../db/audit-log.ts';
import { enqueueOutbox, type OutboxEntry } from '../db/outbox.ts';
import {
  claimDueReminders,
  insertInvitations,
  latestRequestsOfUninvited,
  type NewInvitation,
} from '../db/surveys.ts';
import type { Db, Tx } from '../db/types.ts';
import type { BusinessCalendar } from '../domain/calendar/index.ts';
import type { Clock } from '../domain/clock.ts';
import { REGIONS, type Region } from '../domain/regions.ts';
import { invitationsDue, reminderDueAt, surveyRoundAt } from '../domain/survey/index.ts';
import type { Logger } from '../logger.ts';
import { type JobRunMetrics, ScheduledJob } from './scheduled-job.ts';
import { SYSTEM_ACTOR } from './sla-sweep.ts';

export interface SurveyJobDeps {
  db: Db;
  clock: Clock;
  config: DeskConfig;
  logger: Logger;
  /** Told how long each run took. */
  jobMetrics?: JobRunMetrics;
  outboxWritten(): void;
  batchSize?: number;
}

export interface SurveySummary {
  /** Invitations written (DMs queued). */
  invited: number;
  /** Reminders written. */
  reminded: number;
}

const NO_WORK: SurveySummary = { invited: 0, reminded: 0 };

/** The DMs of one person share an ordering key: the reminder never overtakes the invitation. */
export function surveyOrderingKey(userId: string): string {
  return `survey:${userId}`;
}

export async function runSurvey(deps: SurveyJobDeps): Promise<SurveySummary> {
  if (!deps.config.survey.enabled) return { ...NO_WORK };
  const calendars = deskCalendars(deps.config);
  let invited = 0;
  for (const region of REGIONS) invited += await inviteRegion(deps, region, calendars[region]);
  const reminded = await sendDueReminders(deps);
  return { invited, reminded };
}

async function inviteRegion(
  deps: SurveyJobDeps,
  region: Region,
  calendar: BusinessCalendar,
): Promise<number> {
  const now = deps.clock.now();
  const round = surveyRoundAt(calendar, now);
  if (!round.due) return 0;
  const quarter = round.surveyed.key;
  const requests = await latestRequestsOfUninvited(deps.db, {
    from: round.submittedFrom,
    until: round.submittedUntil,
    quarter,
  });
  const due = invitationsDue({ region, requests, alreadyInvited: new Set() });
  if (due.length === 0) return 0;
  const reminderAt = reminderDueAt(calendar, now, deps.config.survey.reminderAfterBusinessDays);
  const rows: NewInvitation[] = due.map((invitation) => ({
    quarter,
    userId: invitation.userId,
    region,
    sentAt: now,
    reminderDueAt: reminderAt,
    closesAt: round.closesAt,
  }));
  const created = await deps.db.$transaction(async (tx) => {
    const inserted = await insertInvitations(tx, rows);
    for (const invitation of inserted) {
      await recordAudit(tx, {
        requestId: null,
        actorId: SYSTEM_ACTOR,
        action: 'survey.invited',
        at: now,
        after: {
          invitationId: invitation.id,
          quarter,
          userId: invitation.userId,
          region,
          reminderDueAt: reminderAt,
          closesAt: round.closesAt,
        },
      });
    }
    await enqueueOutbox(
      tx,
      inserted.map(
        (invitation): OutboxEntry => ({
          requestId: null,
          kind: OUTBOX_KIND.surveyInvitation,
          method: 'chat.postMessage',
          args: { invitationId: invitation.id },
          idempotencyKey: `survey:${quarter}:${invitation.userId}:invitation`,
          orderingKey: surveyOrderingKey(invitation.userId),
          at: now,
        }),
      ),
    );
    return inserted.length;
  });
  if (created > 0) {
    deps.outboxWritten();
    deps.logger.info('survey invitations queued', { region, quarter, count: created });
  }
  return created;
}

async function sendDueReminders(deps: SurveyJobDeps): Promise<number> {
  const batchSize = deps.batchSize ?? 100;
  let reminded = 0;
  for (;;) {
    const now = deps.clock.now();
    const batch = await deps.db.$transaction((tx) => remindBatch(tx, now, batchSize));
    reminded += batch.reminded;
    if (batch.reminded > 0) deps.outboxWritten();
    if (batch.claimed < batchSize) return reminded;
  }
}

async function remindBatch(tx: Tx, now: Date, limit: number) {
  const claimed = await claimDueReminders(tx, now, limit);
  const entries: OutboxEntry[] = [];
  for (const invitation of claimed) {
    // Answered invitations have no reminder; one whose answers closed lets its reminder go.
    const open = !invitation.answeredAt && invitation.closesAt.getTime() > now.getTime();
    await tx.surveyInvitation.update({
      where: { id: invitation.id },
      data: { reminderDueAt: null, ...(open ? { remindedAt: now } : {}) },
    });
    if (!open) continue;
    await recordAudit(tx, {
      requestId: null,
      actorId: SYSTEM_ACTOR,
      action: 'survey.reminded',
      at: now,
      after: { invitationId: invitation.id, quarter: invitation.quarter, userId: invitation.userId },
    });
    entries.push({
      requestId: null,
      kind: OUTBOX_KIND.surveyReminder,
      method: 'chat.postMessage',
      args: { invitationId: invitation.id },
      idempotencyKey: `survey:${invitation.quarter}:${invitation.userId}:reminder`,
      orderingKey: surveyOrderingKey(invitation.userId),
      at: now,
    });
  }
  if (entries.length > 0) await enqueueOutbox(tx, entries);
  return { claimed: claimed.length, reminded: entries.length };
}

/** Runs the survey every 15 minutes (and once at start), never two runs at once in this process. */
export class SurveyJob extends ScheduledJob<SurveySummary> {
  constructor(deps: SurveyJobDeps) {
    super({
      name: 'survey run',
      schedule: '*/15 * * * *',
      runOnStart: true,
      run: () => runSurvey(deps),
      onError: () => ({ ...NO_WORK }),
      logger: deps.logger,
      metrics: deps.jobMetrics,
    });
  }
}
