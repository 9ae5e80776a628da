// A desk for the authorization matrix: every kind of person the rules tell apart, requests
// fast-forwarded to any step through the app's own services (the same ones the listeners call),
// and the surfaces a refused person could still click — a stale Home, a copied DM, a form replayed
// to the app — so that every refusal is exercised through a signed Slack request.

import { WebClient } from '@slack/web-api';
import { expect } from 'vitest';
import { actOnRequest } from '../../src/app/act-on-request.ts';
import type { ServiceContext } from '../../src/app/context.ts';
import { OUTBOX_KIND } from '../../src/app/outbox-kinds.ts';
import { submitBooking } from '../../src/app/submit-booking.ts';
import { deskCalendars } from '../../src/config/desk-config.ts';
import type { PrismaClient } from '../../src/db/client.ts';
import { DEFAULT_PLAYBOOK } from '../../src/domain/playbook/default-playbook.ts';
import { createPlaybookRegistry } from '../../src/domain/playbook/registry.ts';
import type { Step } from '../../src/domain/playbook/schema.ts';
import { ROLES, type Role } from '../../src/domain/roles.ts';
import type { Actor, WorkflowCommand } from '../../src/domain/workflow/commands.ts';
import { isActive, type WorkflowState, WorkflowStateSchema } from '../../src/domain/workflow/state.ts';
import type { JsonObject, SlackEmulator, StoredMessage, StoredView } from '../../src/emulator/index.ts';
import { homePageActionId, STEP_TAKE_ACTION_PATTERN, stepTargetValue } from '../../src/slack/ids.ts';
import type { Block } from '../../src/slack/views/elements.ts';
import { asBlocks, asView } from '../../src/slack/web-api-types.ts';
import { ShiftedClock } from '../../src/system-clock.ts';
import { createTestDatabase } from './database.ts';
import { aDeskConfig, DESK_CHANNEL, EMEA_SPECIALISTS, PEOPLE, roleGroupId } from './desk-config.ts';
import {
  type DeskHarness,
  outboxIdle as drainOutbox,
  eventually as eventuallyWithin,
  startDesk,
  startEmulator,
} from './desk-harness.ts';
import { aDraft } from './services.ts';
import { evidenceValue } from './sop-flows.ts';

/** Monday 23 November 2026, 10:00 in London: an ordinary working day, no period-end window. */
export const MONDAY = new Date('2026-11-23T10:00:00Z');
export const MONDAY_DATE = '2026-11-23';

/** A requester who holds every role in EMEA (the region of every request here). */
export const OWNER = { id: 'U0OWNER', name: 'olga', realName: 'Olga Owner', tz: 'Europe/London' };
/** In the workspace, in no group, admin of nothing. */
export const OUTSIDER = { id: 'U0OUTSIDER', name: 'otto', realName: 'Otto Outsider', tz: 'Europe/London' };

/** Holders of each role in AMER: another region, and no backup of EMEA. */
export const AMER_SPECIALISTS: Record<Role, string> = {
  order_management: 'U0OMAMER',
  revenue_operations: 'U0ROAMER',
  billing: 'U0BILAMER',
  customer_operations: 'U0COAMER',
};

/** Holders of each role in APAC, which every EMEA role names as its backup here. */
export const APAC_SPECIALISTS: Record<Role, string> = {
  order_management: 'U0OMAPAC',
  revenue_operations: 'U0ROAPAC',
  billing: PEOPLE.apacBilling.id,
  customer_operations: 'U0COAPAC',
};

export const STEPS: readonly Step[] = DEFAULT_PLAYBOOK.steps;

/**
 * Waits for what the app does after its ack. Generous: on a shared two-core machine the outbox
 * can be seconds behind, and a slow answer is still a right one.
 */
export function eventually<T>(
  probe: () => T | Promise<T>,
  what: string,
  timeoutMs = 20_000,
): Promise<NonNullable<T>> {
  return eventuallyWithin(probe, what, timeoutMs);
}

export interface AuthzDesk {
  harness: DeskHarness;
  emulator: SlackEmulator;
  db: PrismaClient;
  services: ServiceContext;
  /** The bot's own Web API client, to put forged surfaces in front of people. */
  bot: WebClient;
  stop(): Promise<void>;
}

