// Real requests at every stage of the booking procedure, made through the application services (so
// the workflow, clocks, terms, lines and audit events are exactly what the app writes), for the
// benchmarks to copy in bulk with SQL (seed-requests.ts).

import { actOnRequest } from '../src/app/act-on-request.ts';
import type { ServiceContext } from '../src/app/context.ts';
import { submitBooking } from '../src/app/submit-booking.ts';
import type { ManualClock } from '../src/domain/clock.ts';
import { DEFAULT_PLAYBOOK } from '../src/domain/playbook/default-playbook.ts';
import type { Step } from '../src/domain/playbook/schema.ts';
import type { Region } from '../src/domain/regions.ts';
import type { WorkflowCommand } from '../src/domain/workflow/commands.ts';
import { EMEA_SPECIALISTS, PEOPLE } from '../test/support/desk-config.ts';
import { aDraft } from '../test/support/services.ts';

/** Where a template request stands: open at a step (0-based; taken or not), waiting, or closed. */
export type Stage =
  | { kind: 'open'; step: number; taken: boolean }
  | { kind: 'changes_requested'; step: number }
  | { kind: 'completed' }
  | { kind: 'rejected' }
  | { kind: 'withdrawn' }
  | { kind: 'cancelled' };

type CommandInput = WorkflowCommand extends infer C
  ? C extends WorkflowCommand
    ? Omit<C, 'actor' | 'at'>
    : never
  : never;

/** People of the benchmark workspace, so that anything the app sends them reaches someone. */
const REQUESTER = PEOPLE.rep.id;

function evidenceFor(step: Step): Record<string, string> {
  return Object.fromEntries(
    step.evidence.map((field) => {
      switch (field.type) {
        case 'reference':
          return [field.id, field.example ?? 'REF-100'];
        case 'date':
          return [field.id, '2026-12-15'];
        case 'choice':
          return [field.id, field.options[0]!.id];
        case 'slack_user':
          return [field.id, 'U0COEMEA'];
        default:
          return [field.id, 'Checked'];
      }
    }),
  );
}

async function act(
  ctx: ServiceContext,
  requestId: string,
  command: CommandInput,
  role: Step['role'] | 'admin' | null,
) {
  const actor =
    role === 'admin'
      ? { userId: PEOPLE.lead.id, roles: [], isDeskAdmin: true }
      : role
        ? { userId: EMEA_SPECIALISTS[role], roles: [role], isDeskAdmin: false }
        : { userId: REQUESTER, roles: [], isDeskAdmin: false };
  const result = await actOnRequest(ctx, {
    requestId,
    command: { ...command, actor, at: ctx.clock.now() } as WorkflowCommand,
  });
  if (!result.ok) throw new Error(`seeding: ${command.type} refused: ${JSON.stringify(result)}`);
}

async function take(ctx: ServiceContext, requestId: string, index: number) {
  const step = DEFAULT_PLAYBOOK.steps[index]!;
  await act(ctx, requestId, { type: 'take', stepId: step.id }, step.role);
}

/** Business time passes between steps, so approval times and clocks look like a desk's. */
const MINUTES_PER_STEP = 50;

async function work(ctx: ServiceContext, requestId: string, index: number) {
  const step = DEFAULT_PLAYBOOK.steps[index]!;
  await take(ctx, requestId, index);
  for (const item of step.checklist)
    await act(ctx, requestId, { type: 'tick', stepId: step.id, itemId: item.id }, step.role);
  await act(ctx, requestId, { type: 'complete', stepId: step.id, evidence: evidenceFor(step) }, step.role);
}

/** Makes one request at `stage` in `region`; returns its id. */
export async function makeTemplate(
  { ctx, clock }: { ctx: ServiceContext; clock: ManualClock },
  region: Region,
  stage: Stage,
  quoteNumber: string,
) {
  const submitted = await submitBooking(ctx, {
    requesterId: REQUESTER,
    deskChannel: 'C0DESK',
    intakeViewId: null,
    draft: aDraft({ quoteNumber, region }),
  });
  if (!submitted.ok) throw new Error(`seeding: booking ${quoteNumber} refused`);
  const id = submitted.requestId;
  const steps = DEFAULT_PLAYBOOK.steps;
  switch (stage.kind) {
    case 'open':
      for (let index = 0; index < stage.step; index++) {
        clock.advanceMinutes(MINUTES_PER_STEP);
        await work(ctx, id, index);
      }
      if (stage.taken) await take(ctx, id, stage.step);
      break;
    case 'changes_requested': {
      for (let index = 0; index < stage.step; index++) {
        clock.advanceMinutes(MINUTES_PER_STEP);
        await work(ctx, id, index);
      }
      const step = steps[stage.step]!;
      await take(ctx, id, stage.step);
      await act(
        ctx,
        id,
        { type: 'request_changes', stepId: step.id, note: 'Please attach the signed order form' },
        step.role,
      );
      break;
    }
    case 'completed':
      for (let index = 0; index < steps.length; index++) {
        clock.advanceMinutes(MINUTES_PER_STEP);
        await work(ctx, id, index);
      }
      break;
    case 'rejected': {
      const step = steps[0]!;
      await take(ctx, id, 0);
      await act(
        ctx,
        id,
        { type: 'reject', stepId: step.id, reason: 'The quote has expired', category: null },
        step.role,
      );
      break;
    }
    case 'withdrawn':
      await act(ctx, id, { type: 'withdraw', reason: 'The customer changed their mind' }, null);
      break;
    case 'cancelled':
      await act(ctx, id, { type: 'cancel', reason: 'Duplicate of another request' }, 'admin');
      break;
  }
  return id;
}
