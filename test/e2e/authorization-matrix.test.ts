// The authorization matrix (issue 8): every action a person can take on a request, by every kind of
// person the rules tell apart, through signed Slack requests to the real app. The expected outcome of
// each cell comes from the MAY table below — the desk's rules written down here, independently of
// src/domain — so a wrong rule in the app fails a named cell ("take (thread) × step role · AMER").
// Allowed: the transition is in the database and on the card or in the thread (or, for a button that
// opens a form, the form opens and nothing is written yet). Refused: a clear answer to that person
// only, and nothing written but the record of the refused attempt.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBooking } from '../../src/db/bookings.ts';
import type { Step } from '../../src/domain/playbook/schema.ts';
import { ROLE_LABELS, ROLES, type Role } from '../../src/domain/roles.ts';
import { COMMAND_TYPES, type CommandType } from '../../src/domain/workflow/commands.ts';
import type { InputValue } from '../../src/emulator/index.ts';
import { ACTION, CALLBACK, homeTakeActionId, retryDeliveryActionId } from '../../src/slack/ids.ts';
import { formFromDraft } from '../../src/slack/intake-prefill.ts';
import { cancelModal, reassignModal } from '../../src/slack/views/admin-modals.ts';
import { homeView } from '../../src/slack/views/home.ts';
import { intakeModal } from '../../src/slack/views/intake-modal.ts';
import { escalationModal } from '../../src/slack/views/request-escalation.ts';
import {
  completeStepModal,
  deviationModal,
  escalateModal,
  rejectStepModal,
  requestChangesModal,
} from '../../src/slack/views/step-modals.ts';
import {
  AMER_SPECIALISTS,
  APAC_SPECIALISTS,
  type AuthzDesk,
  act,
  advanceTo,
  ask,
  book,
  cardOf,
  closeForms,
  elementsIn,
  eventually,
  exclusive,
  expectOnlyTheRefusalRecorded,
  forgeDm,
  forgeForm,
  forgeHome,
  homeTakeButton,
  lastActionOn,
  lastAuditId,
  limiter,
  MONDAY_DATE,
  OUTSIDER,
  OWNER,
  openHome,
  outboxIdle,
  parentTsOf,
  requestChanges,
  STEPS,
  snapshot,
  startAuthzDesk,
  stateOf,
  stepMessageOf,
  targetOf,
  textsIn,
  tick,
  tickedOn,
} from '../support/authz-desk.ts';
import { DESK_CHANNEL, EMEA_SPECIALISTS, PEOPLE, roleGroupId } from '../support/desk-config.ts';
import { intakeValues } from '../support/intake-values.ts';

// ---------------------------------------------------------------------------------------------
// The rules.

/** Who a person is, relative to one request (EMEA) and its current step. */
type ActorKind =
  | 'step role · EMEA'
  | 'other role · EMEA'
  | 'step role · AMER'
  | 'other role · AMER'
  | 'step role · APAC backup, coverage off'
  | 'step role · APAC backup, coverage on'
  | 'other role · APAC backup, coverage on'
  | 'requester'
  | 'requester holding the step role'
  | 'desk admin'
  | 'outsider';

/** What an action needs. */
type Permission = 'step work' | 'requester' | 'desk admin' | 'anyone';

// Step work belongs to the step's role pool in the request's region, and to that role's backup pool
// (APAC here) while coverage is on; never to the requester, even one who holds the role (no one checks
// their own booking); desk admins steer requests (reassign, cancel), they do not work steps. Amending,
// withdrawing and escalating a request belong to its requester alone, whatever roles they hold.
// Reading where a request stands is open to anyone: its card is in the desk channel anyway.
// biome-ignore format: a table reads best aligned
const MAY: Record<ActorKind, Record<Permission, boolean>> = {
  'step role · EMEA':                      { 'step work': true,  requester: false, 'desk admin': false, anyone: true },
  'other role · EMEA':                     { 'step work': false, requester: false, 'desk admin': false, anyone: true },
  'step role · AMER':                      { 'step work': false, requester: false, 'desk admin': false, anyone: true },
  'other role · AMER':                     { 'step work': false, requester: false, 'desk admin': false, anyone: true },
  'step role · APAC backup, coverage off': { 'step work': false, requester: false, 'desk admin': false, anyone: true },
  'step role · APAC backup, coverage on':  { 'step work': true,  requester: false, 'desk admin': false, anyone: true },
  'other role · APAC backup, coverage on': { 'step work': false, requester: false, 'desk admin': false, anyone: true },
  requester:                               { 'step work': false, requester: true,  'desk admin': false, anyone: true },
  'requester holding the step role':       { 'step work': false, requester: true,  'desk admin': false, anyone: true },
  'desk admin':                            { 'step work': false, requester: false, 'desk admin': true,  anyone: true },
  outsider:                                { 'step work': false, requester: false, 'desk admin': false, anyone: true },
};

/** A refusal must say who may do it instead. */
function expectClearRefusal(text: string, permission: Permission, step: Step): void {
  switch (permission) {
    case 'step work':
      // "Only <!subteam^…EMEA> can take this step." / "…so someone else in <!subteam^…EMEA> must verify it."
      expect(text).toContain(`<!subteam^${roleGroupId(step.role, 'EMEA')}>`);
      return;
    case 'requester':
      expect(text).toMatch(/only the requester/i);
      return;
    case 'desk admin':
      expect(text).toMatch(/only (a )?desk admins?/i);
      return;
    case 'anyone':
      throw new Error('nobody is refused what anyone may do');
  }
}

// ---------------------------------------------------------------------------------------------
// The people.

const rep = PEOPLE.rep.id;
const lead = PEOPLE.lead.id;

interface Person {
  kind: ActorKind;
  /** The cell's name for them, e.g. "other role (Billing) · EMEA". */
  label: string;
  userId: string;
  /** EMEA's backup coverage by APAC is on while they act. */
  coverage: boolean;
  /** They act on a request they raised themselves (the requester holding every EMEA role). */
  own: boolean;
}

function nextRole(role: Role): Role {
  return ROLES[(ROLES.indexOf(role) + 1) % ROLES.length]!;
}

