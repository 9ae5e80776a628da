// The quarterly survey's form (a score from 1 to 5, required, and an optional comment), reading it
// back, and the short notices shown instead when an answer is refused.

import {
  MAX_SURVEY_COMMENT_LENGTH,
  quarterLabel,
  SCORE_LABELS,
  SURVEY_SCORES,
  type SurveyAnswerInput,
  SurveyAnswerInputSchema,
  type SurveyRefusal,
} from '../../domain/survey/index.ts';
import { CALLBACK } from '../ids.ts';
import { type Block, context, option, plain, section } from './elements.ts';
import { slackDate } from './formatting.ts';
import { textInput } from './step-inputs.ts';
import { type ModalRead, readInputs } from './step-modal-readers.ts';

export function surveyModal(input: { invitationId: string; quarter: string }) {
  const blocks: Block[] = [
    context(`The booking desk in ${quarterLabel(input.quarter)} · one answer, read by the desk lead.`),
    {
      type: 'input',
      block_id: 'score',
      label: plain('How satisfied were you with the booking desk?', 2000),
      element: {
        type: 'radio_buttons',
        action_id: 'score',
        options: SURVEY_SCORES.map((score) => option(String(score), SCORE_LABELS[score])),
      },
    },
    textInput({
      id: 'comment',
      label: 'Anything we should keep or change?',
      optional: true,
      multiline: true,
      maxLength: MAX_SURVEY_COMMENT_LENGTH,
    }),
  ];
  return {
    type: 'modal' as const,
    callback_id: CALLBACK.surveyAnswer,
    private_metadata: input.invitationId,
    title: plain('Rate the desk', 24),
    submit: plain('Send', 24),
    close: plain('Cancel', 24),
    blocks,
  };
}

export function readSurveyAnswer(stateValues: unknown): ModalRead<SurveyAnswerInput> {
  const read = readInputs(stateValues, {
    score: { required: true, label: 'A score' },
    comment: { required: false, label: 'The comment' },
  });
  if (!read.ok) return read;
  const parsed = SurveyAnswerInputSchema.safeParse({
    score: read.value.score,
    comment: read.value.comment ?? '',
  });
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'score');
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

export function surveyRefusalText(
  refusal: SurveyRefusal | { code: 'not_found' },
  quarter: string | null,
): string {
  const label = quarter ? quarterLabel(quarter) : 'this quarter';
  switch (refusal.code) {
    case 'already_answered':
      return `You already answered for ${label} — thank you. There is one answer per person per quarter.`;
    case 'closed':
      return `The survey for ${label} closed ${slackDate(refusal.closedAt)}, so answers are no longer taken. Thank you all the same: the next one comes at the start of next quarter.`;
    case 'not_invited':
      return 'This survey was sent to someone else; only they can answer it.';
    case 'not_found':
      return 'This survey no longer exists.';
  }
}

/** What replaces the form (or opens instead of it) when the answer is refused, or once it is recorded. */
export function surveyNotice(text: string, title = 'Rate the desk') {
  return {
    type: 'modal' as const,
    title: plain(title, 24),
    close: plain('Close', 24),
    blocks: [section(text)],
  };
}

export function surveyThanksText(quarter: string): string {
  return `Thank you — your answer for ${quarterLabel(quarter)} is recorded.`;
}
