import { describe, expect, it } from 'vitest';
import { decide } from '../../../src/domain/workflow/decide.ts';
import {
  accept,
  admin,
  apply,
  at,
  om,
  om2,
  playbook,
  refusal,
  requester,
  started,
  walked,
} from './support.ts';

describe('desk admins', () => {
  it('reassign the active step to someone else, with a reason, and the new owner shows', () => {
    const taken = apply(started(), { type: 'take', stepId: 'verify_quote', actor: om, at: at(1) });
    const moved = accept(taken, {
      type: 'reassign',
      stepId: 'verify_quote',
      to: om2.userId,
      reason: 'Ada is on leave',
      actor: admin,
      at: at(2),
    });
    expect(moved.events).toEqual([
      {
        type: 'reassigned',
        stepId: 'verify_quote',
        from: om.userId,
        to: om2.userId,
        reason: 'Ada is on leave',
        by: admin.userId,
        at: '2026-11-23T09:02:00.000Z',
      },
    ]);
    expect(moved.state.steps[0]?.assignee).toEqual({
      userId: om2.userId,
      by: admin.userId,
      at: '2026-11-23T09:02:00.000Z',
    });
    expect(moved.state.status).toBe('in_review');
  });

  it('do not move a submitted request into review by reassigning it', () => {
    const moved = apply(started(), {
      type: 'reassign',
      stepId: 'verify_quote',
      to: om2.userId,
      reason: 'Specialist for this account',
      actor: admin,
      at: at(2),
    });
    expect(moved.status).toBe('submitted');
  });

  it('cancel a request at any open status, even after booking', () => {
    const cancelled = accept(walked(5), {
      type: 'cancel',
      reason: 'Contract voided',
      actor: admin,
      at: at(3),
    });
    expect(cancelled.events).toEqual([
      {
        type: 'cancelled',
        reason: 'Contract voided',
        stepId: 'provisioning_handoff',
        by: admin.userId,
        at: '2026-11-23T09:03:00.000Z',
      },
    ]);
    expect(cancelled.state).toMatchObject({
      status: 'cancelled',
      closure: { by: admin.userId, reason: 'Contract voided', stepId: 'provisioning_handoff' },
    });
    expect(cancelled.state.steps[5]).toMatchObject({ status: 'stopped', outcome: { kind: 'cancelled' } });
  });
});

describe('the requester', () => {
  it('withdraws before booking, with an optional reason', () => {
    const withdrawn = accept(walked(2), { type: 'withdraw', actor: requester, at: at(4) });
    expect(withdrawn.events).toEqual([
      { type: 'withdrawn', reason: null, by: requester.userId, at: '2026-11-23T09:04:00.000Z' },
    ]);
    expect(withdrawn.state).toMatchObject({ status: 'withdrawn', closure: { stepId: 'billing_readiness' } });
  });

  it('withdraws while changes are requested', () => {
    const waiting = apply(walked(1), {
      type: 'request_changes',
      stepId: 'confirm_terms',
      note: 'Wrong term',
      actor: { userId: 'UREV0001', roles: ['revenue_operations'], isDeskAdmin: false },
      at: at(1),
    });
    const withdrawn = accept(waiting, { type: 'withdraw', reason: 'Deal lost', actor: requester, at: at(2) });
    expect(withdrawn.state).toMatchObject({
      status: 'withdrawn',
      closure: { reason: 'Deal lost', stepId: null },
    });
  });

  it('cannot withdraw twice: the second says when it was withdrawn', () => {
    const withdrawn = apply(started(), { type: 'withdraw', actor: requester, at: at(4) });
    expect(
      refusal(decide(withdrawn, { type: 'withdraw', actor: requester, at: at(5) }, playbook)),
    ).toMatchObject({
      reason: 'already_done',
      outcome: 'withdrawn',
      by: requester.userId,
      at: '2026-11-23T09:04:00.000Z',
    });
  });
});
