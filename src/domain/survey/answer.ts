// One answer per person per quarter: the score (1–5), an optional comment, and the reasons an
// answer is refused (not their survey, already answered, closed).

import { z } from 'zod';

export const SURVEY_SCORES = [5, 4, 3, 2, 1] as const;
export type SurveyScore = (typeof SURVEY_SCORES)[number];
export const MAX_SURVEY_COMMENT_LENGTH = 1000;

export const SCORE_LABELS: Record<SurveyScore, string> = {
  5: '5 — Very satisfied',
  4: '4 — Satisfied',
  3: '3 — Neither',
  2: '2 — Dissatisfied',
  1: '1 — Very dissatisfied',
};

export const SurveyAnswerInputSchema = z.object({
  score: z.coerce
    .number({ error: 'Choose a score from 1 to 5.' })
    .int({ error: 'Choose a score from 1 to 5.' })
    .min(1, { error: 'Choose a score from 1 to 5.' })
    .max(5, { error: 'Choose a score from 1 to 5.' }),
  comment: z
    .string()
    .trim()
    .max(MAX_SURVEY_COMMENT_LENGTH, {
      error: (issue) =>
        `Keep the comment to ${MAX_SURVEY_COMMENT_LENGTH} characters (${String(issue.input).trim().length} now).`,
    })
    .default(''),
});
export type SurveyAnswerInput = z.output<typeof SurveyAnswerInputSchema>;

export interface InvitationState {
  userId: string;
  closesAt: Date;
  answeredAt: Date | null;
}

export type SurveyRefusal =
  | { code: 'not_invited' }
  | { code: 'already_answered'; answeredAt: Date }
  | { code: 'closed'; closedAt: Date };

/** Why `userId` may not answer this invitation at `now`; null when they may. */
export function surveyAnswerRefusal(
  invitation: InvitationState,
  userId: string,
  now: Date,
): SurveyRefusal | null {
  if (invitation.userId !== userId) return { code: 'not_invited' };
  if (invitation.answeredAt) return { code: 'already_answered', answeredAt: invitation.answeredAt };
  if (now.getTime() >= invitation.closesAt.getTime())
    return { code: 'closed', closedAt: invitation.closesAt };
  return null;
}