/** Everyone the rules tell apart, for a request whose current step is `role`'s. */
function peopleFor(role: Role): Person[] {
  const person = (kind: ActorKind, userId: string, label: string = kind): Person => ({
    kind,
    label,
    userId,
    coverage: kind.endsWith('coverage on'),
    own: kind === 'requester holding the step role',
  });
  const other = nextRole(role);
  return [
    person('step role · EMEA', EMEA_SPECIALISTS[role], `step role (${ROLE_LABELS[role]}) · EMEA`),
    ...ROLES.filter((r) => r !== role).map((r) =>
      person('other role · EMEA', EMEA_SPECIALISTS[r], `other role (${ROLE_LABELS[r]}) · EMEA`),
    ),
    person('step role · AMER', AMER_SPECIALISTS[role]),
    person('other role · AMER', AMER_SPECIALISTS[other], `other role (${ROLE_LABELS[other]}) · AMER`),
    person('step role · APAC backup, coverage off', APAC_SPECIALISTS[role]),
    person('step role · APAC backup, coverage on', APAC_SPECIALISTS[role]),
    person(
      'other role · APAC backup, coverage on',
      APAC_SPECIALISTS[other],
      `other role (${ROLE_LABELS[other]}) · APAC backup, coverage on`,
    ),
    person('requester', rep, 'requester (no role)'),
    person('requester holding the step role', OWNER.id),
    person('desk admin', lead),
    person('outsider', OUTSIDER.id),
  ];
}

interface Cell {
  action: string;
  actor: string;
  expected: 'allowed' | 'refused';
  person: Person;
}

const NAME = '$action × $actor → $expected';

/**
 * Cells run a few at a time: one person's cells one after another (their answers are counted, and
 * an allowed person's cells follow each other on the same request), and one allowed action at a
 * time (each republishes Homes another cell may be paging through).
 */
function inTurn<C extends Cell>(work: (cell: C) => Promise<void>): (cell: C) => Promise<void> {
  return (cell) => {
    const turn = () => exclusive(cell.person.userId, () => running(() => work(cell)));
    return cell.expected === 'allowed' ? exclusive('allowed', turn) : turn();
  };
}

/** Three cells at a time: more buys nothing on two cores and risks Slack's three-second ack. */
const running = limiter(3);

/** Marks (or clears) today short-staffed in EMEA for every role, as a desk admin does. */
async function coverage(desk: AuthzDesk, on: boolean): Promise<void> {
  const text = on ? `coverage EMEA ${MONDAY_DATE}` : `coverage clear EMEA ${MONDAY_DATE}`;
  expect((await ask(desk, lead, text)).text).toMatch(on ? /Marked EMEA/ : /Cleared/);
}

// ---------------------------------------------------------------------------------------------
// Answers people get, and what allowed actions show.

type Answer = { text: string } | { form: string };

/** Sends something and returns the answer it brings: an ephemeral message, or a form. */
async function answerTo(desk: AuthzDesk, userId: string, send: () => Promise<unknown>): Promise<Answer> {
  await closeForms(desk, userId);
  const ephemerals = desk.emulator.ephemeralsFor(userId).length;
  await send();
  return eventually((): Answer | null => {
    const told = desk.emulator.ephemeralsFor(userId)[ephemerals];
    if (told) return { text: told.text };
    const form = desk.emulator.openViewsOf(userId)[0];
    return form ? { form: form.callback_id } : null;
  }, `an answer to ${userId}`);
}

/** The refusal an attempt brings; a form opening instead fails the cell. */
async function refusalOf(desk: AuthzDesk, userId: string, send: () => Promise<unknown>): Promise<string> {
  const answer = await answerTo(desk, userId, send);
  if ('form' in answer) throw new Error(`the ${answer.form} form opened for ${userId} instead of a refusal`);
  return answer.text;
}

/** The form a click opens; a refusal instead fails the cell. */
async function formOf(desk: AuthzDesk, userId: string, callbackId: string, send: () => Promise<unknown>) {
  const answer = await answerTo(desk, userId, send);
  if ('text' in answer) throw new Error(`refused instead of the ${callbackId} form: ${answer.text}`);
  expect(answer.form).toBe(callbackId);
  return desk.emulator.openViewsOf(userId)[0]!;
}

/** The audit event of what the person just did (`since`: the last event before they did it). */
async function audited(
  desk: AuthzDesk,
  requestId: string | null,
  userId: string,
  action: string,
  since: bigint,
) {
  return eventually(
    () => desk.db.auditEvent.findFirst({ where: { id: { gt: since }, requestId, actorId: userId, action } }),
    `the audit event ${action} by ${userId}`,
  );
}

/** The card's last action names the person and what they did. */
async function cardSays(desk: AuthzDesk, requestId: string, words: string): Promise<void> {
  await eventually(
    async () => lastActionOn(await cardOf(desk, requestId)).includes(words),
    `the card to say "${words}"`,
  );
}

async function referenceOf(desk: AuthzDesk, requestId: string): Promise<string> {
  return (await desk.db.bookingRequest.findUniqueOrThrow({ where: { id: requestId } })).reference;
}

const stepLabel = (step: Step) => `Step ${STEPS.indexOf(step) + 1} (${step.title})`;
const recordOf = (state: Awaited<ReturnType<typeof stateOf>>, step: Step) =>
  state.steps.find((record) => record.id === step.id)!;

// ---------------------------------------------------------------------------------------------
// Step work.

/**
 * The request an allowed person's cell acts on. `work` and `home` follow them from step to step (an
 * allowed Complete moves `work` on); the others are new at each step, because their action ends it.
 */
type Lane = 'work' | 'home' | 'reject' | 'changes' | 'deviation';
const LASTING: ReadonlySet<Lane> = new Set(['work', 'home']);

interface StepCell {
  desk: AuthzDesk;
  userId: string;
  requestId: string;
  step: Step;
  /** The last audit event before the cell acted. */
  since: bigint;
}

interface StepAction {
  name: string;
  command: CommandType;
  /** The action and callback ids it sends. */
  ids: readonly string[];
  lane: Lane;
  /** What the request needs before an allowed person does it (set up as the step's EMEA holder). */
  prepare?(desk: AuthzDesk, requestId: string, step: Step): Promise<void>;
  /** Tries it; returns what the person was told. */
  refused(cell: StepCell): Promise<string>;
  /** Does it; checks the change in the database and on Slack. */
  allowed(cell: StepCell): Promise<void>;
}

const REASON = 'The quote in the CRM does not match this request.';

type Decision = 'complete' | 'reject' | 'request changes' | 'record deviation' | 'escalate';

