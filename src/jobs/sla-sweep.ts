// The SLA sweep: every minute (node-cron), claim the clocks whose next check has come, let the
// domain decide what is due, and record it — clock, audit events and the thread pings in the outbox —
// in one transaction per batch. A clock's alert counter moves in the same commit as its pings, so a
// restart neither loses a ping nor sends one twice.

import { OUTBOX_KIND } from '../app/outbox-kinds.ts';
import { audienceMentions } from '../app/sla-audience.ts';
import { roleOfClock } from '../app/sla-clock-scope.ts';
import { readClock } from '../app/sla-snapshot.ts';
import { orderingKeyOf } from '../app/workflow-effects.ts';
import { type DeskConfig, deskCalendars } from '../config/desk-config.ts';
import { type AuditEntry, recordAudit } from '../db/audit-log.ts';
import { enqueueOutbox, type OutboxEntry } from '../db/outbox.ts';
import { claimDueClocks, type StoredClock, saveClock } from '../db/sla-clocks.ts';
import type { Db, Tx } from '../db/types.ts';
import type { Clock } from '../domain/clock.ts';
import type { PlaybookRegistry } from '../domain/playbook/registry.ts';
import { parseRegion, type Region } from '../domain/regions.ts';
import type { Role } from '../domain/roles.ts';
import type { SlaClock } from '../domain/sla/clock.ts';
import { type FiredAlert, sweepClock } from '../domain/sla/sweep.ts';
import { WorkflowStateSchema } from '../domain/workflow/state.ts';
import type { Logger } from '../logger.ts';
import { slaAlertText } from '../slack/views/sla-alert.ts';
import { type JobRunMetrics, ScheduledJob } from './scheduled-job.ts';

/** Who the desk's own actions are recorded as in the audit log. */
export const SYSTEM_ACTOR = 'booking-desk';

export interface SlaSweepDeps {
  db: Db;
  clock: Clock;
  config: DeskConfig;
  playbooks: PlaybookRegistry;
  logger: Logger;
  /** Told how long each sweep took. */
  jobMetrics?: JobRunMetrics;
  outboxWritten(): void;
  /** The role group mention, with a covering backup pool when coverage is on at `at`. */
  groupMention?(role: Role, region: Region, at: Date): Promise<string>;
  batchSize?: number;
}

export interface SweepSummary {
  /** Clocks looked at. */
  clocks: number;
  /** Pings written to the outbox. */
  alerts: number;
}

export async function sweepSlaClocks(deps: SlaSweepDeps): Promise<SweepSummary> {
  const batchSize = deps.batchSize ?? 100;
  const summary: SweepSummary = { clocks: 0, alerts: 0 };
  for (;;) {
    const now = deps.clock.now();
    const batch = await deps.db.$transaction(async (tx) => sweepBatch(tx, deps, now, batchSize));
    summary.clocks += batch.clocks;
    summary.alerts += batch.alerts;
    if (batch.written) deps.outboxWritten();
    if (batch.clocks < batchSize) return summary;
  }
}

type RequestRow = { id: string; reference: string; region: string; workflow: unknown };

/** What one clock's sweep writes: the clock, its audit events and its outbox rows. */
interface ClockWrites {
  region: string;
  clock: SlaClock;
  audits: AuditEntry[];
  entries: OutboxEntry[];
  alerts: number;
}

/** A clock the sweep cannot handle is looked at again later rather than blocking the others. */
const RETRY_BROKEN_CLOCK_MS = 15 * 60_000;

async function sweepBatch(tx: Tx, deps: SlaSweepDeps, now: Date, limit: number) {
  const claimed = await claimDueClocks(tx, now, limit);
  const requests = new Map(
    (
      await tx.bookingRequest.findMany({
        where: { id: { in: [...new Set(claimed.map((stored) => stored.requestId))] } },
        select: { id: true, reference: true, region: true, workflow: true },
      })
    ).map((request) => [request.id, request]),
  );
  let alerts = 0;
  let written = false;
  for (const stored of claimed) {
    const request = requests.get(stored.requestId);
    let writes: ClockWrites;
    try {
      if (!request) throw new Error('the clock has no request');
      writes = await decideClock(deps, stored, request, now);
    } catch (error) {
      deps.logger.error('SLA clock could not be swept', {
        error,
        requestId: stored.requestId,
        clock: stored.clock.key,
      });
      const later = new Date(now.getTime() + RETRY_BROKEN_CLOCK_MS);
      writes = {
        region: stored.region,
        clock: { ...stored.clock, nextCheckAt: later },
        audits: [],
        entries: [],
        alerts: 0,
      };
    }
    await saveClock(tx, { requestId: stored.requestId, region: writes.region, clock: writes.clock, at: now });
    for (const audit of writes.audits) await recordAudit(tx, audit);
    if (writes.entries.length > 0) {
      await enqueueOutbox(tx, writes.entries);
      written = true;
    }
    alerts += writes.alerts;
  }
  return { clocks: claimed.length, alerts, written };
}

