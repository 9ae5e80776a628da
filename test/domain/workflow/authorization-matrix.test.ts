// Every command × every role × requester or not × desk admin or not: only the allowed ones succeed,
// and every other one is refused as not_allowed (never for another reason).

import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../src/domain/roles.ts';
import type { Actor, CommandType, WorkflowCommand } from '../../../src/domain/workflow/commands.ts';
import { COMMAND_TYPES } from '../../../src/domain/workflow/commands.ts';
import { decide } from '../../../src/domain/workflow/decide.ts';
import type { WorkflowState } from '../../../src/domain/workflow/state.ts';
import {
  apply,
  at,
  om,
  playbook,
  REQUESTER,
  requester,
  revops,
  started,
  stepOf,
  tickAll,
  VALID_EVIDENCE,
  walked,
} from './support.ts';

type Scenario = {
  name: string;
  type: CommandType;
  state: () => WorkflowState;
  command: (actor: Actor) => WorkflowCommand;
};

const when = at(500);
const changesRequested = () =>
  apply(walked(1), {
    type: 'request_changes',
    stepId: 'confirm_terms',
    note: 'Fix SKU',
    actor: revops,
    at: at(1),
  });

const scenarios: Scenario[] = [
  {
    name: 'tick on step 1',
    type: 'tick',
    state: started,
    command: (actor) => ({ type: 'tick', stepId: 'verify_quote', itemId: 'quote_linked', actor, at: when }),
  },
  {
    name: 'untick on step 1',
    type: 'untick',
    state: () =>
      apply(started(), {
        type: 'tick',
        stepId: 'verify_quote',
        itemId: 'quote_linked',
        actor: om,
        at: at(1),
      }),
    command: (actor) => ({ type: 'untick', stepId: 'verify_quote', itemId: 'quote_linked', actor, at: when }),
  },
  {
    name: 'take step 1',
    type: 'take',
    state: started,
    command: (actor) => ({ type: 'take', stepId: 'verify_quote', actor, at: when }),
  },
  {
    name: 'complete step 1',
    type: 'complete',
    state: () => tickAll(started(), 'verify_quote'),
    command: (actor) => ({
      type: 'complete',
      stepId: 'verify_quote',
      evidence: VALID_EVIDENCE.verify_quote!,
      actor,
      at: when,
    }),
  },
  {
    name: 'complete step 6 (customer operations)',
    type: 'complete',
    state: () => tickAll(walked(5), 'provisioning_handoff'),
    command: (actor) => ({
      type: 'complete',
      stepId: 'provisioning_handoff',
      evidence: VALID_EVIDENCE.provisioning_handoff!,
      actor,
      at: when,
    }),
  },
  {
    name: 'reject step 1',
    type: 'reject',
    state: started,
    command: (actor) => ({ type: 'reject', stepId: 'verify_quote', reason: 'Duplicate', actor, at: when }),
  },
  {
    name: 'reject step 5 (billing)',
    type: 'reject',
    state: () => walked(4),
    command: (actor) => ({
      type: 'reject',
      stepId: 'trigger_billing',
      reason: 'No PO',
      category: 'missing_purchase_order',
      actor,
      at: when,
    }),
  },
  {
    name: 'request changes on step 2',
    type: 'request_changes',
    state: () => walked(1),
    command: (actor) => ({
      type: 'request_changes',
      stepId: 'confirm_terms',
      note: 'Fix it',
      actor,
      at: when,
    }),
  },
  {
    name: 'record a deviation on step 2 (revenue operations)',
    type: 'record_deviation',
    state: () => walked(1),
    command: (actor) => ({
      type: 'record_deviation',
      stepId: 'confirm_terms',
      field: 'sku',
      expected: 'PRO-1',
      actual: 'PRO-2',
      actor,
      at: when,
    }),
  },
  {
    name: 'escalate step 3 (billing)',
    type: 'escalate',
    state: () => walked(2),
    command: (actor) => ({
      type: 'escalate',
      stepId: 'billing_readiness',
      category: 'billing_hold',
      note: 'Hold',
      actor,
      at: when,
    }),
  },
  {
    name: 'reassign step 1',
    type: 'reassign',
    state: started,
    command: (actor) => ({
      type: 'reassign',
      stepId: 'verify_quote',
      to: 'UOMA0009',
      reason: 'Leave',
      actor,
      at: when,
    }),
  },
  {
    name: 'amend while changes are requested',
    type: 'amend',
    state: changesRequested,
    command: (actor) => ({ type: 'amend', commercialChange: false, actor, at: when }),
  },
  {
    name: 'withdraw before booking',
    type: 'withdraw',
    state: started,
    command: (actor) => ({ type: 'withdraw', reason: 'Deal lost', actor, at: when }),
  },
  {
    name: 'cancel',
    type: 'cancel',
    state: () => walked(4),
    command: (actor) => ({ type: 'cancel', reason: 'Customer bankrupt', actor, at: when }),
  },
];

const roleSets: { name: string; roles: Role[] }[] = [
  { name: 'no role', roles: [] },
  ...ROLES.map((role) => ({ name: role, roles: [role] })),
  { name: 'every role', roles: [...ROLES] },
];

function stepRoleOf(scenario: Scenario): Role | null {
  const command = scenario.command(requester);
  return 'stepId' in command ? stepOf(command.stepId).role : null;
}

function isAllowed(scenario: Scenario, actor: Actor): boolean {
  const isRequester = actor.userId === REQUESTER;
  switch (scenario.type) {
    case 'amend':
    case 'withdraw':
      return isRequester;
    case 'cancel':
      return actor.isDeskAdmin;
    case 'reassign':
      return actor.isDeskAdmin && !isRequester;
    default:
      return !isRequester && actor.roles.includes(stepRoleOf(scenario)!);
  }
}

const cases = scenarios.flatMap((scenario) =>
  roleSets.flatMap((roleSet) =>
    [true, false].flatMap((isRequester) =>
      [true, false].map((isDeskAdmin) => {
        const actor: Actor = {
          userId: isRequester ? REQUESTER : 'UACT0001',
          roles: roleSet.roles,
          isDeskAdmin,
        };
        const who = `${isRequester ? 'requester' : 'colleague'} with ${roleSet.name}${isDeskAdmin ? ', desk admin' : ''}`;
        return { title: `${scenario.name} by ${who}`, scenario, actor };
      }),
    ),
  ),
);

describe('the authorization matrix', () => {
  it('covers every command', () => {
    expect(new Set(scenarios.map((scenario) => scenario.type))).toEqual(new Set(COMMAND_TYPES));
  });

  it.each(cases)('$title', ({ scenario, actor }) => {
    const result = decide(scenario.state(), scenario.command(actor), playbook);
    if (isAllowed(scenario, actor)) {
      expect(result).toMatchObject({ ok: true });
    } else {
      expect(result).toMatchObject({ ok: false, reason: 'not_allowed' });
    }
  });
});