/** What a person types into a step's form, by action_id. */
function formValues(decision: Decision, step: Step): Record<string, InputValue> {
  switch (decision) {
    case 'complete':
      return Object.fromEntries(
        step.evidence.map((field) => [
          field.id,
          field.type === 'reference'
            ? (field.example ?? 'REF-1')
            : field.type === 'date'
              ? '2026-12-15'
              : field.type === 'slack_user'
                ? EMEA_SPECIALISTS.customer_operations
                : field.type === 'choice'
                  ? field.options[0]!.id
                  : 'Checked against the signed order form',
        ]),
      );
    case 'reject':
      return { category: step.decisions.reject!.categories[0]!.id, reason: REASON };
    case 'request changes':
      return { note: REASON };
    case 'record deviation':
      return {
        field: step.decisions.record_deviation!.fields[0]!.id,
        expected: '25 seats',
        actual: '30 seats',
      };
    case 'escalate':
      return { category: step.decisions.escalate!.categories[0]!.id, note: REASON };
  }
}

async function clickOnStep({ desk, userId, requestId, step }: StepCell, actionId: string) {
  const message = await stepMessageOf(desk, requestId, step);
  return desk.emulator.clickButton({ userId, actionId, channel: DESK_CHANNEL, messageTs: message.ts });
}

async function tickOnStep({ desk, userId, requestId, step }: StepCell, values: readonly string[]) {
  const message = await stepMessageOf(desk, requestId, step);
  return desk.emulator.checkBoxes({
    userId,
    actionId: ACTION.stepChecklist,
    channel: DESK_CHANNEL,
    messageTs: message.ts,
    values,
  });
}

/** A decision's button (checked at the click: a form opens) and its form (checked at the submission). */
function decision(
  name: Decision,
  ids: { action: string; callback: string },
  lanes: { button: Lane; form: Lane },
  modal: (input: Parameters<typeof completeStepModal>[0]) => {
    type: 'modal';
    blocks: Record<string, unknown>[];
  },
  outcome: {
    command: CommandType;
    card: (step: Step) => string;
    done: (state: Awaited<ReturnType<typeof stateOf>>, step: Step, userId: string) => boolean;
  },
  prepare?: StepAction['prepare'],
): StepAction[] {
  return [
    {
      name: `${name} (button)`,
      command: outcome.command,
      ids: [ids.action],
      lane: lanes.button,
      ...(prepare ? { prepare } : {}),
      refused: (cell) => refusalOf(cell.desk, cell.userId, () => clickOnStep(cell, ids.action)),
      // Nothing is decided at the click: the form opens, for this step, and nothing is written.
      async allowed(cell) {
        const before = await snapshot(cell.desk, cell.requestId);
        const form = await formOf(cell.desk, cell.userId, ids.callback, () => clickOnStep(cell, ids.action));
        expect(form.private_metadata).toBe(targetOf(cell.requestId, cell.step));
        expect((await snapshot(cell.desk, cell.requestId)).state).toBe(before.state);
        await closeForms(cell.desk, cell.userId);
      },
    },
    {
      name: `${name} (form)`,
      command: outcome.command,
      ids: [ids.callback],
      lane: lanes.form,
      ...(prepare ? { prepare } : {}),
      // The form as the step's holders get it, submitted by someone it was never opened for.
      async refused({ desk, userId, requestId, step }) {
        const reference = await referenceOf(desk, requestId);
        await forgeForm(desk, userId, modal({ target: { requestId, stepId: step.id }, step, reference }));
        const ephemerals = desk.emulator.ephemeralsFor(userId).length;
        const answer = await desk.emulator.submitView({ userId, values: formValues(name, step) });
        expect(answer.outcome, 'the form closes; the refusal is explained in the thread').toBe('close');
        return (await eventually(() => desk.emulator.ephemeralsFor(userId)[ephemerals], 'the refusal')).text;
      },
      async allowed(cell) {
        const { desk, userId, requestId, step, since } = cell;
        await formOf(desk, userId, ids.callback, () => clickOnStep(cell, ids.action));
        const answer = await desk.emulator.submitView({ userId, values: formValues(name, step) });
        expect(answer.outcome, JSON.stringify(answer.body)).toBe('close');
        await audited(desk, requestId, userId, `workflow.${outcome.command}`, since);
        expect(outcome.done(await stateOf(desk, requestId), step, userId)).toBe(true);
        await cardSays(desk, requestId, `<@${userId}> ${outcome.card(step)}`);
      },
    },
  ];
}

/** Ticks whatever is still unticked: Complete is refused until every mandatory item is. */
const tickEverything: StepAction['prepare'] = async (desk, requestId, step) => {
  const record = recordOf(await stateOf(desk, requestId), step);
  await tick(
    desk,
    requestId,
    step,
    step.checklist.filter((item) => record.checks[item.id]?.ticked !== true).map((item) => item.id),
  );
};

