// `/book cancel BK-…` and `/book reassign BK-…`: check first (refusals are audited and explained),
// then open the modal that asks for the reason (and, to reassign, the person).

import type { WebClient } from '@slack/web-api';
import { probeCommand } from '../../../app/act-on-request.ts';
import { findRequestId, loadBooking } from '../../../db/bookings.ts';
import type { WorkflowCommand } from '../../../domain/workflow/commands.ts';
import { currentStep } from '../../../domain/workflow/queries.ts';
import type { SlackDeps } from '../../deps.ts';
import { escapeMrkdwn } from '../../mrkdwn.ts';
import { cancelModal, reassignModal } from '../../views/admin-modals.ts';
import { refusalText } from '../../views/request-refusal.ts';
import { asView } from '../../web-api-types.ts';

export const WHOLE_REQUEST = 'request';

interface AdminRequest {
  action: 'cancel' | 'reassign';
  target: string;
  userId: string;
  triggerId: string;
}

/** Opens the modal, or returns why not (shown to the admin only). */
export async function openAdminModal(
  deps: SlackDeps,
  client: WebClient,
  request: AdminRequest,
): Promise<string | null> {
  const id = await findRequestId(deps.services.db, request.target);
  const booking = id ? await loadBooking(deps.services.db, id) : null;
  if (!booking)
    return `No request matches \`${escapeMrkdwn(request.target.slice(0, 40)).replaceAll('`', "'")}\`.`;
  const playbook = deps.services.playbooks.get(booking.workflow.playbook);
  if (!playbook) throw new Error(`playbook of ${booking.reference} is not deployed`);
  const actor = await deps.roles.actorFor(request.userId, booking.region);
  const step = currentStep(booking.workflow, playbook);
  if (request.action === 'reassign' && (!step || step.waitingOn === 'requester')) {
    return `${booking.reference} has no step being worked to reassign.`;
  }
  const at = deps.services.clock.now();
  const command: WorkflowCommand =
    request.action === 'cancel'
      ? { type: 'cancel', actor, at, reason: '' }
      : { type: 'reassign', actor, at, stepId: step!.step.id, to: request.userId, reason: '' };
  const allowed = await probeCommand(deps.services, {
    requestId: booking.id,
    command,
    fixable: (refusal) => refusal.reason === 'invalid',
  });
  if (!allowed.ok) {
    return 'refusal' in allowed
      ? refusalText(allowed.refusal, { command: command.type, playbook, requesterId: booking.requesterId })
      : 'That request no longer exists.';
  }
  const view =
    request.action === 'cancel'
      ? cancelModal({ requestId: booking.id, stepId: WHOLE_REQUEST }, booking.reference)
      : reassignModal({ requestId: booking.id, stepId: step!.step.id }, booking.reference, step!.step.title);
  await client.views.open({ trigger_id: request.triggerId, view: asView(view) });
  return null;
}
