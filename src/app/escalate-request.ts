// The requester's escalation: checked at the click (so a refused one never opens the form) and again
// in the one transaction that opens the case, starts the response SLA, pings Sales Support in the
// thread and updates the card. The request row is locked, so two clicks open one case.

import { randomUUID } from 'node:crypto';
import type { DeskConfig } from '../config/desk-config.ts';
import { recordAudit } from '../db/audit-log.ts';
import { enqueueOutbox } from '../db/outbox.ts';
import type { DbOrTx, Tx } from '../db/types.ts';
import { parseRegion, type Region } from '../domain/regions.ts';
import {
  type EscalationRefusal,
  escalationCategoryLabel,
  escalationRefusal,
} from '../domain/sla/escalation-case.ts';
import { responseClockKey } from '../domain/sla/plan.ts';
import { type WorkflowState, WorkflowStateSchema } from '../domain/workflow/state.ts';
import { escapeMrkdwn, mentionUser } from '../slack/mrkdwn.ts';
import { zonedTime } from '../slack/views/sla-format.ts';
import type { ServiceContext } from './context.ts';
import { findOpenCase } from './escalation-cases.ts';
import { OUTBOX_KIND } from './outbox-kinds.ts';
import { membersMention } from './sla-audience.ts';
import { applyClockChanges } from './sla-effects.ts';
import { orderingKeyOf } from './workflow-effects.ts';

export type EscalationCheck =
  | { ok: true; reference: string }
  | { ok: false; reason: 'not_found' }
  | {
      ok: false;
      reason: 'refused';
      refusal: EscalationRefusal;
      reference: string;
      requesterId: string;
      region: Region;
    };

interface Loaded {
  id: string;
  reference: string;
  requesterId: string;
  region: Region;
  state: WorkflowState;
}

async function load(db: DbOrTx, requestId: string, lock: boolean): Promise<Loaded | null> {
  if (lock)
    await (db as Tx).$executeRaw`SELECT 1 FROM "BookingRequest" WHERE "id" = ${requestId}::uuid FOR UPDATE`;
  const row = await db.bookingRequest.findUnique({
    where: { id: requestId },
    select: { id: true, reference: true, requesterId: true, region: true, workflow: true },
  });
  if (!row) return null;
  return { ...row, region: parseRegion(row.region), state: WorkflowStateSchema.parse(row.workflow) };
}

async function refusalFor(
  db: DbOrTx,
  ctx: Pick<ServiceContext, 'calendars'>,
  request: Loaded,
  actorId: string,
  at: Date,
): Promise<EscalationRefusal | null> {
  return escalationRefusal({
    state: request.state,
    actorId,
    openCase: await findOpenCase(db, request.id),
    periodEnd: ctx.calendars[request.region].periodEndStatus(at),
  });
}

/** May this person escalate now? A refusal is audited here and explained by `explain`, if given. */
export async function checkEscalation(
  ctx: ServiceContext,
  requestId: string,
  actorId: string,
  explain?: (refused: Extract<EscalationCheck, { reason: 'refused' }>) => RefusalNotice | null,
): Promise<EscalationCheck> {
  const request = await load(ctx.db, requestId, false);
  if (!request) return { ok: false, reason: 'not_found' };
  const refusal = await refusalFor(ctx.db, ctx, request, actorId, ctx.clock.now());
  if (!refusal) return { ok: true, reference: request.reference };
  const refused = { ok: false as const, reason: 'refused' as const, refusal, ...pick(request) };
  await recordEscalationRefusal(ctx, request.id, actorId, refusal, explain?.(refused) ?? undefined);
  return refused;
}

function pick(request: Loaded) {
  return { reference: request.reference, requesterId: request.requesterId, region: request.region };
}

/** Where to explain a refusal: an ephemeral message to the person, in the channel they clicked in. */
export interface RefusalNotice {
  channel: string;
  text: string;
}

export async function recordEscalationRefusal(
  ctx: ServiceContext,
  requestId: string,
  actorId: string,
  refusal: EscalationRefusal,
  notice?: RefusalNotice,
): Promise<void> {
  const at = ctx.clock.now();
  await ctx.db.$transaction(async (tx) => {
    await recordAudit(tx, {
      requestId,
      actorId,
      action: 'refused.request_escalation',
      at,
      after: { refusal },
    });
    if (!notice) return;
    await enqueueOutbox(tx, [
      {
        requestId,
        kind: OUTBOX_KIND.ephemeral,
        method: 'chat.postEphemeral',
        args: { channel: notice.channel, user: actorId, threadTs: null, text: notice.text },
        idempotencyKey: `${requestId}:refusal:${randomUUID()}`,
        orderingKey: `ephemeral:${actorId}`,
        at,
      },
    ]);
  });
  if (notice) ctx.outboxWritten();
}

