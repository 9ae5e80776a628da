// Submissions of the desk-admin modals. A reassignment must go to someone who holds the step's role
// in the request's region (the domain cannot see Slack groups, so this is checked here).

import type { App } from '@slack/bolt';
import { z } from 'zod';
import { actOnRequest } from '../../../app/act-on-request.ts';
import { loadBooking } from '../../../db/bookings.ts';
import { ROLE_LABELS } from '../../../domain/roles.ts';
import type { WorkflowCommand } from '../../../domain/workflow/commands.ts';
import type { SlackDeps } from '../../deps.ts';
import { CALLBACK, parseStepTarget } from '../../ids.ts';
import { refusalText } from '../../views/request-refusal.ts';
import { answerWithinBudget, FAILED_SUBMISSION, SLOW_SUBMISSION } from './ack-budget.ts';

const ValuesSchema = z.object({
  reason: z.object({ reason: z.object({ value: z.string().nullish() }) }),
  to: z.object({ to: z.object({ selected_user: z.string().nullish() }) }).optional(),
});

export function registerAdminDecisions(app: App, deps: SlackDeps): void {
  for (const callbackId of [CALLBACK.adminCancel, CALLBACK.adminReassign]) {
    app.view(callbackId, async ({ ack, body, view }) => {
      const deciding = decide(deps, callbackId, body.user.id, view.private_metadata, view.state.values);
      const errors = await answerWithinBudget(
        deps.logger.child({ user: body.user.id }),
        'admin decision',
        deciding,
        {
          late: { reason: SLOW_SUBMISSION },
          failed: { reason: FAILED_SUBMISSION },
        },
      );
      if (errors) await ack({ response_action: 'errors', errors });
      else await ack();
    });
  }
}

async function decide(
  deps: SlackDeps,
  callbackId: string,
  userId: string,
  metadata: string | undefined,
  values: unknown,
): Promise<Record<string, string> | null> {
  const target = parseStepTarget(metadata);
  const parsed = ValuesSchema.safeParse(values);
  const booking = target ? await loadBooking(deps.services.db, target.requestId) : null;
  if (!target || !parsed.success || !booking)
    return { reason: 'This form could not be read. Close it and try again.' };
  const reason = parsed.data.reason.reason.value?.trim() ?? '';
  if (reason.length < 10)
    return { reason: 'Give a reason of at least 10 characters; it goes on the record.' };
  const actor = await deps.roles.actorFor(userId, booking.region);
  const at = deps.services.clock.now();
  let command: WorkflowCommand = { type: 'cancel', actor, at, reason };
  if (callbackId === CALLBACK.adminReassign) {
    const to = parsed.data.to?.to.selected_user;
    if (!to) return { to: 'Choose who takes the step.' };
    const playbook = deps.services.playbooks.get(booking.workflow.playbook);
    const role = playbook?.steps.find((step) => step.id === target.stepId)?.role;
    if (!role) return { to: 'This step is no longer part of the request.' };
    const holder = await deps.roles.actorFor(to, booking.region);
    if (!holder.roles.includes(role))
      return { to: `They do not hold ${ROLE_LABELS[role]} in ${booking.region}.` };
    command = { type: 'reassign', actor, at, stepId: target.stepId, to, reason };
  }
  const result = await actOnRequest(deps.services, { requestId: booking.id, command });
  if (result.ok) return null;
  if (result.reason === 'not_found') return { reason: 'This request no longer exists.' };
  return { reason: refusalText(result.refusal, { command: command.type, requesterId: booking.requesterId }) };
}
