// Who is due an invitation, who may answer, and the satisfaction share.

import { describe, expect, it } from 'vitest';
import {
  invitationsDue,
  meetsTarget,
  SurveyAnswerInputSchema,
  satisfactionShare,
  surveyAnswerRefusal,
} from '../../../src/domain/survey/index.ts';

const utc = (iso: string) => new Date(`${iso}Z`);

describe('who is due an invitation', () => {
  const requests = [
    { requesterId: 'U1', region: 'EMEA' as const, submittedAt: utc('2026-10-02T10:00:00') },
    { requesterId: 'U1', region: 'APAC' as const, submittedAt: utc('2026-12-02T10:00:00') },
    { requesterId: 'U2', region: 'EMEA' as const, submittedAt: utc('2026-11-02T10:00:00') },
    { requesterId: 'U3', region: 'EMEA' as const, submittedAt: utc('2026-11-03T10:00:00') },
  ];

  it('asks each person once, in the region of their latest request, unless they were asked', () => {
    expect(invitationsDue({ region: 'EMEA', requests, alreadyInvited: new Set(['U3']) })).toEqual([
      { userId: 'U2', region: 'EMEA' },
    ]);
    expect(invitationsDue({ region: 'APAC', requests, alreadyInvited: new Set() })).toEqual([
      { userId: 'U1', region: 'APAC' },
    ]);
    expect(invitationsDue({ region: 'AMER', requests, alreadyInvited: new Set() })).toEqual([]);
  });
});

describe('who may answer', () => {
  const invitation = { userId: 'U1', closesAt: utc('2027-03-31T23:00:00'), answeredAt: null };

  it('the invited person, once, until the survey closes', () => {
    expect(surveyAnswerRefusal(invitation, 'U1', utc('2027-01-05T10:00:00'))).toBeNull();
    expect(surveyAnswerRefusal(invitation, 'U2', utc('2027-01-05T10:00:00'))).toEqual({
      code: 'not_invited',
    });
    const answeredAt = utc('2027-01-05T10:00:00');
    expect(surveyAnswerRefusal({ ...invitation, answeredAt }, 'U1', utc('2027-01-06T10:00:00'))).toEqual({
      code: 'already_answered',
      answeredAt,
    });
    expect(surveyAnswerRefusal(invitation, 'U1', utc('2027-03-31T23:00:00'))).toEqual({
      code: 'closed',
      closedAt: invitation.closesAt,
    });
  });

  it('takes a score 1–5 and a comment of up to 1000 characters', () => {
    expect(SurveyAnswerInputSchema.parse({ score: '4', comment: '  quick  ' })).toEqual({
      score: 4,
      comment: 'quick',
    });
    expect(SurveyAnswerInputSchema.safeParse({ score: '6', comment: '' }).success).toBe(false);
    expect(SurveyAnswerInputSchema.safeParse({ score: 'x', comment: '' }).success).toBe(false);
    expect(
      SurveyAnswerInputSchema.safeParse({ score: '5', comment: 'a'.repeat(1001) }).error?.issues[0]?.message,
    ).toBe('Keep the comment to 1000 characters (1001 now).');
  });
});

describe('satisfaction', () => {
  it('is the share of 4s and 5s, null without answers', () => {
    expect(satisfactionShare([5, 4, 3, 5])).toEqual({ answers: 4, satisfied: 3, percent: 75 });
    expect(satisfactionShare([5, 4, 2])).toEqual({ answers: 3, satisfied: 2, percent: 66.7 });
    expect(satisfactionShare([])).toEqual({ answers: 0, satisfied: 0, percent: null });
    expect(meetsTarget(satisfactionShare([5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 3]), 92)).toBe(true);
    expect(meetsTarget(satisfactionShare([5, 3]), 92)).toBe(false);
    expect(meetsTarget(satisfactionShare([]), 92)).toBeNull();
  });
});