/** In the order an allowed person does them on their `work` request: the step ends with Complete. */
const STEP_ACTIONS: StepAction[] = [
  {
    name: 'take (thread)',
    command: 'take',
    ids: [ACTION.stepTake],
    lane: 'work',
    refused: (cell) => refusalOf(cell.desk, cell.userId, () => clickOnStep(cell, ACTION.stepTake)),
    async allowed(cell) {
      const { desk, userId, requestId, step, since } = cell;
      await clickOnStep(cell, ACTION.stepTake);
      await audited(desk, requestId, userId, 'workflow.take', since);
      expect(recordOf(await stateOf(desk, requestId), step).assignee?.userId).toBe(userId);
      await cardSays(desk, requestId, `<@${userId}> took ${stepLabel(step)}`);
    },
  },
  {
    name: 'take (Home)',
    command: 'take',
    ids: ['step_take|home'],
    lane: 'home',
    // Their Home does not offer it; a stale or tampered Home still sends the click.
    async refused({ desk, userId, requestId, step }) {
      const take = {
        type: 'button',
        action_id: homeTakeActionId(0),
        text: { type: 'plain_text', text: 'Take it' },
        value: targetOf(requestId, step),
      };
      const home = await forgeHome(desk, userId, [{ type: 'actions', elements: [take] }]);
      return refusalOf(desk, userId, () =>
        desk.emulator.clickButton({ userId, actionId: homeTakeActionId(0), viewId: home.id }),
      );
    },
    async allowed({ desk, userId, requestId, step, since }) {
      const found = await homeTakeButton(desk, userId, requestId, step);
      if (!found) throw new Error('their Home does not offer Take it');
      await desk.emulator.clickButton({ userId, actionId: found.actionId, viewId: found.home.id });
      await audited(desk, requestId, userId, 'workflow.take', since);
      expect(recordOf(await stateOf(desk, requestId), step).assignee?.userId).toBe(userId);
      await cardSays(desk, requestId, `<@${userId}> took ${stepLabel(step)}`);
    },
  },
  {
    name: 'tick',
    command: 'tick',
    ids: [ACTION.stepChecklist],
    lane: 'work',
    // The shared request has its first item ticked: ticking the second as well is the attempt.
    refused: (cell) =>
      refusalOf(cell.desk, cell.userId, () =>
        tickOnStep(
          cell,
          cell.step.checklist.slice(0, 2).map((item) => item.id),
        ),
      ),
    async allowed(cell) {
      const { desk, userId, requestId, step, since } = cell;
      const item = step.checklist[0]!.id;
      await tickOnStep(cell, [item]);
      await audited(desk, requestId, userId, 'workflow.tick', since);
      expect(recordOf(await stateOf(desk, requestId), step).checks[item]).toMatchObject({
        ticked: true,
        by: userId,
      });
      await eventually(
        async () => tickedOn(await stepMessageOf(desk, requestId, step)).includes(item),
        'the item shown ticked',
      );
    },
  },
  {
    name: 'untick',
    command: 'untick',
    ids: [ACTION.stepChecklist],
    lane: 'work',
    prepare: async (desk, requestId, step) => {
      const item = step.checklist[0]!;
      if (recordOf(await stateOf(desk, requestId), step).checks[item.id]?.ticked !== true)
        await tick(desk, requestId, step, [item.id]);
    },
    refused: (cell) => refusalOf(cell.desk, cell.userId, () => tickOnStep(cell, [])),
    async allowed(cell) {
      const { desk, userId, requestId, step, since } = cell;
      const item = step.checklist[0]!.id;
      await tickOnStep(cell, []);
      await audited(desk, requestId, userId, 'workflow.untick', since);
      expect(recordOf(await stateOf(desk, requestId), step).checks[item]).toMatchObject({
        ticked: false,
        by: userId,
      });
      await eventually(
        async () => !tickedOn(await stepMessageOf(desk, requestId, step)).includes(item),
        'the item shown unticked',
      );
    },
  },
  ...decision(
    'escalate',
    { action: ACTION.stepEscalate, callback: CALLBACK.stepEscalate },
    { button: 'work', form: 'work' },
    escalateModal,
    {
      command: 'escalate',
      card: (step) => `escalated ${stepLabel(step)}`,
      done: (state, step, userId) => recordOf(state, step).escalations.some((entry) => entry.by === userId),
    },
  ),
  ...decision(
    'record deviation',
    { action: ACTION.stepDeviation, callback: CALLBACK.stepDeviation },
    // An open deviation holds Complete back, so deviations go on a request of their own.
    { button: 'deviation', form: 'deviation' },
    deviationModal,
    {
      command: 'record_deviation',
      card: (step) => `recorded a deviation at ${stepLabel(step)}`,
      done: (state, step, userId) => recordOf(state, step).deviations.some((entry) => entry.by === userId),
    },
  ),
  ...decision(
    'reject',
    { action: ACTION.stepReject, callback: CALLBACK.stepReject },
    { button: 'work', form: 'reject' },
    rejectStepModal,
    {
      command: 'reject',
      card: (step) => `rejected ${stepLabel(step)}`,
      done: (state, step, userId) =>
        recordOf(state, step).outcome?.kind === 'rejected' && recordOf(state, step).outcome?.by === userId,
    },
  ),
  ...decision(
    'request changes',
    { action: ACTION.stepRequestChanges, callback: CALLBACK.stepRequestChanges },
    { button: 'work', form: 'changes' },
    requestChangesModal,
    {
      command: 'request_changes',
      card: (step) => `requested changes at ${stepLabel(step)}`,
      done: (state, _step, userId) => state.status === 'changes_requested' && state.changes.by === userId,
    },
  ),
  ...decision(
    'complete',
    { action: ACTION.stepComplete, callback: CALLBACK.stepComplete },
    { button: 'work', form: 'work' },
    completeStepModal,
    {
      command: 'complete',
      card: (step) => `completed ${stepLabel(step)}`,
      done: (state, step, userId) =>
        recordOf(state, step).status === 'completed' && recordOf(state, step).outcome?.by === userId,
    },
    tickEverything,
  ),
];

// Every action on the first step of each role; on the steps whose role already had its turn,
// taking and deciding. The forms are tried where their decision is first offered.
const STEP_SCOPE: Record<string, readonly string[]> = {
  verify_quote: [
    'take (thread)',
    'take (Home)',
    'tick',
    'untick',
    'escalate (button)',
    'escalate (form)',
    'reject (button)',
    'reject (form)',
    'request changes (button)',
    'request changes (form)',
    'complete (button)',
    'complete (form)',
  ],
  confirm_terms: [
    'take (thread)',
    'take (Home)',
    'tick',
    'untick',
    'record deviation (button)',
    'record deviation (form)',
    'request changes (button)',
    'complete (button)',
  ],
  billing_readiness: [
    'take (thread)',
    'take (Home)',
    'tick',
    'untick',
    'escalate (button)',
    'request changes (button)',
    'complete (button)',
  ],
  create_order: ['take (thread)', 'complete (button)'],
  trigger_billing: ['take (thread)', 'reject (button)', 'complete (button)'],
  provisioning_handoff: ['take (thread)', 'take (Home)', 'tick', 'untick', 'complete (button)'],
  verify_acknowledgements: ['take (thread)', 'complete (button)'],
};

type StepMatrixCell = Cell & { act: StepAction };

function stepCells(step: Step): StepMatrixCell[] {
  const scope = STEP_SCOPE[step.id] ?? [];
  return STEP_ACTIONS.filter((action) => scope.includes(action.name)).flatMap((act) =>
    peopleFor(step.role).map((person) => ({
      action: act.name,
      actor: person.label,
      expected: MAY[person.kind]['step work'] ? ('allowed' as const) : ('refused' as const),
      person,
      act,
    })),
  );
}

