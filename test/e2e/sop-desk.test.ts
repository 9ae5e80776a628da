// Asking the desk (/book status, /book mine), desk-admin reassign and cancel, and a large request
// whose card and step messages stay valid Block Kit through a long history.

import { describe, expect, it } from 'vitest';
import { WorkflowStateSchema } from '../../src/domain/workflow/state.ts';
import { ACTION } from '../../src/slack/ids.ts';
import { DESK_CHANNEL, PEOPLE } from '../support/desk-config.ts';
import { type DeskHarness, eventually } from '../support/desk-harness.ts';
import { askDesk, bookThroughSlack, cardsIn } from '../support/flows.ts';
import { specialistFor, stepOf, waitForStepMessage, workStep } from '../support/sop-flows.ts';
import { useDesk } from '../support/use-desk.ts';

const rep = PEOPLE.rep.id;
const lead = PEOPLE.lead.id;

async function answerTo(harness: DeskHarness, userId: string, text: string) {
  const message = await askDesk(harness.emulator, userId, text);
  return `${message.text}\n${JSON.stringify(message.blocks ?? [])}`;
}

async function stepRecordOf(harness: DeskHarness, stepId: string) {
  const request = await harness.database.prisma.bookingRequest.findFirstOrThrow();
  return WorkflowStateSchema.parse(request.workflow).steps.find((record) => record.id === stepId);
}

describe('asking the desk and running it', () => {
  const start = useDesk();

  it('answers /book status by reference or quote, and /book mine, only to the asker', async () => {
    const harness = await start();
    await bookThroughSlack(harness.emulator);
    await workStep(harness, stepOf(0));
    const card = cardsIn(harness.emulator)[0]!;
    const byReference = await answerTo(harness, rep, 'status bk-2026-000001');
    expect(byReference).toContain('BK-2026-000001');
    expect(byReference).toContain('step 2/7');
    expect(byReference).toContain('<!subteam^S0REVENUEOPERATIONSEMEA>');
    expect(byReference).toContain(`/archives/${DESK_CHANNEL}/p${card.ts.replace('.', '')}`);
    expect(await answerTo(harness, rep, 'status Q-1234')).toContain('BK-2026-000001');
    expect(await answerTo(harness, rep, 'status Q-NOPE')).toContain('No request matches');
    expect(await answerTo(harness, rep, 'mine')).toContain('BK-2026-000001');
    expect(await answerTo(harness, PEOPLE.apacRep.id, 'mine')).toContain('no booking requests yet');
  }, 30_000);

  it('lets a desk admin reassign the current step to a role holder, and refuses others', async () => {
    const harness = await start();
    await bookThroughSlack(harness.emulator);
    await waitForStepMessage(harness.emulator, stepOf(0));
    expect(await answerTo(harness, rep, 'reassign BK-2026-000001')).toMatch(/desk admin/i);

    await harness.emulator.slashCommand({ userId: lead, command: '/book', text: 'reassign BK-2026-000001' });
    await eventually(() => harness.emulator.openViewsOf(lead).length === 1, 'the reassign modal');
    const wrong = await harness.emulator.submitView({
      userId: lead,
      values: { to: PEOPLE.billing.id, reason: 'Omar is out until Monday' },
    });
    expect(JSON.stringify(wrong.body)).toContain('do not hold');
    const right = await harness.emulator.submitView({
      userId: lead,
      values: { to: specialistFor(stepOf(0)), reason: 'Omar covers EMEA this week' },
    });
    expect(right.outcome).toBe('close');
    await eventually(
      async () =>
        (await harness.database.prisma.auditEvent.count({ where: { action: 'workflow.reassign' } })) === 1,
      'reassigned',
    );
    await waitForStepMessage(harness.emulator, stepOf(0), (m) =>
      JSON.stringify(m.blocks).includes(`<@${specialistFor(stepOf(0))}>`),
    );
  });

  it('lets a desk admin cancel a request with a reason; the requester hears why', async () => {
    const harness = await start();
    await bookThroughSlack(harness.emulator);
    await waitForStepMessage(harness.emulator, stepOf(0));
    await harness.emulator.slashCommand({ userId: lead, command: '/book', text: 'cancel BK-2026-000001' });
    await eventually(() => harness.emulator.openViewsOf(lead).length === 1, 'the cancel modal');
    // Slack's client enforces min_length; a modified client does not, so the server checks too.
    const short = await harness.emulator.submitView({
      userId: lead,
      values: { reason: 'placeholder reason' },
      stateValues: { reason: { reason: { type: 'plain_text_input', value: 'dup' } } },
    });
    expect(short.outcome).toBe('errors');
    await harness.emulator.submitView({
      userId: lead,
      values: { reason: 'Duplicate of a request booked by phone' },
    });
    await eventually(
      async () => (await harness.database.prisma.bookingRequest.findFirstOrThrow()).status === 'cancelled',
      'cancelled',
    );
    await eventually(
      () => harness.emulator.dmWith(rep).some((m) => JSON.stringify(m).includes('Duplicate of a request')),
      'the DM',
    );
    await waitForStepMessage(
      harness.emulator,
      stepOf(0),
      (m) => !JSON.stringify(m.blocks).includes(ACTION.stepComplete),
    );
  });

  // Six rapid take/tick rounds are handled concurrently on PostgreSQL: the newest selection must win
  // (it once did not — an older untick landed last and the step could not complete).
  it('keeps a 40-line request with a long history within Block Kit limits at every update', async () => {
    const harness = await start();
    const lines = Array.from(
      { length: 40 },
      (_, i) => `SKU-${i} | Product number ${i} with a long description | ${i + 1} | 1,234.56 | 5`,
    ).join('\n');
    await bookThroughSlack(harness.emulator, { lines });
    const step = stepOf(0);
    const userId = specialistFor(step);
    const message = await waitForStepMessage(harness.emulator, step);
    const items = step.checklist.map((item) => item.id);
    let last = '';
    for (let round = 0; round < 6; round++) {
      await harness.emulator
        .clickButton({ userId, actionId: ACTION.stepTake, channel: DESK_CHANNEL, messageTs: message.ts })
        .catch(() => undefined);
      const answer = await harness.emulator.checkBoxes({
        userId,
        actionId: ACTION.stepChecklist,
        channel: DESK_CHANNEL,
        messageTs: message.ts,
        values: round % 2 ? [] : items,
      });
      last = answer.actionTs;
    }
    // However the six were interleaved, the last selection (nothing ticked) is what stays.
    const settled = await eventually(async () => {
      const record = await stepRecordOf(harness, step.id);
      return items.every((id) => record?.selections?.[id] === last) ? record : null;
    }, 'the last selection applied');
    expect(items.filter((id) => settled.checks[id]?.ticked)).toEqual([]);
    await workStep(harness, step);
    await workStep(harness, stepOf(1));
    await eventually(
      () => JSON.stringify(cardsIn(harness.emulator)[0]?.blocks).includes('2/7'),
      'the card at 2/7',
    );
    expect(JSON.stringify(cardsIn(harness.emulator)[0]?.blocks)).toContain('more line');
    // useDesk fails the test on any Block Kit violation the emulator saw.
  }, 30_000);
});
