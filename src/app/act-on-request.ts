// Applying one workflow command to a request: load, ask the domain, then ONE transaction that
// compare-and-sets the state on (id, version) and writes the audit event and the outbox rows. A lost
// race is retried on the fresh state, where the domain answers "already done by …" — so a double
// click, a Slack retry or two people at once apply exactly one change.

import { randomUUID } from 'node:crypto';
import { recordAudit } from '../db/audit-log.ts';
import { enqueueOutbox } from '../db/outbox.ts';
import { type Tx, toJson } from '../db/types.ts';
import { parseRegion } from '../domain/regions.ts';
import { planClockChanges } from '../domain/sla/plan.ts';
import type { WorkflowCommand } from '../domain/workflow/commands.ts';
import { decide } from '../domain/workflow/decide.ts';
import type { WorkflowEvent } from '../domain/workflow/events.ts';
import { requestStatusOf } from '../domain/workflow/queries.ts';
import type { Refusal } from '../domain/workflow/refusals.ts';
import { isClosed, type WorkflowState, WorkflowStateSchema } from '../domain/workflow/state.ts';
import type { ServiceContext } from './context.ts';
import { endOpenCase } from './escalation-cases.ts';
import { refreshHomes, touchedHomes } from './home-refresh.ts';
import { OUTBOX_KIND } from './outbox-kinds.ts';
import { applyClockChanges } from './sla-effects.ts';
import { withoutWaitingRenders } from './waiting-renders.ts';
import { cardUpdate, changedStepIds, orderingKeyOf, workflowEffects } from './workflow-effects.ts';

export interface ActRequest {
  requestId: string;
  command: WorkflowCommand;
  /**
   * Where to tell the actor about a refusal (the thread they clicked in). `text` returns null for a
   * refusal the caller shows itself (e.g. inline in a modal); the attempt is audited either way.
   */
  refusalTo?: { channel: string; threadTs?: string | null; text: (refusal: Refusal) => string | null };
  /** Extra writes in the same transaction (an amendment's new commercial version). */
  alsoInTransaction?: (tx: Tx, next: WorkflowState) => Promise<void>;
}

export type ActResult =
  | { ok: true; state: WorkflowState; events: WorkflowEvent[] }
  | { ok: false; reason: 'refused'; refusal: Refusal }
  | { ok: false; reason: 'not_found' };

/** Every lost race means another change won, so N people acting at once need at most N attempts. */
const MAX_ATTEMPTS = 20;

export function actOnRequest(ctx: ServiceContext, request: ActRequest): Promise<ActResult> {
  return actOnRequestWith(ctx, request, () => [request.command]);
}

/**
 * Several commands of one actor applied together in one transaction, built from the current state on
 * every attempt (a checkbox selection: one tick or untick per item it changes). None is a no-op; the
 * first refusal refuses them all.
 */
export function actInBatch(
  ctx: ServiceContext,
  request: Omit<ActRequest, 'command'> & { commands: (state: WorkflowState) => WorkflowCommand[] },
): Promise<ActResult> {
  return actOnRequestWith(ctx, request, request.commands);
}

interface Applied {
  command: WorkflowCommand;
  before: WorkflowState;
  after: WorkflowState;
  events: WorkflowEvent[];
}

