// The quarterly satisfaction survey: which quarter, who is due an invitation, when the reminder is
// due, who may answer, and the satisfaction share.

export type { InvitationState, SurveyAnswerInput, SurveyRefusal, SurveyScore } from './answer.ts';
export {
  MAX_SURVEY_COMMENT_LENGTH,
  SCORE_LABELS,
  SURVEY_SCORES,
  SurveyAnswerInputSchema,
  surveyAnswerRefusal,
} from './answer.ts';
export type { DueInvitation, SubmittedRequest } from './invitations.ts';
export { invitationsDue, surveyRegions } from './invitations.ts';
export type { FiscalQuarter } from './quarter.ts';
export {
  nextQuarter,
  parseQuarterKey,
  previousQuarter,
  quarterContaining,
  quarterKey,
  quarterLabel,
} from './quarter.ts';
export type { SatisfactionFigure } from './satisfaction.ts';
export { isSatisfied, meetsTarget, satisfactionOf, satisfactionShare } from './satisfaction.ts';
export type { SurveyRound } from './schedule.ts';
export { reminderDueAt, startOfLocalDay, surveyRoundAt } from './schedule.ts';
