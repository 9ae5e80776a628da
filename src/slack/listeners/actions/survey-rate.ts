// Rate the desk (the quarterly survey's DM and reminder): opens the form, or — when the person
// already answered, the survey closed or it is someone else's — a short notice instead.

import type { App, BlockButtonAction } from '@slack/bolt';
import { checkSurveyAnswer } from '../../../app/survey.ts';
import type { SlackDeps } from '../../deps.ts';
import { ACTION } from '../../ids.ts';
import { surveyModal, surveyNotice, surveyRefusalText } from '../../views/survey-modal.ts';
import { asView } from '../../web-api-types.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function registerSurveyRate(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTION.surveyRate, async ({ ack, body, action, client }) => {
    await ack();
    const invitationId = action.value ?? '';
    const check = UUID.test(invitationId)
      ? await checkSurveyAnswer(deps.services, invitationId, body.user.id)
      : ({ ok: false, reason: 'not_found' } as const);
    const view = check.ok
      ? surveyModal({ invitationId, quarter: check.quarter })
      : surveyNotice(
          check.reason === 'not_found'
            ? surveyRefusalText({ code: 'not_found' }, null)
            : surveyRefusalText(check.refusal, check.quarter),
        );
    try {
      await client.views.open({ trigger_id: body.trigger_id, view: asView(view) });
    } catch (error) {
      deps.logger.warn('could not open the survey form', { error, invitationId });
    }
  });
}