describe('step work: who may act on a step', () => {
  let desk: AuthzDesk;
  /** Refused cells change nothing, so all of them act on these two (raised by the rep, by Olga). */
  const shared = { main: '', own: '' };
  /** The allowed people's requests, by "<actor kind>|<lane>". */
  const lanes = new Map<string, string>();
  const laneOf = (cell: StepMatrixCell) => `${cell.person.kind}|${cell.act.lane}`;

  beforeAll(async () => {
    desk = await startAuthzDesk();
    shared.main = await book(desk, rep);
    shared.own = await book(desk, OWNER.id);
  }, 60_000);
  afterAll(() => desk?.stop());

  for (const [index, step] of STEPS.entries()) {
    describe(`step ${index + 1} · ${step.title} (${ROLE_LABELS[step.role]})`, () => {
      const cells = stepCells(step);

      beforeAll(async () => {
        for (const requestId of [shared.main, shared.own]) {
          await advanceTo(desk, requestId, index);
          await tick(desk, requestId, step, [step.checklist[0]!.id]);
        }
        const needed = new Set(cells.filter((cell) => cell.expected === 'allowed').map(laneOf));
        for (const key of needed) {
          const lasting = LASTING.has(key.split('|')[1] as Lane) ? lanes.get(key) : undefined;
          // A lane an earlier cell closed by mistake (its own failure) is replaced, not inherited.
          if (
            lasting &&
            (await advanceTo(desk, lasting, index).then(
              () => true,
              () => false,
            ))
          )
            continue;
          const requestId = await book(desk, rep);
          await advanceTo(desk, requestId, index);
          lanes.set(key, requestId);
        }
        await outboxIdle(desk);
        for (const requestId of [shared.main, shared.own, ...needed].map((key) => lanes.get(key) ?? key))
          await stepMessageOf(desk, requestId, step);
      }, 120_000);

      const run = inTurn(async (cell: StepMatrixCell) => {
        const { person, act } = cell;
        const userId = person.userId;
        if (cell.expected === 'allowed') {
          const requestId = lanes.get(laneOf(cell))!;
          const before = await snapshot(desk, requestId);
          await act.prepare?.(desk, requestId, step);
          await act.allowed({ desk, userId, requestId, step, since: await lastAuditId(desk) });
          const refusals = await desk.db.auditEvent.count({
            where: { id: { gt: before.auditId }, actorId: userId, action: { startsWith: 'refused.' } },
          });
          expect(refusals, 'nothing refused along the way').toBe(0);
          return;
        }
        const requestId = person.own ? shared.own : shared.main;
        const before = await snapshot(desk, requestId);
        const text = await act.refused({ desk, userId, requestId, step, since: before.auditId });
        expectClearRefusal(text, 'step work', step);
        await expectOnlyTheRefusalRecorded(desk, requestId, before, userId);
        await closeForms(desk, userId);
      });

      describe('backup coverage off', () => {
        it.concurrent.each(cells.filter((cell) => !cell.person.coverage))(NAME, run);
      });
      describe('backup coverage on', () => {
        beforeAll(() => coverage(desk, true));
        afterAll(() => coverage(desk, false));
        it.concurrent.each(cells.filter((cell) => cell.person.coverage))(NAME, run);
      });
    });
  }
});

// ---------------------------------------------------------------------------------------------
// The requester's and the desk admins' actions on a request.

/** Which request a cell acts on: one being worked (at step 2), one waiting on its requester, one whose card was lost. */
type Target = 'active' | 'changes' | 'lost';

type Where = Pick<RequestCell, 'desk' | 'userId' | 'requestId'>;

interface RequestCell {
  desk: AuthzDesk;
  userId: string;
  requestId: string;
  /** The last audit event before the cell acted. */
  since: bigint;
}

interface RequestAction {
  name: string;
  command: CommandType | 'escalate request' | 'retry delivery' | 'status';
  ids: readonly string[];
  permission: Permission;
  target: Target;
  /** Whether an allowed cell changes the request (and so needs one of its own). */
  changes: boolean;
  refused(cell: RequestCell): Promise<string>;
  allowed(cell: RequestCell): Promise<void>;
}

/** The step the active requests are at: their requester has had a DM with Withdraw by then. */
const WORKED = STEPS[1]!;

/** The requester's DM about this request that carries the button. */
async function dmWithButton(desk: AuthzDesk, requestId: string, actionId: string) {
  const { requesterId } = await desk.db.bookingRequest.findUniqueOrThrow({ where: { id: requestId } });
  const dm = await eventually(
    () =>
      desk.emulator
        .dmWith(requesterId)
        .filter((message) =>
          elementsIn(message.blocks).some((e) => e.action_id === actionId && e.value === requestId),
        )
        .at(-1),
    `the DM with ${actionId}`,
  );
  return { dm, requesterId };
}

/** Clicks the requester's button: in their DM if it is theirs, else on a copy in the clicker's own DM. */
async function clickDmButton({ desk, userId, requestId }: Where, actionId: string) {
  const { dm, requesterId } = await dmWithButton(desk, requestId, actionId);
  const message = userId === requesterId ? dm : await forgeDm(desk, userId, dm.blocks ?? []);
  return desk.emulator.clickButton({
    userId,
    actionId,
    channel: message.channel,
    messageTs: message.ts,
    value: requestId,
  });
}

async function clickCardEscalate({ desk, userId, requestId }: Where) {
  const card = await cardOf(desk, requestId);
  return desk.emulator.clickButton({
    userId,
    actionId: ACTION.requestEscalate,
    channel: DESK_CHANNEL,
    messageTs: card.ts,
  });
}

const book_ = (userId: string, text: string) => (desk: AuthzDesk) =>
  desk.emulator.slashCommand({ userId, command: '/book', text, channelId: DESK_CHANNEL });

const AMENDED_LINES = 'PRO-SEAT | Pro seat licence | 30 | 40.00 | 10\nSUPPORT | Premium support | 1 | 500.00';
const ADMIN_REASON = 'The customer signed with another reseller.';
const ESCALATION = {
  category: 'customer_deadline',
  reason: 'The customer signs on Friday and needs the order by then.',
};

/** The text of the form that replaced a submitted one (a refusal shown in place). */
function formText(desk: AuthzDesk, userId: string): string {
  return textsIn(desk.emulator.openViewsOf(userId).at(-1)?.blocks).join('\n');
}

