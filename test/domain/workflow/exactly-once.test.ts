import { describe, expect, it } from 'vitest';
import type { WorkflowCommand } from '../../../src/domain/workflow/commands.ts';
import { decide } from '../../../src/domain/workflow/decide.ts';
import { WorkflowStateSchema } from '../../../src/domain/workflow/state.ts';
import {
  accept,
  admin,
  apply,
  at,
  billing,
  completeStep,
  om,
  playbook,
  refusal,
  requester,
  revops,
  started,
  tickAll,
  VALID_EVIDENCE,
  walked,
} from './support.ts';

describe('replaying a command applies it once', () => {
  const replays: {
    name: string;
    state: () => ReturnType<typeof started>;
    command: WorkflowCommand;
    outcome: string;
  }[] = [
    {
      name: 'tick',
      state: started,
      command: { type: 'tick', stepId: 'verify_quote', itemId: 'quote_linked', actor: om, at: at(1) },
      outcome: 'ticked',
    },
    {
      name: 'take',
      state: started,
      command: { type: 'take', stepId: 'verify_quote', actor: om, at: at(1) },
      outcome: 'taken',
    },
    {
      name: 'complete',
      state: () => tickAll(started(), 'verify_quote'),
      command: {
        type: 'complete',
        stepId: 'verify_quote',
        evidence: VALID_EVIDENCE.verify_quote!,
        actor: om,
        at: at(1),
      },
      outcome: 'completed',
    },
    {
      name: 'reject',
      state: () => walked(4),
      command: {
        type: 'reject',
        stepId: 'trigger_billing',
        reason: 'No PO',
        category: 'missing_purchase_order',
        actor: billing,
        at: at(1),
      },
      outcome: 'rejected',
    },
    {
      name: 'request changes',
      state: () => walked(1),
      command: { type: 'request_changes', stepId: 'confirm_terms', note: 'Fix', actor: revops, at: at(1) },
      outcome: 'changes_requested',
    },
    {
      name: 'record the same deviation',
      state: () => walked(1),
      command: {
        type: 'record_deviation',
        stepId: 'confirm_terms',
        field: 'sku',
        expected: 'A',
        actual: 'B',
        actor: revops,
        at: at(1),
      },
      outcome: 'deviation_recorded',
    },
    {
      name: 'reassign',
      state: started,
      command: {
        type: 'reassign',
        stepId: 'verify_quote',
        to: 'UOMA0009',
        reason: 'Leave',
        actor: admin,
        at: at(1),
      },
      outcome: 'assigned',
    },
    {
      name: 'withdraw',
      state: started,
      command: { type: 'withdraw', actor: requester, at: at(1) },
      outcome: 'withdrawn',
    },
    {
      name: 'cancel',
      state: started,
      command: { type: 'cancel', reason: 'Dup', actor: admin, at: at(1) },
      outcome: 'cancelled',
    },
  ];

  it.each(replays)(
    '$name: the second is already_done, naming who and when',
    ({ state, command, outcome }) => {
      const first = accept(state(), command);
      const second = refusal(decide(first.state, { ...command, at: at(99) }, playbook));
      expect(second).toMatchObject({ reason: 'already_done', outcome, at: command.at.toISOString() });
    },
  );

  it.each(replays)(
    '$name: the second is a stale version when it names the version it saw',
    ({ state, command }) => {
      const before = state();
      const first = accept(before, { ...command, expectedVersion: before.version });
      expect(first.state.version).toBe(before.version + 1);
      const second = decide(first.state, { ...command, expectedVersion: before.version }, playbook);
      expect(second).toMatchObject({ ok: false });
      expect(['already_done', 'stale_version']).toContain(!second.ok && second.reason);
    },
  );

  it('refuses the loser of two people completing the same step at once', () => {
    const state = tickAll(started(), 'verify_quote');
    const seen = state.version;
    const complete = (userId: string): WorkflowCommand => ({
      type: 'complete',
      stepId: 'verify_quote',
      evidence: VALID_EVIDENCE.verify_quote!,
      actor: { userId, roles: ['order_management'], isDeskAdmin: false },
      at: at(5),
      expectedVersion: seen,
    });
    const winner = accept(state, complete('UOMA0001'));
    expect(refusal(decide(winner.state, complete('UOMA0002'), playbook))).toMatchObject({
      reason: 'already_done',
      by: 'UOMA0001',
    });
    // Ticks by a colleague meanwhile make the version stale without finishing the step.
    const ticked = apply(started(), {
      type: 'tick',
      stepId: 'verify_quote',
      itemId: 'quote_linked',
      actor: om,
      at: at(1),
    });
    expect(
      refusal(
        decide(
          ticked,
          { type: 'take', stepId: 'verify_quote', actor: om, at: at(2), expectedVersion: 1 },
          playbook,
        ),
      ),
    ).toMatchObject({ reason: 'stale_version', currentVersion: 2 });
  });
});

describe('the stored state', () => {
  it('survives a JSON round trip through the schema at every status', () => {
    const waiting = apply(walked(1), {
      type: 'request_changes',
      stepId: 'confirm_terms',
      note: 'Fix',
      actor: revops,
      at: at(1),
    });
    const states = [
      started(),
      apply(started(), { type: 'take', stepId: 'verify_quote', actor: om, at: at(1) }),
      walked(5),
      waiting,
      completeStep(walked(6), 'verify_acknowledgements').state,
      apply(started(), { type: 'reject', stepId: 'verify_quote', reason: 'Dup', actor: om, at: at(1) }),
      apply(started(), { type: 'withdraw', actor: requester, at: at(1) }),
      apply(walked(4), { type: 'cancel', reason: 'Void', actor: admin, at: at(1) }),
    ];
    expect(states.map((state) => state.status)).toEqual([
      'submitted',
      'in_review',
      'booked',
      'changes_requested',
      'completed',
      'rejected',
      'withdrawn',
      'cancelled',
    ]);
    for (const state of states) {
      const stored = JSON.parse(JSON.stringify(state));
      expect(WorkflowStateSchema.parse(stored)).toEqual(state);
      const next = decide(
        WorkflowStateSchema.parse(stored),
        { type: 'cancel', reason: 'x', actor: admin, at: at(9) },
        playbook,
      );
      expect(next.ok || (!next.ok && next.reason === 'already_done')).toBe(true);
    }
  });

  it('refuses stored data whose shape does not fit its status', () => {
    const booked = JSON.parse(JSON.stringify(walked(4)));
    expect(WorkflowStateSchema.safeParse({ ...booked, bookedAt: null }).success).toBe(false);
    expect(WorkflowStateSchema.safeParse({ ...booked, status: 'changes_requested' }).success).toBe(false);
    expect(WorkflowStateSchema.safeParse({ ...booked, startedAt: 'yesterday' }).success).toBe(false);
  });
});
