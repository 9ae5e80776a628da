// Fuzzing view_submission: every callback_id the app uses (and unknown ones), with state.values of
// random shapes or of the right shape with hostile text, and tampered private_metadata (other
// requests, other steps, garbage) — correctly signed, against the running app. Every submission is
// answered with 200 within three seconds; inline errors name only the form's inputs (else Slack
// would show the person a generic failure); nothing is thrown unhandled; the database stays whole.

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../src/domain/playbook/default-playbook.ts';
import { CALLBACK } from '../../src/slack/ids.ts';
import { cancelModal, reassignModal } from '../../src/slack/views/admin-modals.ts';
import { intakeModal } from '../../src/slack/views/intake-modal.ts';
import { escalationModal } from '../../src/slack/views/request-escalation.ts';
import {
  completeStepModal,
  deviationModal,
  escalateModal,
  rejectStepModal,
  requestChangesModal,
} from '../../src/slack/views/step-modals.ts';
import { surveyModal } from '../../src/slack/views/survey-modal.ts';
import { PEOPLE } from '../support/desk-config.ts';
import { intakeValues } from '../support/intake-values.ts';
import { hostileText, oddJson, stepTargetValue, userId, uuidLike } from './support/arbitraries.ts';
import {
  issueTrigger,
  partialWrites,
  payloadBody,
  postSigned,
  seedRequests,
  settle,
  useFuzzDesk,
} from './support/fuzz-desk.ts';

const VIEW_RUNS = 1500;

type Block = { type: string; block_id?: string; element?: { type: string; action_id: string } };
type Modal = { callback_id: string; private_metadata: string; blocks: Block[] };

/** Every modal the app submits, built as the app builds it (for a seeded request's first step). */
function modals(requestId: string): Modal[] {
  const step = DEFAULT_PLAYBOOK.steps[0]!;
  const target = { requestId, stepId: step.id };
  const base = { target, step, reference: 'BK-2026-000001' };
  const stepWithEvidence = DEFAULT_PLAYBOOK.steps.find((candidate) => candidate.evidence.length > 0)!;
  return [
    intakeModal({ prefill: {}, privateMetadata: JSON.stringify({ tz: 'Europe/London' }) }),
    intakeModal({
      prefill: {},
      privateMetadata: JSON.stringify({ tz: 'Europe/London', requestId }),
      callbackId: CALLBACK.amend,
    }),
    completeStepModal(base),
    completeStepModal({
      ...base,
      step: stepWithEvidence,
      target: { requestId, stepId: stepWithEvidence.id },
    }),
    rejectStepModal(base),
    requestChangesModal(base),
    deviationModal(base),
    escalateModal(base),
    cancelModal({ requestId, stepId: 'request' }, 'BK-2026-000001'),
    reassignModal(target, 'BK-2026-000001', step.title),
    escalationModal({ requestId, reference: 'BK-2026-000001', responseHours: 6 }),
    surveyModal({ invitationId: '00000000-0000-4000-8000-000000000000', quarter: '2026-Q4' }),
  ] as unknown as Modal[];
}

function inputsOf(view: Modal): Block[] {
  return view.blocks.filter((block) => block.type === 'input' && block.element);
}

/** One element's state, the right type with a hostile value, or junk. */
function elementState(type: string): fc.Arbitrary<unknown> {
  const option = fc.oneof(
    fc.constantFrom('EMEA', 'APAC', 'AMER', 'GBP', 'USD', 'annually', 'net_30', 'auto_renew', '12', 'urgent'),
    hostileText,
  );
  const proper: Record<string, fc.Arbitrary<unknown>> = {
    plain_text_input: hostileText.map((value) => ({ type, value })),
    static_select: option.map((value) => ({
      type,
      selected_option: { value, text: { type: 'plain_text', text: 'x' } },
    })),
    radio_buttons: option.map((value) => ({ type, selected_option: { value } })),
    checkboxes: fc.array(option, { maxLength: 3 }).map((values) => ({
      type,
      selected_options: values.map((value) => ({ value })),
    })),
    datepicker: fc
      .oneof(fc.constantFrom('2026-12-01', '2026-02-30', '1999-01-01', '9999-12-31'), hostileText)
      .map((selected_date) => ({ type, selected_date })),
    users_select: fc.oneof(userId, hostileText).map((selected_user) => ({ type, selected_user })),
  };
  return fc.oneof(
    { weight: 6, arbitrary: proper[type] ?? hostileText.map((value) => ({ type, value })) },
    { weight: 1, arbitrary: fc.constant({ type, value: null }) },
    { weight: 1, arbitrary: oddJson },
  );
}

function stateValues(view: Modal): fc.Arbitrary<unknown> {
  const inputs = inputsOf(view);
  const right = fc
    .tuple(...inputs.map((block) => fc.option(elementState(block.element!.type), { nil: undefined })))
    .map((states) =>
      Object.fromEntries(
        inputs.flatMap((block, index) =>
          states[index] === undefined
            ? []
            : [[block.block_id!, { [block.element!.action_id]: states[index] }]],
        ),
      ),
    );
  return fc.oneof(
    { weight: 6, arbitrary: right },
    { weight: 1, arbitrary: oddJson },
    {
      weight: 1,
      arbitrary: fc.dictionary(hostileText, fc.dictionary(hostileText, oddJson, { maxKeys: 2 }), {
        maxKeys: 3,
      }),
    },
  );
}