const REQUEST_ACTIONS: RequestAction[] = [
  {
    name: 'amend (button)',
    command: 'amend',
    ids: [ACTION.requestAmend],
    permission: 'requester',
    target: 'changes',
    changes: false,
    refused: (cell) => refusalOf(cell.desk, cell.userId, () => clickDmButton(cell, ACTION.requestAmend)),
    async allowed(cell) {
      const before = await snapshot(cell.desk, cell.requestId);
      const form = await formOf(cell.desk, cell.userId, CALLBACK.amend, () =>
        clickDmButton(cell, ACTION.requestAmend),
      );
      expect(JSON.stringify(form.blocks)).toContain('PRO-SEAT | Pro seat licence | 25');
      expect((await snapshot(cell.desk, cell.requestId)).state).toBe(before.state);
      await closeForms(cell.desk, cell.userId);
    },
  },
  {
    name: 'amend (form)',
    command: 'amend',
    ids: [CALLBACK.amend],
    permission: 'requester',
    target: 'changes',
    changes: true,
    async refused({ desk, userId, requestId }) {
      const booking = (await loadBooking(desk.db, requestId))!;
      await forgeForm(
        desk,
        userId,
        intakeModal({
          prefill: formFromDraft(booking.draft),
          privateMetadata: JSON.stringify({ tz: 'Europe/London', requestId }),
          title: `Amend ${booking.reference}`,
          submitLabel: 'Submit changes',
          callbackId: CALLBACK.amend,
        }),
      );
      const answer = await desk.emulator.submitView({ userId, values: { lines: AMENDED_LINES } });
      expect(answer.outcome).toBe('errors');
      return Object.values(desk.emulator.openViewsOf(userId)[0]?.errors ?? {}).join('\n');
    },
    async allowed(cell) {
      const { desk, userId, requestId, since } = cell;
      await formOf(desk, userId, CALLBACK.amend, () => clickDmButton(cell, ACTION.requestAmend));
      const answer = await desk.emulator.submitView({
        userId,
        values: intakeValues({ lines: AMENDED_LINES }),
      });
      expect(answer.outcome, JSON.stringify(answer.body)).toBe('close');
      await audited(desk, requestId, userId, 'workflow.amend', since);
      const request = await desk.db.bookingRequest.findUniqueOrThrow({ where: { id: requestId } });
      expect({ status: request.status, commercialVersion: request.commercialVersion }).toMatchObject({
        status: expect.stringMatching(/^(submitted|in_review)$/),
        commercialVersion: 2,
      });
      await cardSays(desk, requestId, `<@${userId}> amended the request`);
    },
  },
  {
    name: 'withdraw (button)',
    command: 'withdraw',
    ids: [ACTION.requestWithdraw],
    permission: 'requester',
    target: 'active',
    changes: true,
    refused: (cell) => refusalOf(cell.desk, cell.userId, () => clickDmButton(cell, ACTION.requestWithdraw)),
    async allowed(cell) {
      const { desk, userId, requestId, since } = cell;
      await clickDmButton(cell, ACTION.requestWithdraw);
      await audited(desk, requestId, userId, 'workflow.withdraw', since);
      expect((await stateOf(desk, requestId)).status).toBe('withdrawn');
      await cardSays(desk, requestId, `<@${userId}> withdrew the request`);
    },
  },
  {
    name: 'escalate request (button)',
    command: 'escalate request',
    ids: [ACTION.requestEscalate],
    permission: 'requester',
    target: 'active',
    changes: false,
    refused: (cell) => refusalOf(cell.desk, cell.userId, () => clickCardEscalate(cell)),
    async allowed(cell) {
      const before = await snapshot(cell.desk, cell.requestId);
      const form = await formOf(cell.desk, cell.userId, CALLBACK.requestEscalate, () =>
        clickCardEscalate(cell),
      );
      expect(form.private_metadata).toBe(cell.requestId);
      expect((await snapshot(cell.desk, cell.requestId)).state).toBe(before.state);
      await closeForms(cell.desk, cell.userId);
    },
  },
  {
    name: 'escalate request (form)',
    command: 'escalate request',
    ids: [CALLBACK.requestEscalate],
    permission: 'requester',
    target: 'active',
    changes: true,
    async refused({ desk, userId, requestId }) {
      const reference = await referenceOf(desk, requestId);
      await forgeForm(desk, userId, escalationModal({ requestId, reference, responseHours: 6 }));
      const answer = await desk.emulator.submitView({ userId, values: ESCALATION });
      expect(answer.outcome, 'the form is replaced by the refusal').toBe('update');
      return formText(desk, userId);
    },
    async allowed(cell) {
      const { desk, userId, requestId, since } = cell;
      await formOf(desk, userId, CALLBACK.requestEscalate, () => clickCardEscalate(cell));
      const answer = await desk.emulator.submitView({ userId, values: ESCALATION });
      expect(answer.outcome, JSON.stringify(answer.body)).toBe('close');
      await audited(desk, requestId, userId, 'escalation.opened', since);
      expect(
        await desk.db.escalationCase.count({ where: { requestId, openedBy: userId, status: 'open' } }),
      ).toBe(1);
      const parentTs = await parentTsOf(desk, requestId);
      await eventually(
        () =>
          desk.emulator
            .threadOf(DESK_CHANNEL, parentTs)
            .find((m) => m.text.includes(`<@${userId}> escalated`)),
        'Sales Support pinged in the thread',
      );
    },
  },
  {
    name: 'cancel (/book cancel)',
    command: 'cancel',
    ids: ['/book cancel'],
    permission: 'desk admin',
    target: 'active',
    changes: false,
    async refused({ desk, userId, requestId }) {
      return (await ask(desk, userId, `cancel ${await referenceOf(desk, requestId)}`)).text;
    },
    async allowed({ desk, userId, requestId }) {
      const before = await snapshot(desk, requestId);
      const reference = await referenceOf(desk, requestId);
      await formOf(desk, userId, CALLBACK.adminCancel, () => book_(userId, `cancel ${reference}`)(desk));
      expect((await snapshot(desk, requestId)).state).toBe(before.state);
      await closeForms(desk, userId);
    },
  },
  {
    name: 'cancel (form)',
    command: 'cancel',
    ids: [CALLBACK.adminCancel],
    permission: 'desk admin',
    target: 'active',
    changes: true,
    async refused({ desk, userId, requestId }) {
      await forgeForm(
        desk,
        userId,
        cancelModal({ requestId, stepId: 'request' }, await referenceOf(desk, requestId)),
      );
      const answer = await desk.emulator.submitView({ userId, values: { reason: ADMIN_REASON } });
      expect(answer.outcome).toBe('errors');
      return Object.values(desk.emulator.openViewsOf(userId)[0]?.errors ?? {}).join('\n');
    },
    async allowed({ desk, userId, requestId, since }) {
      const reference = await referenceOf(desk, requestId);
      await formOf(desk, userId, CALLBACK.adminCancel, () => book_(userId, `cancel ${reference}`)(desk));
      const answer = await desk.emulator.submitView({ userId, values: { reason: ADMIN_REASON } });
      expect(answer.outcome, JSON.stringify(answer.body)).toBe('close');
      await audited(desk, requestId, userId, 'workflow.cancel', since);
      expect((await stateOf(desk, requestId)).status).toBe('cancelled');
      await cardSays(desk, requestId, `<@${userId}> cancelled the request`);
    },
  },
  {
    name: 'reassign (/book reassign)',
    command: 'reassign',
    ids: ['/book reassign'],
    permission: 'desk admin',
    target: 'active',
    changes: false,
    async refused({ desk, userId, requestId }) {
      return (await ask(desk, userId, `reassign ${await referenceOf(desk, requestId)}`)).text;
    },
    async allowed({ desk, userId, requestId }) {
      const before = await snapshot(desk, requestId);
      const reference = await referenceOf(desk, requestId);
      await formOf(desk, userId, CALLBACK.adminReassign, () => book_(userId, `reassign ${reference}`)(desk));
      expect((await snapshot(desk, requestId)).state).toBe(before.state);
      await closeForms(desk, userId);
    },
  },
  {
    name: 'reassign (form)',
    command: 'reassign',
    ids: [CALLBACK.adminReassign],
    permission: 'desk admin',
    target: 'active',
    changes: true,
    async refused({ desk, userId, requestId }) {
      const target = { requestId, stepId: WORKED.id };
      await forgeForm(desk, userId, reassignModal(target, await referenceOf(desk, requestId), WORKED.title));
      const answer = await desk.emulator.submitView({
        userId,
        values: { to: EMEA_SPECIALISTS[WORKED.role], reason: ADMIN_REASON },
      });
      expect(answer.outcome).toBe('errors');
      return Object.values(desk.emulator.openViewsOf(userId)[0]?.errors ?? {}).join('\n');
    },
    async allowed({ desk, userId, requestId, since }) {
      const reference = await referenceOf(desk, requestId);
      const to = EMEA_SPECIALISTS[WORKED.role];
      await formOf(desk, userId, CALLBACK.adminReassign, () => book_(userId, `reassign ${reference}`)(desk));
      const answer = await desk.emulator.submitView({ userId, values: { to, reason: ADMIN_REASON } });
      expect(answer.outcome, JSON.stringify(answer.body)).toBe('close');
      await audited(desk, requestId, userId, 'workflow.reassign', since);
      expect(recordOf(await stateOf(desk, requestId), WORKED).assignee?.userId).toBe(to);
      await cardSays(desk, requestId, `<@${userId}> gave ${stepLabel(WORKED)} to <@${to}>`);
    },
  },
  {
    name: 'retry delivery (Home)',
    command: 'retry delivery',
    ids: [ACTION.retryDelivery],
    permission: 'desk admin',
    target: 'lost',
    changes: true,
    // The desk admins' section of the Home, as if it had been shown to them.
    async refused({ desk, userId, requestId }) {
      const row = await desk.db.outboxMessage.findFirstOrThrow({ where: { requestId, status: 'failed' } });
      const reference = await referenceOf(desk, requestId);
      const { blocks } = homeView({
        failedDeliveries: {
          shown: [
            { id: row.id.toString(), kind: row.kind, reference, lastError: row.lastError, failedAt: null },
          ],
          total: 1,
        },
      });
      const home = await forgeHome(desk, userId, blocks);
      const attempts = { actorId: userId, action: 'refused.outbox.retry' };
      const earlier = await desk.db.auditEvent.count({ where: attempts });
      const answer = await answerTo(desk, userId, () =>
        desk.emulator.clickButton({
          userId,
          actionId: retryDeliveryActionId(row.id.toString()),
          viewId: home.id,
        }),
      );
      if (!('form' in answer)) throw new Error(`a message instead of the refusal notice: ${answer.text}`);
      // The notice opens first (its trigger dies in three seconds); the attempt is recorded after.
      await eventually(
        async () => (await desk.db.auditEvent.count({ where: attempts })) > earlier,
        'the attempt audited',
      );
      expect((await desk.db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).status).toBe(
        'failed',
      );
      return formText(desk, userId);
    },
    async allowed({ desk, userId, requestId, since }) {
      const row = await desk.db.outboxMessage.findFirstOrThrow({ where: { requestId, status: 'failed' } });
      const home = await openHome(desk, userId);
      await desk.emulator.clickButton({
        userId,
        actionId: retryDeliveryActionId(row.id.toString()),
        viewId: home.id,
      });
      await audited(desk, requestId, userId, 'outbox.retry', since);
      await parentTsOf(desk, requestId);
      await cardOf(desk, requestId);
    },
  },
  {
    name: 'status (/book status)',
    command: 'status',
    ids: ['/book status'],
    permission: 'anyone',
    target: 'active',
    changes: false,
    refused: () => Promise.reject(new Error('nobody is refused the status')),
    // Read only: the answer, and nothing written at all.
    async allowed({ desk, userId, requestId }) {
      const before = await snapshot(desk, requestId);
      const reference = await referenceOf(desk, requestId);
      const answer = await ask(desk, userId, `status ${reference}`);
      expect(answer.text).toContain(reference);
      expect((await snapshot(desk, requestId)).state).toBe(before.state);
      expect(await desk.db.auditEvent.count({ where: { id: { gt: before.auditId }, actorId: userId } })).toBe(
        0,
      );
    },
  },
];