export interface OpenEscalation {
  requestId: string;
  actorId: string;
  category: string;
  reason: string;
}

export type OpenEscalationResult =
  | { ok: true; caseId: string; reference: string; dueAt: Date | null }
  | Exclude<EscalationCheck, { ok: true }>;

export async function openEscalation(
  ctx: ServiceContext,
  config: DeskConfig,
  input: OpenEscalation,
): Promise<OpenEscalationResult> {
  const now = ctx.clock.now();
  const result = await ctx.db.$transaction(async (tx): Promise<OpenEscalationResult> => {
    const request = await load(tx, input.requestId, true);
    if (!request) return { ok: false, reason: 'not_found' };
    const refusal = await refusalFor(tx, ctx, request, input.actorId, now);
    if (refusal) return { ok: false, reason: 'refused', refusal, ...pick(request) };
    const playbook = ctx.playbooks.get(request.state.playbook) ?? ctx.playbook;
    const caseId = randomUUID();
    await tx.escalationCase.create({
      data: {
        id: caseId,
        requestId: request.id,
        category: input.category,
        reason: input.reason,
        openedBy: input.actorId,
        openedAt: now,
        status: 'open',
      },
    });
    const [clock] = await applyClockChanges(tx, ctx, { requestId: request.id, region: request.region }, [
      {
        type: 'start',
        key: responseClockKey(caseId),
        kind: 'response',
        stepId: null,
        targetMinutes: Math.round(playbook.slas.response.businessHours * 60),
        applyCutoff: false,
        at: now,
      },
    ]);
    const dueAt = clock?.dueAt ?? null;
    await recordAudit(tx, {
      requestId: request.id,
      actorId: input.actorId,
      action: 'escalation.opened',
      at: now,
      after: { caseId, category: input.category, reason: input.reason, responseDueAt: dueAt },
    });
    const timeZone = ctx.calendars[request.region].config.timeZone;
    const text =
      `:sos: ${membersMention(config.salesSupport)} ${mentionUser(input.actorId)} escalated ${request.reference}: ` +
      `*${escalationCategoryLabel(input.category)}*\n>${escapeMrkdwn(input.reason.trim()).replace(/\n/g, '\n>')}\n` +
      `Response due ${dueAt ? zonedTime(dueAt, timeZone) : 'at the next opening'} ` +
      `(${playbook.slas.response.businessHours} business hours): reply in this thread or take the step.`;
    await enqueueOutbox(tx, [
      caseEntry(request.id, caseId, 'post', now, {
        kind: OUTBOX_KIND.slaAlert,
        method: 'chat.postMessage',
        text,
      }),
      caseEntry(request.id, caseId, 'card', now, {
        kind: OUTBOX_KIND.statusCardUpdate,
        method: 'chat.update',
      }),
    ]);
    return { ok: true, caseId, reference: request.reference, dueAt };
  });
  if (result.ok) ctx.outboxWritten();
  else if (result.reason === 'refused')
    await recordEscalationRefusal(ctx, input.requestId, input.actorId, result.refusal);
  return result;
}

function caseEntry(
  requestId: string,
  caseId: string,
  what: string,
  at: Date,
  message: { kind: string; method: string; text?: string },
) {
  return {
    requestId,
    kind: message.kind,
    method: message.method,
    args: { requestId, ...(message.text ? { text: message.text } : {}) },
    idempotencyKey: `${requestId}:escalation:${caseId}:${what}`,
    orderingKey: orderingKeyOf(requestId),
    at,
  };
}

/**
 * Someone from the desk answered in the thread: the open case is responded to and its response
 * clock stops. Returns false when there was no open case (nothing changes).
 */
export async function respondToEscalation(
  ctx: ServiceContext,
  input: { requestId: string; region: Region; responderId: string; at: Date },
): Promise<boolean> {
  const responded = await ctx.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "BookingRequest" WHERE "id" = ${input.requestId}::uuid FOR UPDATE`;
    const open = await findOpenCase(tx, input.requestId);
    if (!open) return false;
    await tx.escalationCase.update({
      where: { id: open.id },
      data: { status: 'responded', respondedBy: input.responderId, respondedAt: input.at },
    });
    await applyClockChanges(tx, ctx, { requestId: input.requestId, region: input.region }, [
      { type: 'stop', target: { key: responseClockKey(open.id) }, at: input.at },
    ]);
    await recordAudit(tx, {
      requestId: input.requestId,
      actorId: input.responderId,
      action: 'escalation.responded',
      at: input.at,
      after: { caseId: open.id, how: 'thread_reply' },
    });
    await enqueueOutbox(tx, [
      caseEntry(input.requestId, open.id, 'responded-card', input.at, {
        kind: OUTBOX_KIND.statusCardUpdate,
        method: 'chat.update',
      }),
    ]);
    return true;
  });
  if (responded) ctx.outboxWritten();
  return responded;
}
