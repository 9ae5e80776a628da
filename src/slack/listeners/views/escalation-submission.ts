// The escalation form's submission: inline errors for the fields; a refusal that arose since the
// click (another escalation, a period-end window) replaces the form with its explanation.

import type { App, ViewResponseAction } from '@slack/bolt';
import { openEscalation } from '../../../app/escalate-request.ts';
import type { SlackDeps } from '../../deps.ts';
import { CALLBACK } from '../../ids.ts';
import { plain, section } from '../../views/elements.ts';
import { escalationRefusalText, readEscalationRequest } from '../../views/request-escalation.ts';
import { asView } from '../../web-api-types.ts';
import { answerWithinBudget, FAILED_SUBMISSION, SLOW_SUBMISSION } from './ack-budget.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function registerEscalationSubmission(app: App, deps: SlackDeps): void {
  app.view(CALLBACK.requestEscalate, async ({ ack, body, view }) => {
    const requestId = view.private_metadata;
    const read = readEscalationRequest(view.state.values);
    if (!read.ok) return void (await ack({ response_action: 'errors', errors: read.errors }));
    if (!UUID.test(requestId)) {
      return void (await ack({
        response_action: 'errors',
        errors: { reason: 'This form could not be read. Close it and try again.' },
      }));
    }
    const escalating = escalate(deps, requestId, body.user.id, read.value);
    const logger = deps.logger.child({ user: body.user.id });
    const errors = (reason: string) => ({ response_action: 'errors' as const, errors: { reason } });
    const answer = await answerWithinBudget(logger, 'escalation', escalating, {
      late: errors(SLOW_SUBMISSION),
      failed: errors(FAILED_SUBMISSION),
    });
    await ack(answer ?? undefined);
  });
}

/** Null when escalated; else the form replaced by why not. */
async function escalate(
  deps: SlackDeps,
  requestId: string,
  actorId: string,
  input: { category: string; reason: string },
): Promise<ViewResponseAction | null> {
  const result = await openEscalation(deps.services, deps.config, { requestId, actorId, ...input });
  if (result.ok) return null;
  const text =
    result.reason === 'not_found'
      ? 'This request no longer exists.'
      : escalationRefusalText(result.refusal, {
          ...result,
          timeZone: deps.services.calendars[result.region].config.timeZone,
        });
  const notice = {
    type: 'modal' as const,
    title: plain('Not escalated', 24),
    close: plain('Close', 24),
    blocks: [section(text)],
  };
  return { response_action: 'update', view: asView(notice) };
}
