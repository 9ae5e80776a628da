// Fuzzing block_actions: known and unknown action_ids, values that are garbage, random JSON, other
// requests' ids and other requests' steps, checklist block_ids pointing anywhere, missing
// user/channel/container — correctly signed, against the running app. Every click is acknowledged
// with 200 within three seconds, nothing is thrown unhandled, and the database stays whole.

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../src/domain/playbook/default-playbook.ts';
import { ACTION, homePageActionId, homeTakeActionId, retryDeliveryActionId } from '../../src/slack/ids.ts';
import { DESK_CHANNEL, PEOPLE } from '../support/desk-config.ts';
import { hostileText, oddJson, STEP_IDS, stepTargetValue, userId, uuidLike } from './support/arbitraries.ts';
import {
  issueResponseUrl,
  issueTrigger,
  partialWrites,
  payloadBody,
  postSigned,
  seedRequests,
  settle,
  useFuzzDesk,
} from './support/fuzz-desk.ts';

const ACTION_RUNS = 2000;

const CHECKLIST_ITEMS = DEFAULT_PLAYBOOK.steps.flatMap((step) => step.checklist.map((item) => item.id));

describe('fuzzing block_actions', () => {
  const desk = useFuzzDesk();
  let requestIds: string[] = [];

  beforeAll(async () => {
    requestIds = await seedRequests(desk().harness, ['Q-3001', 'Q-3002', 'Q-3003']);
    desk().clear();
  });

  it(`acknowledges every click with 200 and keeps the database whole (${ACTION_RUNS} cases)`, async () => {
    const { harness } = desk();
    const { emulator } = harness;
    const known = Object.values(PEOPLE).map((person) => person.id);
    const actionId = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...Object.values(ACTION)) },
      {
        weight: 2,
        arbitrary: fc.oneof(
          fc.nat(30).map(homeTakeActionId),
          fc
            .constantFrom(...(['mine', 'queue', 'holding'] as const))
            .chain((section) =>
              fc.constantFrom('previous', 'next').map((d) => homePageActionId(section, d as 'next')),
            ),
          fc.bigInt({ min: 0n, max: 10n ** 19n }).map((id) => retryDeliveryActionId(String(id))),
          fc.nat(5).map((group) => `${ACTION.stepChecklist}|${group}`),
        ),
      },
      { weight: 2, arbitrary: hostileText },
    );
    const value = fc.oneof(
      { weight: 5, arbitrary: stepTargetValue(requestIds) },
      { weight: 2, arbitrary: uuidLike(requestIds) },
      {
        weight: 1,
        arbitrary: fc
          .record({ s: fc.constantFrom('mine', 'queue', 'holding', 'other'), p: oddJson })
          .map((page) => JSON.stringify(page)),
      },
      { weight: 1, arbitrary: fc.bigInt({ min: -1n, max: 10n ** 20n }).map(String) },
      { weight: 1, arbitrary: hostileText },
    );
    const blockId = fc.oneof(
      fc
        .tuple(uuidLike(requestIds), fc.oneof(fc.constantFrom(...STEP_IDS), hostileText), fc.nat(4))
        .map(([r, s, group]) => `checklist|${r}|${s}${group > 0 ? `|${group}` : ''}`),
      hostileText,
    );
    const options = fc.array(
      fc.record({
        value: fc.oneof(fc.constantFrom(...CHECKLIST_ITEMS), hostileText),
        text: fc.constant({ type: 'plain_text', text: 'x' }),
      }),
      { maxLength: 12 },
    );
    const click = fc.record(
      {
        user: fc.oneof(
          {
            weight: 10,
            arbitrary: userId.map((id) => ({ id, username: 'someone', team_id: emulator.teamId })),
          },
          { weight: 1, arbitrary: oddJson },
        ),
        channel: fc.oneof(fc.constant({ id: DESK_CHANNEL }), oddJson),
        container: fc.oneof(
          fc.constant({ type: 'message', channel_id: DESK_CHANNEL, message_ts: '1.000100' }),
          fc.constant({ type: 'view', view_id: 'V0NONE' }),
          oddJson,
        ),
        action: fc.record(
          {
            type: fc.constantFrom('button', 'checkboxes', 'static_select', 'overflow'),
            action_id: actionId,
            block_id: blockId,
            value,
            selected_options: options,
            action_ts: fc.constant('1.000200'),
          },
          { requiredKeys: ['type', 'action_id'] },
        ),
        extraActions: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 2 }),
      },
      { requiredKeys: ['user', 'action', 'extraActions'] },
    );
    await fc.assert(
      fc.asyncProperty(click, async (input) => {
        const user = (input.user as { id?: unknown } | null)?.id;
        const owner = typeof user === 'string' && (known as string[]).includes(user) ? user : PEOPLE.rep.id;
        const payload = {
          type: 'block_actions',
          team: { id: emulator.teamId, domain: emulator.teamDomain },
          user: input.user,
          api_app_id: 'A0BOOKINGAPP',
          token: 'legacy',
          trigger_id: issueTrigger(emulator, owner),
          response_url: issueResponseUrl(emulator, DESK_CHANNEL, owner),
          ...('channel' in input ? { channel: input.channel } : {}),
          ...('container' in input ? { container: input.container } : {}),
          actions: [input.action, ...input.extraActions],
        };
        const answer = await postSigned(emulator, payloadBody(payload));
        // 400 only for what Bolt itself cannot read (a null where Slack sends an object or nothing).
        expect(malformed(payload) ? [200, 400] : [200]).toContain(answer.status);
        expect(answer.ackMs).toBeLessThan(3000);
      }),
      { numRuns: ACTION_RUNS },
    );
    await settle(harness);
    // Slack only sends clicks of people it knows; a Home published back to one the fuzzer made up
    // (Home paging, Retry) is refused by the emulator, which is the fuzzer's own doing.
    const madeUp = /user_id \S+ names no user/;
    const violations = emulator
      .takeViolations()
      .filter((v) => !(v.source === 'views.publish' && v.messages.every((m) => madeUp.test(m))));
    expect(violations).toEqual([]);
    expect(desk().incidents).toEqual([]);
    expect(await partialWrites(harness)).toEqual([]);
  }, 240_000);
});

/** Shapes Slack never sends and Bolt cannot read: `channel` or `user` present but not an object. */
function malformed(payload: { user?: unknown; channel?: unknown }): boolean {
  const notObject = (value: unknown) => typeof value !== 'object' || value === null || Array.isArray(value);
  return ('channel' in payload && notObject(payload.channel)) || notObject(payload.user);
}