type RequestMatrixCell = Cell & { act: RequestAction };

const REQUEST_CELLS: RequestMatrixCell[] = REQUEST_ACTIONS.flatMap((act) =>
  peopleFor(WORKED.role).map((person) => ({
    action: act.name,
    actor: person.label,
    expected: MAY[person.kind][act.permission] ? ('allowed' as const) : ('refused' as const),
    person,
    act,
  })),
);

describe("the requester's and the desk admins' actions on a request", () => {
  let desk: AuthzDesk;
  /** Requests refused cells (and allowed ones that change nothing) share, by target and requester. */
  const shared = new Map<string, string>();
  /** Each allowed cell that changes its request gets one of its own. */
  const fresh = new Map<RequestMatrixCell, string>();
  const requesterOf = (person: Person) => (person.own ? OWNER.id : rep);

  async function requestAt(target: Target, requesterId: string): Promise<string> {
    if (target === 'lost') {
      // The status card's post is refused for good: the outbox gives up on it.
      await outboxIdle(desk);
      desk.emulator.fault('chat.postMessage', { error: 'channel_not_found' });
      const requestId = await book(desk, requesterId);
      await eventually(
        () =>
          desk.db.outboxMessage.findFirst({
            where: { requestId, kind: 'status_card.post', status: 'failed' },
          }),
        'the card given up on',
      );
      return requestId;
    }
    const requestId = await book(desk, requesterId);
    await advanceTo(desk, requestId, STEPS.indexOf(WORKED));
    if (target === 'changes') await requestChanges(desk, requestId);
    return requestId;
  }

  beforeAll(async () => {
    desk = await startAuthzDesk();
    for (const target of ['active', 'changes'] as const)
      for (const requesterId of [rep, OWNER.id])
        shared.set(`${target}|${requesterId}`, await requestAt(target, requesterId));
    shared.set(`lost|${rep}`, await requestAt('lost', rep));
    shared.set(`lost|${OWNER.id}`, shared.get(`lost|${rep}`)!);
    for (const cell of REQUEST_CELLS)
      if (cell.expected === 'allowed' && cell.act.changes)
        fresh.set(cell, await requestAt(cell.act.target, requesterOf(cell.person)));
    await outboxIdle(desk);
  }, 120_000);
  afterAll(() => desk?.stop());

  const run = inTurn(async (cell: RequestMatrixCell) => {
    const { person, act } = cell;
    const userId = person.userId;
    const requestId = fresh.get(cell) ?? shared.get(`${act.target}|${requesterOf(person)}`)!;
    if (cell.expected === 'allowed') {
      const before = await snapshot(desk, requestId);
      await act.allowed({ desk, userId, requestId, since: before.auditId });
      const refusals = await desk.db.auditEvent.count({
        where: { id: { gt: before.auditId }, actorId: userId, action: { startsWith: 'refused.' } },
      });
      expect(refusals, 'nothing refused along the way').toBe(0);
      return;
    }
    const before = await snapshot(desk, requestId);
    const text = await act.refused({ desk, userId, requestId, since: before.auditId });
    expectClearRefusal(text, act.permission, WORKED);
    await expectOnlyTheRefusalRecorded(desk, requestId, before, userId);
    await closeForms(desk, userId);
  });

  describe('backup coverage off', () => {
    it.concurrent.each(REQUEST_CELLS.filter((cell) => !cell.person.coverage))(NAME, run);
  });
  describe('backup coverage on', () => {
    beforeAll(() => coverage(desk, true));
    afterAll(() => coverage(desk, false));
    it.concurrent.each(REQUEST_CELLS.filter((cell) => cell.person.coverage))(NAME, run);
  });

  // Found by the matrix: Amend opened the amendment form — the customer, contact, lines and prices —
  // for whoever sent the click; only the submission was refused.
  it('checks Amend at the click: no form for anyone else, nor for a request already booked', async () => {
    const changes = shared.get(`changes|${rep}`)!;
    const { customerAccountName } = (await loadBooking(desk.db, changes))!.draft;
    const told = await refusalOf(desk, OUTSIDER.id, () =>
      clickDmButton({ desk, userId: OUTSIDER.id, requestId: changes }, ACTION.requestAmend),
    );
    expect(told).toContain(`Only the requester (<@${rep}>) can amend this request.`);
    expect(told).not.toContain(customerAccountName);
    expect(desk.emulator.openViewsOf(OUTSIDER.id)).toEqual([]);

    // The requester's Amend from an earlier request for changes, clicked once the order is booked.
    const booked = await requestAt('changes', rep);
    // The DM is drawn when it is sent: it has Amend only while the request waits on its requester.
    await dmWithButton(desk, booked, ACTION.requestAmend);
    const requester = { userId: rep, roles: [], isDeskAdmin: false };
    await act(desk, booked, {
      type: 'amend',
      actor: requester,
      at: desk.services.clock.now(),
      commercialChange: false,
    });
    await advanceTo(desk, booked, STEPS.findIndex((step) => step.milestone === 'booked') + 1);
    const before = await snapshot(desk, booked);
    const stale = await refusalOf(desk, rep, () =>
      clickDmButton({ desk, userId: rep, requestId: booked }, ACTION.requestAmend),
    );
    expect(stale).toContain('already booked');
    await expectOnlyTheRefusalRecorded(desk, booked, before, rep);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// The matrix covers every action the app offers.

describe('the matrix', () => {
  /** Ids that act on no request, and why they are not in the matrix. */
  const NOT_ON_A_REQUEST: Record<string, string> = {
    [ACTION.newBooking]: 'opens a blank booking form, for anyone',
    [CALLBACK.intake]: 'submits a new booking, by anyone',
    [ACTION.surveyRate]: 'answers a survey invitation, not a request (test/e2e/survey.test.ts)',
    [CALLBACK.surveyAnswer]: 'answers a survey invitation, not a request (test/e2e/survey.test.ts)',
  };
  const actions = [...STEP_ACTIONS, ...REQUEST_ACTIONS];

  it('covers every action id and callback id the app defines', () => {
    const covered = new Set(actions.flatMap((action) => action.ids));
    const missing = [...Object.values(ACTION), ...Object.values(CALLBACK)].filter(
      (id) => !covered.has(id) && !(id in NOT_ON_A_REQUEST),
    );
    expect(missing, 'put these in the matrix, or say why they act on no request').toEqual([]);
  });

  it('covers every workflow command', () => {
    const covered = new Set<string>(actions.map((action) => action.command));
    expect(COMMAND_TYPES.filter((type) => !covered.has(type))).toEqual([]);
  });

  it('tries every step action on some step', () => {
    const scoped = new Set(Object.values(STEP_SCOPE).flat());
    expect(STEP_ACTIONS.map((action) => action.name).filter((name) => !scoped.has(name))).toEqual([]);
    expect(Object.keys(STEP_SCOPE).sort()).toEqual(STEPS.map((step) => step.id).sort());
  });
});