async function actOnRequestWith(
  ctx: ServiceContext,
  request: Omit<ActRequest, 'command'>,
  commandsFor: (state: WorkflowState) => WorkflowCommand[],
): Promise<ActResult> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const row = await ctx.db.bookingRequest.findUnique({
      where: { id: request.requestId },
      select: { id: true, version: true, workflow: true, requesterId: true, region: true },
    });
    if (!row) return { ok: false, reason: 'not_found' };
    const state = WorkflowStateSchema.parse(row.workflow);
    const playbook = ctx.playbooks.get(state.playbook);
    if (!playbook)
      throw new Error(`playbook ${state.playbook.id} v${state.playbook.version} is not deployed`);
    const now = ctx.clock.now();
    const applied: Applied[] = [];
    let current = state;
    for (const command of commandsFor(state)) {
      const decided = decide(current, command, playbook);
      if (!decided.ok) {
        await recordRefusal(ctx, request, command, decided, now);
        return { ok: false, reason: 'refused', refusal: decided };
      }
      applied.push({ command, before: current, after: decided.state, events: decided.events });
      current = decided.state;
    }
    const last = applied.at(-1);
    if (!last) return { ok: true, state, events: [] };
    const events = applied.flatMap((change) => change.events);
    const committed = await ctx.db.$transaction(async (tx) => {
      const updated = await tx.bookingRequest.updateMany({
        where: { id: row.id, version: row.version },
        data: { workflow: toJson(current), version: current.version, status: requestStatusOf(current) },
      });
      if (updated.count !== 1) return false;
      await request.alsoInTransaction?.(tx, current);
      const clocks = await applyClockChanges(
        tx,
        ctx,
        { requestId: row.id, region: parseRegion(row.region) },
        planClockChanges({ before: state, after: current, events, playbook }),
      );
      if (clocks.some((clock) => clock.kind === 'response' && clock.status === 'stopped')) {
        const how = isClosed(current) ? 'closed' : 'responded';
        await endOpenCase(tx, row.id, { how, by: last.command.actor.userId, at: now });
      }
      for (const change of applied) await auditChange(tx, row.id, change, now);
      // A selection that only confirms what is shown changes nothing anyone sees.
      if (events.length === 0) return true;
      const effects = { requestId: row.id, requesterId: row.requesterId, version: current.version, at: now };
      const changed = changedStepIds(state, current);
      const entries = [...workflowEffects(events, effects, changed), cardUpdate(effects)];
      await enqueueOutbox(tx, await withoutWaitingRenders(tx, orderingKeyOf(row.id), entries));
      await refreshHomes(tx, touchedHomes(state, current, changed, playbook, row), now);
      return true;
    });
    if (committed) {
      if (events.length > 0) ctx.outboxWritten();
      return { ok: true, state: current, events };
    }
    // Lost the compare-and-set: spread the retries of a crowd of clicks a little.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * (attempt + 1)));
  }
  throw new Error(`request ${request.requestId} changed ${MAX_ATTEMPTS} times while applying one command`);
}

function auditChange(tx: Tx, requestId: string, change: Applied, at: Date) {
  return recordAudit(tx, {
    requestId,
    actorId: change.command.actor.userId,
    action: `workflow.${change.command.type}`,
    at,
    before: { status: change.before.status, version: change.before.version },
    after: {
      status: change.after.status,
      version: change.after.version,
      command: describe(change.command),
      events: change.events,
    },
  });
}

/**
 * Asks the domain whether a command could go ahead, without applying it: a button that opens a modal
 * is refused at the click (audited, explained) when no modal input could make it succeed.
 */
export async function probeCommand(
  ctx: ServiceContext,
  request: ActRequest & { fixable: (refusal: Refusal) => boolean },
): Promise<{ ok: true } | { ok: false; refusal: Refusal } | { ok: false; reason: 'not_found' }> {
  const row = await ctx.db.bookingRequest.findUnique({
    where: { id: request.requestId },
    select: { workflow: true },
  });
  if (!row) return { ok: false, reason: 'not_found' };
  const state = WorkflowStateSchema.parse(row.workflow);
  const playbook = ctx.playbooks.get(state.playbook);
  if (!playbook) throw new Error(`playbook ${state.playbook.id} v${state.playbook.version} is not deployed`);
  const decided = decide(state, request.command, playbook);
  if (decided.ok || request.fixable(decided)) return { ok: true };
  await recordRefusal(ctx, request, request.command, decided, ctx.clock.now());
  return { ok: false, refusal: decided };
}

/** A refused attempt changes nothing but is on the record, and the actor is told why. */
async function recordRefusal(
  ctx: ServiceContext,
  request: Omit<ActRequest, 'command'>,
  command: WorkflowCommand,
  refusal: Refusal,
  now: Date,
): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    await recordAudit(tx, {
      requestId: request.requestId,
      actorId: command.actor.userId,
      action: `refused.${command.type}`,
      at: now,
      after: { command: describe(command), refusal },
    });
    const to = request.refusalTo;
    const text = to?.text(refusal);
    if (!to || !text) return;
    await enqueueOutbox(tx, [
      {
        requestId: request.requestId,
        kind: OUTBOX_KIND.ephemeral,
        method: 'chat.postEphemeral',
        args: {
          channel: to.channel,
          user: command.actor.userId,
          threadTs: to.threadTs ?? null,
          text,
        },
        idempotencyKey: `${request.requestId}:refusal:${randomUUID()}`,
        orderingKey: `ephemeral:${command.actor.userId}`,
        at: now,
      },
    ]);
  });
  if (request.refusalTo?.text(refusal)) ctx.outboxWritten();
}

/** The command as recorded: who, what, and its inputs (the actor's roles are part of the record). */
function describe(command: WorkflowCommand): Record<string, unknown> {
  const { actor, at, ...rest } = command;
  return {
    ...rest,
    actor: actor.userId,
    actorRoles: actor.roles,
    actorIsDeskAdmin: actor.isDeskAdmin,
    at: at.toISOString(),
  };
}