describe('fuzzing view_submission', () => {
  const desk = useFuzzDesk();
  let requestIds: string[] = [];

  beforeAll(async () => {
    requestIds = await seedRequests(desk().harness, ['Q-4001', 'Q-4002']);
    desk().clear();
  });

  it(`answers every submission with 200 and inline errors only on inputs (${VIEW_RUNS} cases)`, async () => {
    const { harness } = desk();
    const { emulator } = harness;
    const views = modals(requestIds[0]!);
    const metadata = (view: Modal) =>
      fc.oneof(
        { weight: 3, arbitrary: fc.constant(view.private_metadata) },
        { weight: 3, arbitrary: stepTargetValue(requestIds) },
        { weight: 2, arbitrary: uuidLike(requestIds) },
        {
          weight: 2,
          arbitrary: fc
            .record(
              {
                tz: fc.oneof(fc.constantFrom('Europe/London', 'Mars/Olympus'), hostileText),
                requestId: uuidLike(requestIds),
                channel: hostileText,
              },
              { requiredKeys: [] },
            )
            .map((value) => JSON.stringify(value)),
        },
        { weight: 1, arbitrary: hostileText },
      );
    const submission = fc.constantFrom(...views).chain((view) =>
      fc.record({
        view: fc.constant(view),
        callbackId: fc.oneof(
          { weight: 9, arbitrary: fc.constant(view.callback_id) },
          { weight: 1, arbitrary: fc.oneof(fc.constantFrom(...Object.values(CALLBACK)), hostileText) },
        ),
        metadata: metadata(view),
        values: fc.oneof(
          { weight: 8, arbitrary: stateValues(view) },
          // Mostly valid intake values with one field made hostile: gets past the cheap checks.
          {
            weight: view.callback_id === CALLBACK.intake || view.callback_id === CALLBACK.amend ? 3 : 0,
            arbitrary: fc
              .tuple(fc.constantFrom(...Object.keys(intakeValues())), hostileText)
              .map(([field, text]) => validIntakeState(view, { [field]: text })),
          },
        ),
        user: userId,
      }),
    );
    await fc.assert(
      fc.asyncProperty(submission, async ({ view, callbackId, metadata, values, user }) => {
        const payload = {
          type: 'view_submission',
          team: { id: emulator.teamId, domain: emulator.teamDomain },
          user: { id: user, username: 'someone', name: 'someone', team_id: emulator.teamId },
          api_app_id: 'A0BOOKINGAPP',
          token: 'legacy',
          trigger_id: issueTrigger(emulator, PEOPLE.rep.id),
          view: {
            id: 'V0FUZZ',
            team_id: emulator.teamId,
            type: 'modal',
            ...view,
            callback_id: callbackId,
            private_metadata: metadata,
            state: { values },
            hash: '1.abc',
            app_id: 'A0BOOKINGAPP',
            bot_id: 'B0BOOKINGBOT',
          },
          response_urls: [],
        };
        const answer = await postSigned(emulator, payloadBody(payload));
        expect(answer.status).toBe(200);
        expect(answer.ackMs).toBeLessThan(3000);
        const body = answer.body as { response_action?: string; errors?: Record<string, string> } | '';
        // (Slack sends a view's own callback_id and private_metadata with its blocks; with a swapped one
        // the errors may name another form's inputs, which proves nothing about what people see.)
        const own = callbackId === view.callback_id && metadata === view.private_metadata;
        if (typeof body === 'object' && body?.response_action === 'errors' && own) {
          const inputs = inputsOf(view).map((block) => block.block_id);
          for (const [blockId, message] of Object.entries(body.errors ?? {})) {
            expect(inputs, `an error on ${blockId} (${message})`).toContain(blockId);
            expect(message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: VIEW_RUNS },
    );
    await settle(harness);
    expect(emulator.takeViolations()).toEqual([]);
    expect(desk().incidents).toEqual([]);
    expect(await partialWrites(harness)).toEqual([]);
  }, 240_000);
});

/** The state.values Slack would send for the valid intake form, with `overrides` by action_id. */
function validIntakeState(view: Modal, overrides: Record<string, string>): unknown {
  const values: Record<string, unknown> = { ...intakeValues(), ...overrides };
  return Object.fromEntries(
    inputsOf(view).flatMap((block) => {
      const element = block.element!;
      const value = values[element.action_id];
      if (value === undefined) return [];
      const state =
        element.type === 'plain_text_input'
          ? { type: element.type, value: String(value) }
          : element.type === 'datepicker'
            ? { type: element.type, selected_date: String(value) }
            : element.type === 'checkboxes'
              ? { type: element.type, selected_options: (value as string[]).map((v) => ({ value: v })) }
              : { type: element.type, selected_option: { value: String(value) } };
      return [[block.block_id!, { [element.action_id]: state }]];
    }),
  );
}
