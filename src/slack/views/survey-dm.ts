// The quarterly survey's DM and its reminder: one question and a Rate the desk button.

import { quarterLabel } from '../../domain/survey/index.ts';
import { ACTION } from '../ids.ts';
import { type Block, context, section } from './elements.ts';
import { slackDate } from './formatting.ts';
import { button } from './step-buttons.ts';

export interface SurveyDmInput {
  invitationId: string;
  quarter: string;
  closesAt: Date;
  reminder: boolean;
}

export function surveyDm(input: SurveyDmInput): { text: string; blocks: Block[] } {
  const label = quarterLabel(input.quarter);
  const text = input.reminder
    ? `A reminder: how did the booking desk do for you in ${label}? One question, thirty seconds.`
    : `How did the booking desk do for you in ${label}? You submitted requests then; one question, thirty seconds.`;
  return {
    text,
    blocks: [
      section(
        input.reminder
          ? `:wave: A reminder: how did the booking desk do for you in *${label}*? One question, thirty seconds.`
          : `:wave: You submitted requests to the booking desk in *${label}*. How did we do? One question, thirty seconds.`,
      ),
      {
        type: 'actions',
        block_id: 'survey_actions',
        elements: [
          button({
            actionId: ACTION.surveyRate,
            text: 'Rate the desk',
            value: input.invitationId,
            style: 'primary',
          }),
        ],
      },
      context(`One answer per person per quarter · open until ${slackDate(input.closesAt)}`),
    ],
  };
}