export async function startAuthzDesk(): Promise<AuthzDesk> {
  const emulator = await startEmulator();
  const zones = { AMER: 'America/New_York', APAC: 'Australia/Sydney' } as const;
  for (const person of [OWNER, OUTSIDER]) emulator.addUser({ ...person });
  for (const role of ROLES) {
    for (const [region, people] of [
      ['AMER', AMER_SPECIALISTS],
      ['APAC', APAC_SPECIALISTS],
    ] as const) {
      const id = people[role];
      if (id !== PEOPLE.apacBilling.id)
        emulator.addUser({ id, name: id.toLowerCase(), realName: `${role} ${region}`, tz: zones[region] });
      emulator.addUsergroup({
        id: roleGroupId(role, region),
        handle: `${role.replaceAll('_', '-')}-${region.toLowerCase()}`,
        users: [id],
      });
    }
    emulator.addUsergroup({
      id: roleGroupId(role, 'EMEA'),
      handle: `${role.replaceAll('_', '-')}-emea`,
      users: [EMEA_SPECIALISTS[role], OWNER.id],
    });
  }
  const deskConfig = aDeskConfig();
  for (const role of ROLES) deskConfig.regions.EMEA.roles[role].backup = 'APAC';
  const harness = await startDesk({
    openDatabase: createTestDatabase,
    emulator,
    deskConfig,
    clock: new ShiftedClock(MONDAY),
  });
  const services: ServiceContext = {
    db: harness.database.prisma,
    clock: harness.clock,
    playbooks: createPlaybookRegistry([DEFAULT_PLAYBOOK]),
    playbook: DEFAULT_PLAYBOOK,
    calendars: deskCalendars(deskConfig),
    slaPolicy: deskConfig.sla,
    outboxWritten: () => harness.desk.dispatcher.wake(),
  };
  return {
    harness,
    emulator,
    db: harness.database.prisma,
    services,
    bot: new WebClient(emulator.botToken, { slackApiUrl: emulator.apiUrl }),
    async stop() {
      const violations = emulator.takeViolations();
      await harness.stop();
      await emulator.close();
      if (violations.length > 0)
        throw new Error(`Slack contract violations:\n${JSON.stringify(violations, null, 2)}`);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Fast-forwarding requests through the services (set-up only; every cell acts through Slack).

let quotes = 0;

function specialist(role: Role): Actor {
  return { userId: EMEA_SPECIALISTS[role], roles: [role], isDeskAdmin: false };
}

/** Valid evidence for a step, as its holder would type it. */
function evidenceOf(step: Step): Record<string, string> {
  const owner = { owner: EMEA_SPECIALISTS.customer_operations };
  return Object.fromEntries(step.evidence.map((field) => [field.id, evidenceValue(field, owner)]));
}

export async function stateOf(desk: AuthzDesk, requestId: string): Promise<WorkflowState> {
  const row = await desk.db.bookingRequest.findUniqueOrThrow({ where: { id: requestId } });
  return WorkflowStateSchema.parse(row.workflow);
}

export async function act(desk: AuthzDesk, requestId: string, command: WorkflowCommand): Promise<void> {
  const result = await actOnRequest(desk.services, { requestId, command });
  if (!result.ok) throw new Error(`set-up command ${command.type} failed: ${JSON.stringify(result)}`);
}

/** Books a request as `requesterId` (EMEA, a quote number of its own); returns its id. */
export async function book(desk: AuthzDesk, requesterId: string): Promise<string> {
  quotes += 1;
  const result = await submitBooking(desk.services, {
    requesterId,
    deskChannel: DESK_CHANNEL,
    intakeViewId: null,
    draft: aDraft({ quoteNumber: `Q-AUTHZ-${quotes}` }),
  });
  if (!result.ok) throw new Error(`could not book: ${JSON.stringify(result)}`);
  return result.requestId;
}

/** Ticks items of the active step as its EMEA holder. */
export async function tick(desk: AuthzDesk, requestId: string, step: Step, itemIds: readonly string[]) {
  for (const itemId of itemIds) {
    await act(desk, requestId, {
      type: 'tick',
      stepId: step.id,
      itemId,
      actor: specialist(step.role),
      at: desk.services.clock.now(),
    });
  }
}

/** Works the active step to completion as its EMEA holder: every item ticked, valid evidence. */
async function completeActive(desk: AuthzDesk, requestId: string, step: Step) {
  const record = (await stateOf(desk, requestId)).steps.find((candidate) => candidate.id === step.id);
  const open = step.checklist.filter((item) => record?.checks[item.id]?.ticked !== true);
  await tick(
    desk,
    requestId,
    step,
    open.map((item) => item.id),
  );
  await act(desk, requestId, {
    type: 'complete',
    stepId: step.id,
    evidence: evidenceOf(step),
    actor: specialist(step.role),
    at: desk.services.clock.now(),
  });
}

/** Moves an active request on until step `index` is the active one. */
export async function advanceTo(desk: AuthzDesk, requestId: string, index: number): Promise<void> {
  for (;;) {
    const state = await stateOf(desk, requestId);
    if (!isActive(state)) throw new Error(`request ${requestId} is not active (${state.status})`);
    const at = STEPS.findIndex((step) => step.id === state.activeStepId);
    if (at === index) return;
    if (at > index) throw new Error(`request ${requestId} is already past step ${index + 1}`);
    await completeActive(desk, requestId, STEPS[at]!);
  }
}

/** The active step's holder sends the request back to the requester. */
export async function requestChanges(desk: AuthzDesk, requestId: string): Promise<void> {
  const state = await stateOf(desk, requestId);
  const step = STEPS.find((candidate) => isActive(state) && candidate.id === state.activeStepId)!;
  await act(desk, requestId, {
    type: 'request_changes',
    stepId: step.id,
    note: 'Please check the seat count against the signed quote.',
    actor: specialist(step.role),
    at: desk.services.clock.now(),
  });
}

// ---------------------------------------------------------------------------------------------
// What Slack shows.

interface PlacedButton {
  action_id: string;
  value?: string;
}

/** Every interactive element of a surface, wherever it sits in the blocks. */
export function elementsIn(blocks: readonly JsonObject[] | undefined): PlacedButton[] {
  const found: PlacedButton[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const object = node as Record<string, unknown>;
    if (typeof object.action_id === 'string')
      found.push({
        action_id: object.action_id,
        ...(typeof object.value === 'string' ? { value: object.value } : {}),
      });
    Object.values(object).forEach(walk);
  };
  walk(blocks ?? []);
  return found;
}

export function targetOf(requestId: string, step: Step): string {
  return stepTargetValue({ requestId, stepId: step.id });
}

const parents = new Map<string, string>();

export async function parentTsOf(desk: AuthzDesk, requestId: string): Promise<string> {
  const known = parents.get(requestId);
  if (known) return known;
  const ts = await eventually(async () => {
    const row = await desk.db.bookingRequest.findUnique({
      where: { id: requestId },
      select: { parentTs: true },
    });
    return row?.parentTs ?? null;
  }, `the status card of ${requestId}`);
  parents.set(requestId, ts);
  return ts;
}

export async function cardOf(desk: AuthzDesk, requestId: string): Promise<StoredMessage> {
  const ts = await parentTsOf(desk, requestId);
  return eventually(
    () => desk.emulator.messagesIn(DESK_CHANNEL).find((message) => message.ts === ts),
    'the status card',
  );
}

/** The card's "*Last action* <@U…> took Step 1 (…) · …" line, or ''. */
export function lastActionOn(card: StoredMessage): string {
  return textsIn(card.blocks).find((text) => text.startsWith('*Last action*')) ?? '';
}

/** Every text string of a surface's blocks. */
export function textsIn(blocks: readonly JsonObject[] | undefined): string[] {
  const found: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const object = node as Record<string, unknown>;
    if (typeof object.text === 'string') found.push(object.text);
    Object.values(object).forEach(walk);
  };
  walk(blocks ?? []);
  return found;
}

/** The checklist items shown ticked on a step's message. */
export function tickedOn(message: StoredMessage): string[] {
  const ticked: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const object = node as Record<string, unknown>;
    if (object.type === 'checkboxes' && Array.isArray(object.initial_options))
      for (const option of object.initial_options) ticked.push(String((option as { value?: unknown }).value));
    Object.values(object).forEach(walk);
  };
  walk(message.blocks ?? []);
  return ticked;
}

/** The message of `step` in the request's thread while it can be worked (its buttons name it). */
export async function stepMessageOf(desk: AuthzDesk, requestId: string, step: Step): Promise<StoredMessage> {
  const parentTs = await parentTsOf(desk, requestId);
  const target = targetOf(requestId, step);
  return eventually(
    () =>
      desk.emulator
        .threadOf(DESK_CHANNEL, parentTs)
        .filter((message) =>
          elementsIn(message.blocks).some(
            (element) => STEP_TAKE_ACTION_PATTERN.test(element.action_id) && element.value === target,
          ),
        )
        .at(-1),
    `the message of "${step.title}" with its buttons`,
  );
}

/** Types `/book <text>` in the desk channel and returns the answer only they see. */
export async function ask(desk: AuthzDesk, userId: string, text: string) {
  const before = desk.emulator.ephemeralsFor(userId).length;
  const ack = await desk.emulator.slashCommand({ userId, command: '/book', text, channelId: DESK_CHANNEL });
  expect(ack.status).toBe(200);
  return eventually(() => desk.emulator.ephemeralsFor(userId)[before], `the answer to /book ${text}`);
}

/** Waits until the outbox has sent (or given up on) everything written so far. */
export async function outboxIdle(desk: AuthzDesk): Promise<void> {
  await drainOutbox(desk.db);
}

/** Waits until no Home refresh is queued (they republish whole pools' Homes). */
export async function homesRefreshed(desk: AuthzDesk): Promise<void> {
  await eventually(
    async () =>
      (await desk.db.outboxMessage.count({
        where: { kind: OUTBOX_KIND.homeRefresh, status: { in: ['pending', 'sending'] } },
      })) === 0,
    'the queued Home refreshes',
    60_000,
  );
}

/** Opens someone's Home tab and waits for the view the app publishes. */
export async function openHome(desk: AuthzDesk, userId: string): Promise<StoredView> {
  const before = desk.emulator.homeOf(userId)?.hash;
  await desk.emulator.sendEvent({ type: 'app_home_opened', user: userId, tab: 'home' });
  return eventually(() => {
    const home = desk.emulator.homeOf(userId);
    return home && home.hash !== before ? home : null;
  }, `the Home of ${userId}`);
}

/** The Take it button of a request's step on someone's real Home, paging through their queue. */
export async function homeTakeButton(
  desk: AuthzDesk,
  userId: string,
  requestId: string,
  step: Step,
): Promise<{ home: StoredView; actionId: string } | null> {
  const target = targetOf(requestId, step);
  await homesRefreshed(desk);
  let home = await openHome(desk, userId);
  for (let page = 0; page < 20; page++) {
    const elements = elementsIn(home.blocks);
    const take = elements.find((e) => STEP_TAKE_ACTION_PATTERN.test(e.action_id) && e.value === target);
    if (take) return { home, actionId: take.action_id };
    const next = homePageActionId('queue', 'next');
    if (!elements.some((e) => e.action_id === next)) return null;
    const before = home.hash;
    await desk.emulator.clickButton({ userId, actionId: next, viewId: home.id });
    home = await eventually(
      () => {
        const again = desk.emulator.homeOf(userId);
        return again && again.hash !== before ? again : null;
      },
      `page ${page + 2} of the Home of ${userId}`,
    );
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Forged surfaces: what a person the app would never show a button or a form to can still send.

/**
 * Puts a form in front of someone as if the app had opened it for them: `/book help` opens nothing,
 * so its trigger is free for the bot's views.open. Submitting it sends the app a real, signed
 * view_submission from that person.
 */
export async function forgeForm(
  desk: AuthzDesk,
  userId: string,
  view: { type: 'modal'; blocks: Block[] },
): Promise<StoredView> {
  await closeForms(desk, userId);
  const answer = await desk.emulator.slashCommand({ userId, command: '/book', text: 'help' });
  await desk.bot.views.open({ trigger_id: answer.triggerId, view: asView(view) });
  return desk.emulator.openViewsOf(userId).at(-1)!;
}

/** A copy of a message (a requester's DM and its buttons) in the bot's DM with someone else. */
export async function forgeDm(desk: AuthzDesk, userId: string, blocks: JsonObject[]): Promise<StoredMessage> {
  const posted = await desk.bot.chat.postMessage({
    channel: userId,
    text: 'A copy of a message for someone else',
    blocks: asBlocks(blocks),
  });
  return eventually(
    () => desk.emulator.dmWith(userId).find((message) => message.ts === posted.ts),
    'the copy',
  );
}

/** A Home showing just `blocks` to someone (as a stale or tampered Home would). */
export async function forgeHome(desk: AuthzDesk, userId: string, blocks: Block[]): Promise<StoredView> {
  // A Home refresh the app still has queued would replace the forged one under the click.
  await homesRefreshed(desk);
  await desk.bot.views.publish({ user_id: userId, view: asView({ type: 'home', blocks }) });
  return desk.emulator.homeOf(userId)!;
}

export async function closeForms(desk: AuthzDesk, userId: string): Promise<void> {
  while (desk.emulator.openViewsOf(userId).length > 0) await desk.emulator.closeView({ userId });
}

// ---------------------------------------------------------------------------------------------
// What was written: a refused attempt leaves its own audit record and the message to the person,
// and nothing else.

export interface Snapshot {
  auditId: bigint;
  outboxId: bigint;
  /** The request row and everything hanging off it, as text to compare. */
  state: string;
}

interface SnapshotRow {
  auditId: bigint;
  outboxId: bigint;
  state: string;
}

const NO_REQUEST = '00000000-0000-0000-0000-000000000000';

export async function lastAuditId(desk: AuthzDesk): Promise<bigint> {
  return (await desk.db.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
}

export async function snapshot(desk: AuthzDesk, requestId: string | null): Promise<Snapshot> {
  const id = requestId ?? NO_REQUEST;
  // One query: the machine is shared, and a cell takes two of these.
  const [row] = await desk.db.$queryRaw<SnapshotRow[]>`
    SELECT
      (SELECT coalesce(max("id"), 0) FROM "AuditEvent") AS "auditId",
      (SELECT coalesce(max("id"), 0) FROM "OutboxMessage") AS "outboxId",
      concat_ws(' | ',
        (SELECT concat_ws(',', "version", "status", "commercialVersion", "workflow"::text)
           FROM "BookingRequest" WHERE "id" = ${id}::uuid),
        (SELECT string_agg(concat_ws(',', "key", "status", "updatedAt"), ';' ORDER BY "key")
           FROM "SlaClock" WHERE "requestId" = ${id}::uuid),
        (SELECT string_agg(concat_ws(',', "id", "status"), ';' ORDER BY "id")
           FROM "EscalationCase" WHERE "requestId" = ${id}::uuid),
        (SELECT count(*)::text FROM "CommercialTerms" WHERE "requestId" = ${id}::uuid),
        (SELECT string_agg(concat_ws(',', "region", "date", "role"), ';' ORDER BY "region", "date", "role")
           FROM "CoverageDay")
      ) AS "state"`;
  return { auditId: BigInt(row!.auditId), outboxId: BigInt(row!.outboxId), state: row!.state };
}

/**
 * After a refusal: the request and everything hanging off it as before; one new audit event by the
 * person, the refused attempt; new outbox rows about the request only ephemeral answers. Other
 * people's cells may run meanwhile, so only this person's records and this request's rows count.
 */
export async function expectOnlyTheRefusalRecorded(
  desk: AuthzDesk,
  requestId: string | null,
  before: Snapshot,
  userId: string,
): Promise<void> {
  const after = await snapshot(desk, requestId);
  expect(after.state, 'the request and its clocks, cases and versions are unchanged').toBe(before.state);
  const [audits, outbox] = await Promise.all([
    desk.db.auditEvent.findMany({ where: { id: { gt: before.auditId }, actorId: userId } }),
    desk.db.outboxMessage.findMany({
      where: {
        id: { gt: before.outboxId },
        OR: [{ requestId: requestId ?? NO_REQUEST }, { orderingKey: `ephemeral:${userId}` }],
      },
    }),
  ]);
  expect(
    audits.map((event) => ({ actorId: event.actorId, action: event.action })),
    'only the refused attempt is on the record',
  ).toEqual([{ actorId: userId, action: expect.stringMatching(/^refused\./) }]);
  for (const row of outbox) {
    if (row.kind !== OUTBOX_KIND.ephemeral)
      throw new Error(`a ${row.kind} message was queued: ${JSON.stringify(row.args)}`);
  }
}

/** At most `size` pieces of work at once; the others wait their turn. */
export function limiter(size: number): <T>(work: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (work) => {
    if (running < size) running += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next in line, so nobody overtakes it.
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}

/** Runs `work` after every earlier piece of work under the same key has finished. */
const queues = new Map<string, Promise<unknown>>();
export function exclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
  const turn = (queues.get(key) ?? Promise.resolve()).then(work, work);
  queues.set(
    key,
    turn.catch(() => undefined),
  );
  return turn;
}
