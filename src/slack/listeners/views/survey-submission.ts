// The survey form's submission: inline errors for the fields; the answer is recorded before the ack,
// so "already answered" (a second submission) and "closed" (a late one) replace the form with
// their explanation, and an accepted answer with a thank-you.

import type { App } from '@slack/bolt';
import { answerSurvey } from '../../../app/survey.ts';
import type { SlackDeps } from '../../deps.ts';
import { CALLBACK } from '../../ids.ts';
import {
  readSurveyAnswer,
  surveyNotice,
  surveyRefusalText,
  surveyThanksText,
} from '../../views/survey-modal.ts';
import { asView } from '../../web-api-types.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function registerSurveySubmission(app: App, deps: SlackDeps): void {
  app.view(CALLBACK.surveyAnswer, async ({ ack, body, view }) => {
    const invitationId = view.private_metadata;
    const read = readSurveyAnswer(view.state.values);
    if (!read.ok) return void (await ack({ response_action: 'errors', errors: read.errors }));
    if (!UUID.test(invitationId)) {
      return void (await ack({
        response_action: 'errors',
        errors: { score: 'This form could not be read. Close it and try again.' },
      }));
    }
    let result: Awaited<ReturnType<typeof answerSurvey>>;
    try {
      result = await answerSurvey(deps.services, { invitationId, userId: body.user.id, ...read.value });
    } catch (error) {
      deps.logger.error('could not record a survey answer', { error, invitationId });
      return void (await ack({
        response_action: 'errors',
        errors: {
          score: 'The desk could not save your answer just now; nothing was saved. Please try again.',
        },
      }));
    }
    const text = result.ok
      ? surveyThanksText(result.quarter)
      : result.reason === 'not_found'
        ? surveyRefusalText({ code: 'not_found' }, null)
        : surveyRefusalText(result.refusal, result.quarter);
    await ack({
      response_action: 'update',
      view: asView(surveyNotice(text, result.ok ? 'Thank you' : 'Rate the desk')),
    });
  });
}