async function decideClock(
  deps: SlaSweepDeps,
  stored: StoredClock,
  request: RequestRow,
  now: Date,
): Promise<ClockWrites> {
  const region = parseRegion(request.region);
  const calendar = deskCalendars(deps.config)[region];
  const result = sweepClock(calendar, stored.clock, now);
  const writes: ClockWrites = {
    region,
    clock: result.clock,
    audits: [],
    entries: [],
    alerts: result.alerts.length,
  };
  if (result.alerts.length === 0 && !result.newlyBreached) return writes;

  const state = WorkflowStateSchema.parse(request.workflow);
  const playbook = deps.playbooks.get(state.playbook) ?? null;
  const scope = roleOfClock(stored.clock, state, playbook);
  const groupMention =
    scope.role && deps.groupMention ? await deps.groupMention(scope.role, region, now) : undefined;
  const reading = readClock(result.clock, calendar, now, playbook);
  const base = { requestId: stored.requestId, orderingKey: orderingKeyOf(stored.requestId), at: now };
  for (const [index, alert] of result.alerts.entries()) {
    const mentions = audienceMentions(
      {
        config: deps.config,
        region,
        role: scope.role,
        ownerId: scope.ownerId,
        ...(groupMention ? { groupMention } : {}),
      },
      alert.type === 'reminder' ? ['step_owner'] : alert.notify,
    );
    const text = slaAlertText({
      reference: request.reference,
      clockName: scope.clockName,
      alert:
        alert.type === 'reminder' ? alert : { type: 'escalation', level: alert.level, repeat: alert.repeat },
      dueAt: result.clock.dueAt,
      timeZone: calendar.config.timeZone,
      remainingMinutes: reading.remainingMinutes,
      mentions,
    });
    writes.audits.push({
      requestId: stored.requestId,
      actorId: SYSTEM_ACTOR,
      action: alert.type === 'reminder' ? 'sla.reminder' : 'sla.escalated',
      at: now,
      after: { clock: stored.clock.key, ...describeAlert(alert), mentions },
    });
    writes.entries.push({
      ...base,
      kind: OUTBOX_KIND.slaAlert,
      method: 'chat.postMessage',
      args: { requestId: stored.requestId, text },
      idempotencyKey: `${clockIdentity(stored)}:alert:${stored.clock.alertsFired}:${index}`,
    });
  }
  if (result.newlyBreached) {
    writes.audits.push({
      requestId: stored.requestId,
      actorId: SYSTEM_ACTOR,
      action: 'sla.breached',
      at: now,
      after: { clock: stored.clock.key, dueAt: result.clock.dueAt, breachedAt: result.clock.breachedAt },
    });
  }
  writes.entries.push({
    ...base,
    kind: OUTBOX_KIND.statusCardUpdate,
    method: 'chat.update',
    args: { requestId: stored.requestId },
    idempotencyKey: `${clockIdentity(stored)}:card:${result.clock.alertsFired}:${result.newlyBreached ? 'breach' : 'alert'}`,
  });
  return writes;
}

/** A clock key is reused when a step runs again; its start makes each run's keys distinct. */
function clockIdentity(stored: StoredClock): string {
  return `${stored.requestId}:sla:${stored.clock.key}:${stored.clock.startedAt.getTime()}`;
}

function describeAlert(alert: FiredAlert) {
  return alert.type === 'reminder'
    ? { type: 'reminder', percent: alert.percent }
    : { type: 'escalation', level: alert.level, repeat: alert.repeat, notify: alert.notify };
}

/** Runs the sweep every minute (and once at start); the database keeps instances apart. */
export class SlaSweeper {
  private readonly job: ScheduledJob<SweepSummary>;

  constructor(deps: SlaSweepDeps) {
    this.job = new ScheduledJob({
      name: 'SLA sweep',
      schedule: '* * * * *',
      runOnStart: true,
      run: () => sweepSlaClocks(deps),
      onError: () => ({ clocks: 0, alerts: 0 }),
      logger: deps.logger,
      metrics: deps.jobMetrics,
    });
  }

  start(): void {
    this.job.start();
  }

  /** One sweep now (also what the minute tick does); a call during a sweep waits for it first. */
  sweepNow(): Promise<SweepSummary> {
    return this.job.runNow();
  }

  stop(): Promise<void> {
    return this.job.stop();
  }
}
